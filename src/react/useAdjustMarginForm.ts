'use client';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { Decimal } from '../core/decimal';
import { amountInputValue } from '../core/format';
import type { AdjustType } from '../core/types';
import {
  summarizeAdjustMarginForm,
  type AdjustMarginFormSummary,
  type AmountIntent,
  type Percent,
} from '../engine/adjustMarginForm';
import { adjustmentReceipt, type AdjustmentReceipt, type SubmitAdjustMargin } from '../engine/adjustments';
import { confirmAdjustment, freshMax } from '../engine/confirm';
import type { SubmitStateOf } from '../engine/operations';
import { observePosition, type PositionObserver, type PositionState } from '../engine/positionObserver';
import type { AdjustMarginRequest, PositionSide, Unsubscribe } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';
import type { OperationFormActions } from './operationForm';

/** Where a Confirm stands (over the limit: -4051, -4050). */
export type SubmitState = SubmitStateOf<AdjustMarginRequest, AdjustmentReceipt>;

/** Options of the headless form. */
export interface UseAdjustMarginFormOptions {
  symbol: string;
  positionSide: PositionSide;
  defaultMode?: AdjustType;
  locale?: string;
  staleAfterMs?: number;
  /** Submits instead of the data source (an app's own `onConfirm`). */
  onConfirm?: SubmitAdjustMargin;
  /** Called once the adjustment is accepted (also when the form was closed meanwhile). */
  onSuccess?: (request: AdjustMarginRequest) => void;
  /**
   * A removal that brings the liquidation price within this many % of the mark waits for
   * `acknowledgeRisk(true)` before Confirm sends (default 5; 0 turns it off).
   */
  warnLiquidationDistancePct?: number;
  /**
   * Re-render only when something besides the live figures changes (the status, the mode, the
   * amount's text and validation, Confirm, the outcome…), not on every tick: the figures that move
   * with the mark (the max and what limits it, before → after, risk, the target range, the mark
   * price and its time) are then read from `live` by the parts that show them. Default false: every
   * update of the limits re-renders.
   */
  figuresApart?: boolean;
}

/** The form at one moment: the position's live state and the summary derived from it. */
interface AdjustMarginFormView {
  limitsState: PositionState;
  summary: AdjustMarginFormSummary;
}

/** The form's latest view, on every tick (`useSyncExternalStore(live.subscribe, live.current)`). */
export interface LiveAdjustMarginForm {
  subscribe(listener: () => void): Unsubscribe;
  current(): AdjustMarginFormView;
}

/** Everything a view needs: the live limits, the derived form, and the actions. */
export interface AdjustMarginFormState extends AdjustMarginFormSummary, OperationFormActions<SubmitState> {
  limitsState: PositionState;
  mode: AdjustType;
  intent: AmountIntent;
  /** The session's headroom for Max and the presets, in basis points (0: the exact max). */
  maxHeadroomBps: number;
  setMode: (mode: AdjustType) => void;
  /** A target liquidation price as typed: the amount follows it (see `solveTarget`). */
  setTarget: (text: string) => void;
  /** The removal comes near liquidation (`risk.nearLiquidation`) and is not acknowledged yet: Confirm sends nothing. */
  awaitingAcknowledgement: boolean;
  /** The user acknowledged the risk of this amount and mode; a new amount, fraction, target or mode resets it. */
  riskAcknowledged: boolean;
  acknowledgeRisk: (acknowledged: boolean) => void;
  /** The latest limits and summary on every tick, also while `figuresApart` holds the render back. */
  live: LiveAdjustMarginForm;
}

const OVER_LIMIT_KINDS: ReadonlySet<string> = new Set(['insufficientIsolatedBalance', 'insufficientCrossBalance']);

/** One object for every render with nothing sent: a memoised view of the state skips a tick. */
const IDLE: SubmitState = { kind: 'idle' };

/** What the form derives from the position's state and the user's mode and intent. */
interface FormInputs {
  mode: AdjustType;
  intent: AmountIntent;
  locale: string | undefined;
  warnLiquidationDistancePct: number | undefined;
}

interface FormView extends AdjustMarginFormView {
  /** The user's intent, or in flight the request's amount. */
  intent: AmountIntent;
}

/**
 * The form from a position state. In flight, the form is the request: its mode, its amount, the
 * limits it was checked against.
 */
function formView(limitsState: PositionState, inputs: FormInputs): FormView {
  const { locale } = inputs;
  const adjustment = limitsState.adjustment;
  const inFlight = adjustment.kind === 'pending' ? adjustment : null;
  const decimals = limitsState.limits?.position.marginAssetPrecision ?? 8;
  const mode = inFlight ? inFlight.request.type : inputs.mode;
  const intent: AmountIntent = inFlight
    ? { kind: 'typed', text: amountInputValue(inFlight.request.amount, decimals, locale) }
    : inputs.intent;
  const summary = summarizeAdjustMarginForm({
    mode,
    intent,
    limits: inFlight ? inFlight.basis : limitsState.limits,
    offered: inFlight ? undefined : limitsState.offered?.[mode],
    isStale: limitsState.isStale,
    locale,
    warnLiquidationDistancePct: inputs.warnLiquidationDistancePct,
  });
  return { limitsState, summary, intent };
}

/**
 * What a view shows besides the live figures: what `figuresApart` re-renders on. A removal near
 * liquidation shows its distance in a status region, so its every change counts.
 */
function shapeOf({ limitsState: s, summary: x }: FormView): unknown[] {
  // The intent follows the inputs (a new `liveForm`) and the adjustment (below).
  return [
    s.status,
    s.feedStatus,
    s.isStale,
    s.error,
    s.problem,
    s.adjustment,
    s.limits?.position,
    x.mode,
    x.text,
    x.targetText,
    JSON.stringify([x.validation, x.target?.error]),
    x.max?.isZero(),
    x.risk?.nearLiquidation && x.risk,
    x.blockedByStalePrice,
    x.canConfirm,
  ];
}

/** The form over an observer for some inputs: its latest view, and the view last rendered by shape. */
function liveForm(observer: PositionObserver, inputs: FormInputs) {
  let last: FormView | undefined;
  // The view last rendered by shape, its shape, and the view last compared with it.
  let shown: { view: FormView; shape: unknown[] } | undefined;
  let checked: FormView | undefined;
  const current = (): FormView => {
    const state = observer.getSnapshot();
    if (last?.limitsState !== state) last = formView(state, inputs);
    return last;
  };
  return {
    subscribe: observer.subscribe,
    current,
    shaped(): FormView {
      const view = current();
      if (view !== checked) {
        checked = view;
        const shape = shapeOf(view);
        const was = shown?.shape;
        if (!was || shape.some((v, i) => v !== was[i])) shown = { view, shape };
      }
      return shown?.view ?? view;
    },
  };
}

/**
 * The Adjust Margin form without a view: the user's mode and amount (the only state it holds), the
 * session's live limits and adjustment, the pure summary, and Confirm through the session's
 * `confirmAdjustment`. While a request is in flight the form shows that request (its mode and
 * amount) against the limits it was checked with, whatever the account does meanwhile, and a form
 * opened again for the position shows it too: the state is the session's, not the component's.
 * The styled dialog is a thin view over it; an app with its own design system can use it directly.
 */
export function useAdjustMarginForm(options: UseAdjustMarginFormOptions): AdjustMarginFormState {
  const { symbol, positionSide, locale, staleAfterMs, onConfirm, onSuccess } = options;
  const { session } = useMarginSource();
  const observer = useMemo(
    () => observePosition(session, symbol, positionSide, { staleAfterMs }),
    [session, symbol, positionSide, staleAfterMs],
  );
  // A form opened again after its request failed starts from that request: the amount is kept.
  const [failed] = useState(() => {
    const s = session.adjustments.state(symbol, positionSide);
    return s.kind === 'failed' ? s.request : null;
  });
  const [ownMode, setModeState] = useState<AdjustType>(failed?.type ?? options.defaultMode ?? 'ADD');
  const [ownIntent, setIntent] = useState<AmountIntent>(() => ({
    kind: 'typed',
    // The request's amount is a plain decimal string: all of its decimals are kept.
    text: failed ? amountInputValue(failed.amount, failed.amount.split('.')[1]?.length ?? 0, locale) : '',
  }));
  const [limitMoved, setLimitMoved] = useState<Decimal | null>(null);
  // The intent and mode whose risk the user acknowledged: any new one needs its own.
  const [acknowledged, setAcknowledged] = useState<{ intent: AmountIntent; mode: AdjustType } | null>(null);

  const warnLiquidationDistancePct = options.warnLiquidationDistancePct;
  const live = useMemo(
    () => liveForm(observer, { mode: ownMode, intent: ownIntent, locale, warnLiquidationDistancePct }),
    [observer, ownMode, ownIntent, locale, warnLiquidationDistancePct],
  );
  const read = options.figuresApart ? live.shaped : live.current;
  const { limitsState, summary, intent } = useSyncExternalStore(live.subscribe, read, read);
  const adjustment = limitsState.adjustment;
  const inFlight = adjustment.kind === 'pending' ? adjustment : null;
  const decimals = limitsState.limits?.position.marginAssetPrecision ?? 8;
  // A target liquidation price decides Add or Remove: Confirm sends that mode.
  const mode = summary.mode;
  // What the user sees now: Confirm sends this text, never a value derived after the click.
  const shown = summary.text;

  const clearOutcome = useCallback(() => {
    setLimitMoved(null);
    session.adjustments.dismiss(symbol, positionSide);
  }, [session, symbol, positionSide]);

  const setMode = useCallback(
    (next: AdjustType) => {
      if (session.adjustments.isBusy(symbol, positionSide)) return;
      // The amount stays as shown (a fraction is frozen to its value) and is re-validated.
      setIntent({ kind: 'typed', text: shown });
      setModeState(next);
      clearOutcome();
    },
    [session, symbol, positionSide, clearOutcome, shown],
  );

  // A new amount, target or fraction, unless a request is in flight (the form is frozen then).
  const choose = useCallback(
    (next: AmountIntent) => {
      if (session.adjustments.isBusy(symbol, positionSide)) return;
      // Leaving a target keeps the direction it chose (Add or Remove) for the amount.
      if (next.kind !== 'target') setModeState(mode);
      setIntent(next);
      clearOutcome();
    },
    [session, symbol, positionSide, clearOutcome, mode],
  );
  const setText = useCallback((text: string) => choose({ kind: 'typed', text }), [choose]);
  const setTarget = useCallback((text: string) => choose({ kind: 'target', text }), [choose]);
  const setPercent = useCallback((percent: Percent) => choose({ kind: 'percent', percent }), [choose]);

  const send = useCallback(
    (text: string, riskAcknowledged: boolean) => {
      const outcome = confirmAdjustment(session, {
        symbol,
        positionSide,
        type: mode,
        text,
        locale,
        staleAfterMs,
        submit: onConfirm,
        warnLiquidationDistancePct,
        riskAcknowledged,
      });
      if (outcome.kind === 'limitMoved') setLimitMoved(outcome.newMax);
      if (outcome.kind !== 'sent') return;
      setLimitMoved(null);
      void outcome.done.then((state) => {
        if (state.kind === 'succeeded') onSuccess?.(state.request);
      });
    },
    [session, symbol, positionSide, mode, locale, staleAfterMs, onConfirm, onSuccess, warnLiquidationDistancePct],
  );

  const riskAcknowledged = acknowledged !== null && acknowledged.intent === intent && acknowledged.mode === mode;
  const awaitingAcknowledgement = (summary.risk?.nearLiquidation ?? false) && !riskAcknowledged && !inFlight;
  const acknowledgeRisk = useCallback((yes: boolean) => setAcknowledged(yes ? { intent, mode } : null), [intent, mode]);

  const confirm = useCallback(() => {
    if (!awaitingAcknowledgement) send(shown, riskAcknowledged);
  }, [awaitingAcknowledgement, send, shown, riskAcknowledged]);

  const takeNewMax = useCallback(() => setPercent(100), [setPercent]);

  const confirmNewMax = useCallback(() => {
    const max = freshMax(session, symbol, positionSide, mode);
    if (max === undefined) return;
    setIntent({ kind: 'percent', percent: 100 });
    // A new amount: a removal it brings near liquidation waits for the acknowledgement again.
    send(amountInputValue(max, decimals, locale), false);
  }, [session, symbol, positionSide, mode, decimals, locale, send]);

  const finish = useCallback(() => {
    setIntent({ kind: 'typed', text: '' });
    clearOutcome();
  }, [clearOutcome]);

  const receipt = useMemo(() => (adjustment.kind === 'succeeded' ? adjustmentReceipt(adjustment) : null), [adjustment]);
  let submitState = IDLE;
  if (inFlight) submitState = { kind: 'pending', request: inFlight.request };
  else if (adjustment.kind === 'succeeded' && receipt) {
    submitState = { kind: 'succeeded', request: adjustment.request, receipt };
  } else if (adjustment.kind === 'failed') {
    const overLimit = OVER_LIMIT_KINDS.has(adjustment.error.kind);
    submitState = { kind: 'failed', request: adjustment.request, error: adjustment.error, overLimit };
  } else if (limitMoved) submitState = { kind: 'limitMoved', newMax: limitMoved };
  const isPending = inFlight !== null;
  return {
    ...summary,
    canConfirm: summary.canConfirm && !isPending && !awaitingAcknowledgement && limitsState.status === 'ready',
    limitsState,
    mode,
    intent,
    submitState,
    isPending,
    maxHeadroomBps: session.maxHeadroomBps,
    setMode,
    setText,
    setTarget,
    setPercent,
    confirm,
    takeNewMax,
    confirmNewMax,
    finish,
    awaitingAcknowledgement,
    riskAcknowledged,
    acknowledgeRisk,
    live,
  };
}
