'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { transfersOf, type TransferState } from '../engine/transfers';
import { useMarginSource } from './MarginSourceProvider';

/** An asset's transfer out: the request in flight (with the figures it was checked against), or the last outcome. */
export function useTransfer(asset: string): TransferState {
  const { session } = useMarginSource();
  const subscribe = useCallback(
    (listener: () => void) => transfersOf(session).subscribe(asset, listener),
    [session, asset],
  );
  const read = useCallback(() => transfersOf(session).state(asset), [session, asset]);
  return useSyncExternalStore(subscribe, read, read);
}
