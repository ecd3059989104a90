'use client';
import { useCallback, useMemo, useState } from 'react';
import type { Decimal } from '../core/decimal';
import type { AdjustType } from '../core/types';
import {
  summarizeAdjustMarginForm,
  type AdjustMarginFormSummary,
  type AmountIntent,
  type Percent,
} from '../engine/adjustMarginForm';
import type { SubmitAdjustMargin } from '../engine/adjustments';
import { confirmAdjustment } from '../engine/confirm';
import type { PositionState } from '../engine/positionObserver';
import type { AdjustMarginError, AdjustMarginRequest, PositionSide } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';
import { useMarginLimits } from './useMarginLimits';

/** Where a Confirm stands. */
export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'pending'; request: AdjustMarginRequest }
  | { kind: 'failed'; error: AdjustMarginError }
  /** The re-check at the click found the limit below the amount: nothing was sent. */
  | { kind: 'limitMoved'; newMax: Decimal };

/** Options of the headless form. */
export interface UseAdjustMarginFormOptions {
  symbol: string;
  positionSide: PositionSide;
  defaultMode?: AdjustType;
  locale?: string;
  staleAfterMs?: number;
  /** Submits instead of the data source (an app's own `onConfirm`). */
  onConfirm?: SubmitAdjustMargin;
  /** Called once the adjustment is accepted. */
  onSuccess?: (request: AdjustMarginRequest) => void;
}

/** Everything a view needs: the live limits, the derived form, and the actions. */
export interface AdjustMarginFormState extends AdjustMarginFormSummary {
  limitsState: PositionState;
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

/**
 * The Adjust Margin form without a view: the user's mode and amount (the only state it holds), the
 * session's live limits and adjustment, the pure summary, and Confirm through the session's
 * `confirmAdjustment`. The styled dialog is a thin view over it; an app with its own design system
 * can use it directly.
 */
export function useAdjustMarginForm(options: UseAdjustMarginFormOptions): AdjustMarginFormState {
  const { symbol, positionSide, locale, staleAfterMs, onConfirm, onSuccess } = options;
  const { session } = useMarginSource();
  const limitsState = useMarginLimits(symbol, positionSide, { staleAfterMs });
  const [mode, setModeState] = useState<AdjustType>(options.defaultMode ?? 'ADD');
  const [intent, setIntent] = useState<AmountIntent>({ kind: 'typed', text: '' });
  const [limitMoved, setLimitMoved] = useState<Decimal | null>(null);

  const summary = useMemo(
    () => summarizeAdjustMarginForm({ mode, intent, limits: limitsState.limits, isStale: limitsState.isStale, locale }),
    [mode, intent, limitsState.limits, limitsState.isStale, locale],
  );
  // What the user sees now: Confirm sends this text, never a value derived after the click.
  const shown = summary.text;

  const clearOutcome = useCallback(() => {
    setLimitMoved(null);
    session.adjustments.dismiss(symbol, positionSide);
  }, [session, symbol, positionSide]);

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

  const confirm = useCallback(() => {
    const outcome = confirmAdjustment(session, {
      symbol,
      positionSide,
      type: mode,
      text: shown,
      locale,
      staleAfterMs,
      submit: onConfirm,
    });
    if (outcome.kind === 'limitMoved') setLimitMoved(outcome.newMax);
    if (outcome.kind !== 'sent') return;
    setLimitMoved(null);
    void outcome.done.then((state) => {
      if (state.kind !== 'succeeded') return;
      setIntent({ kind: 'typed', text: '' });
      session.adjustments.dismiss(symbol, positionSide);
      onSuccess?.(state.request);
    });
  }, [session, symbol, positionSide, mode, shown, locale, staleAfterMs, onConfirm, onSuccess]);

  const takeNewMax = useCallback(() => setPercent(100), [setPercent]);

  const adjustment = limitsState.adjustment;
  let submitState: SubmitState = { kind: 'idle' };
  if (adjustment.kind === 'pending') submitState = { kind: 'pending', request: adjustment.request };
  else if (adjustment.kind === 'failed') submitState = { kind: 'failed', error: adjustment.error };
  else if (limitMoved) submitState = { kind: 'limitMoved', newMax: limitMoved };
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
