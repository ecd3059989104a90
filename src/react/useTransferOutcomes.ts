'use client';
import { transfersOf, type TransferState } from '../engine/transfers';
import { useOperationOutcomes } from './useOperationOutcomes';

/**
 * Calls `onOutcome` with each transfer's outcome (success or failure) of the session, once, when it
 * happens, whether or not its dialog is open: the account summary announces those of closed dialogs.
 */
export function useTransferOutcomes(onOutcome: (state: TransferState) => void): void {
  useOperationOutcomes(transfersOf, onOutcome);
}
