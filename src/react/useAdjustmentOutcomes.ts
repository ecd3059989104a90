'use client';
import type { AdjustmentState } from '../engine/adjustments';
import type { MarginSession } from '../engine/session';
import { useOperationOutcomes } from './useOperationOutcomes';

const adjustmentsOf = (session: MarginSession) => session.adjustments;

/**
 * Calls `onOutcome` with each adjustment's outcome (success or failure) of the session, once, when
 * it happens, whether or not a dialog is open: an app announces it in a place of its choosing.
 */
export function useAdjustmentOutcomes(onOutcome: (state: AdjustmentState) => void): void {
  useOperationOutcomes(adjustmentsOf, onOutcome);
}
