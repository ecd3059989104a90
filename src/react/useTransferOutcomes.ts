'use client';
import { useEffect, useRef } from 'react';
import { transfersOf, type TransferState } from '../engine/transfers';
import { useMarginSource } from './MarginSourceProvider';

/**
 * Calls `onOutcome` with each transfer's outcome (success or failure) of the session, once, when it
 * happens, whether or not its dialog is open: the account summary announces those of closed dialogs.
 */
export function useTransferOutcomes(onOutcome: (state: TransferState) => void): void {
  const { session } = useMarginSource();
  const latest = useRef(onOutcome);
  useEffect(() => {
    latest.current = onOutcome;
  }, [onOutcome]);
  useEffect(() => transfersOf(session).subscribeOutcomes((state) => latest.current(state)), [session]);
}
