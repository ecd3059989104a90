'use client';
import { useCallback, useMemo, useState } from 'react';
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
import type { PositionState } from '../engine/positionObserver';
import type { AdjustMarginRequest, PositionSide } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';
import type { OperationFormActions } from './operationForm';
import { useMarginLimits } from './useMarginLimits';

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
}

const OVER_LIMIT_KINDS: ReadonlySet<string> = new Set(['insufficientIsolatedBalance', 'insufficientCrossBalance']);

/** One object for every render with nothing sent: a memoised view of the state skips a tick. */
const IDLE: SubmitState = { kind: 'idle' };

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
  const limitsState = useMarginLimits(symbol, positionSide, { staleAfterMs });
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

  const adjustment = limitsState.adjustment;
  const inFlight = adjustment.kind === 'pending' ? adjustment : null;
  const decimals = limitsState.limits?.position.marginAssetPrecision ?? 8;
  // In flight, the form is the request: its mode, its amount, the limits it was checked against.
  const requestedMode = inFlight ? inFlight.request.type : ownMode;
  const frozenText = inFlight ? amountInputValue(inFlight.request.amount, decimals, locale) : null;
  const intent = useMemo<AmountIntent>(
    () => (frozenText === null ? ownIntent : { kind: 'typed', text: frozenText }),
    [frozenText, ownIntent],
  );
  const limits = inFlight ? inFlight.basis : limitsState.limits;
  const offered = inFlight ? undefined : limitsState.offered?.[requestedMode];

  const summary = useMemo(
    () =>
      summarizeAdjustMarginForm({
        mode: requestedMode,
        intent,
        limits,
        offered,
        isStale: limitsState.isStale,
        locale,
        warnLiquidationDistancePct: options.warnLiquidationDistancePct,
      }),
    [requestedMode, intent, limits, offered, limitsState.isStale, locale, options.warnLiquidationDistancePct],
  );
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

  const warnLiquidationDistancePct = options.warnLiquidationDistancePct;
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
  };
}
