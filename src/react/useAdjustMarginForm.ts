'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AmountErrorMessages } from '../core/amount';
import type { Decimal } from '../core/decimal';
import type { AdjustType } from '../core/types';
import type { AdjustMarginRequest, PositionSide } from '../engine/types';
import { useAdjustMargin, type SubmitAdjustMargin } from './useAdjustMargin';
import { useMarginLimits, type MarginLimitsState } from './useMarginLimits';
import {
  maxFor,
  summarizeAdjustMarginForm,
  validateFor,
  type AdjustMarginFormSummary,
  type AmountIntent,
  type Percent,
} from '../engine/adjustMarginForm';

/** Where a Confirm stands. */
export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'pending'; request: AdjustMarginRequest }
  | { kind: 'failed'; error: unknown }
  /** The re-check at the click found the limit below the amount: nothing was sent. */
  | { kind: 'limitMoved'; newMax: Decimal };

/** Options of the headless form. */
export interface UseAdjustMarginFormOptions {
  symbol: string;
  positionSide: PositionSide;
  defaultMode?: AdjustType;
  locale?: string;
  staleAfterMs?: number;
  amountErrors?: Partial<AmountErrorMessages>;
  /** Submits instead of the data source (an app's own `onConfirm`). */
  onConfirm?: SubmitAdjustMargin;
  /** Called once the adjustment is accepted. */
  onSuccess?: (request: AdjustMarginRequest) => void;
}

/** Everything a view needs: the live limits, the derived form, and the actions. */
export interface AdjustMarginFormState extends AdjustMarginFormSummary {
  limitsState: MarginLimitsState;
  mode: AdjustType;
  intent: AmountIntent;
  submitState: SubmitState;
  isPending: boolean;
  setMode: (mode: AdjustType) => void;
  setText: (text: string) => void;
  setPercent: (percent: Percent) => void;
  /** Confirm: re-checks against the freshest limits, then sends exactly one request. */
  confirm: () => void;
  /** After a 'limitMoved' re-check: takes the live max. */
  takeNewMax: () => void;
}

function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `amk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The Adjust Margin form without a view: state, live limits, validation, preview and the guarded
 * Confirm. The styled dialog is a thin view over it; an app with its own design system can use it
 * directly.
 */
export function useAdjustMarginForm(options: UseAdjustMarginFormOptions): AdjustMarginFormState {
  const { symbol, positionSide, locale, amountErrors, onSuccess } = options;
  const limitsState = useMarginLimits(symbol, positionSide, { staleAfterMs: options.staleAfterMs });
  const mutation = useAdjustMargin(symbol, positionSide, options.onConfirm);
  const [mode, setModeState] = useState<AdjustType>(options.defaultMode ?? 'ADD');
  const [intent, setIntent] = useState<AmountIntent>({ kind: 'typed', text: '' });
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: 'idle' });
  const inFlight = useRef(false);
  const requestId = useRef<{ key: string; id: string } | null>(null);

  const summary = useMemo(
    () =>
      summarizeAdjustMarginForm({
        mode,
        intent,
        limits: limitsState.limits,
        isStale: limitsState.isStale,
        locale,
        amountErrors,
      }),
    [mode, intent, limitsState.limits, limitsState.isStale, locale, amountErrors],
  );
  // What the user sees now: Confirm sends this text, never a value derived after the click.
  const shown = summary.text;

  const clearOutcome = useCallback(() => {
    setSubmitState((s) => (s.kind === 'failed' || s.kind === 'limitMoved' ? { kind: 'idle' } : s));
  }, []);

  const setMode = useCallback(
    (next: AdjustType) => {
      // The amount stays as shown (a fraction is frozen to its value) and is re-validated.
      setIntent({ kind: 'typed', text: shown });
      setModeState(next);
      clearOutcome();
    },
    [clearOutcome, shown],
  );

  const setText = useCallback(
    (text: string) => {
      setIntent({ kind: 'typed', text });
      clearOutcome();
    },
    [clearOutcome],
  );

  const setPercent = useCallback(
    (percent: Percent) => {
      setIntent({ kind: 'percent', percent });
      clearOutcome();
    },
    [clearOutcome],
  );

  const { mutateAsync } = mutation;
  const { readLatest, isStale } = limitsState;
  const confirm = useCallback(() => {
    if (inFlight.current) return;
    const latest = readLatest();
    if (!latest) return;
    if (mode === 'REMOVE' && isStale) return;
    const validation = validateFor(shown, mode, latest, { locale, amountErrors });
    if (!validation.ok) {
      if (validation.error.code === 'overLimit' || validation.error.code === 'noneAvailable') {
        setSubmitState({ kind: 'limitMoved', newMax: maxFor(latest, mode) });
      }
      return;
    }
    const key = `${mode}:${validation.value}`;
    if (requestId.current?.key !== key) requestId.current = { key, id: newRequestId() };
    const request: AdjustMarginRequest = {
      symbol,
      positionSide,
      type: mode,
      amount: validation.value,
      clientRequestId: requestId.current.id,
    };
    inFlight.current = true;
    setSubmitState({ kind: 'pending', request });
    mutateAsync(request).then(
      () => {
        inFlight.current = false;
        requestId.current = null;
        setSubmitState({ kind: 'idle' });
        setIntent({ kind: 'typed', text: '' });
        onSuccess?.(request);
      },
      (error: unknown) => {
        inFlight.current = false;
        setSubmitState({ kind: 'failed', error });
      },
    );
  }, [readLatest, isStale, shown, mode, locale, amountErrors, symbol, positionSide, mutateAsync, onSuccess]);

  const takeNewMax = useCallback(() => setPercent(100), [setPercent]);

  const isPending = submitState.kind === 'pending';
  return {
    ...summary,
    canConfirm: summary.canConfirm && !isPending && limitsState.status === 'ready',
    limitsState,
    mode,
    intent,
    submitState,
    isPending,
    setMode,
    setText,
    setPercent,
    confirm,
    takeNewMax,
  };
}
