'use client';
import { useEffect, useRef } from 'react';
import type { AdjustmentState } from '../engine/adjustments';
import { useMarginSource } from './MarginSourceProvider';

/**
 * Calls `onOutcome` with each adjustment's outcome (success or failure) of the session, once, when
 * it happens, whether or not a dialog is open: an app announces it in a place of its choosing.
 */
export function useAdjustmentOutcomes(onOutcome: (state: AdjustmentState) => void): void {
  const { session } = useMarginSource();
  const latest = useRef(onOutcome);
  useEffect(() => {
    latest.current = onOutcome;
  }, [onOutcome]);
  useEffect(() => session.adjustments.subscribeOutcomes((state) => latest.current(state)), [session]);
}
