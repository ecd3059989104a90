'use client';
import { useMemo, useSyncExternalStore } from 'react';
import { observeAccountSummary, type AccountSummaryState } from '../engine/accountSummary';
import { useMarginSource } from './MarginSourceProvider';

/**
 * The account's cross-margin limits per margin asset, live on every (throttled) tick of a cross
 * position: cross wallet balance, cross unrealized PnL, available for order, max addable and max
 * withdrawable. A thin reader of the session's `observeAccountSummary`.
 */
export function useAccountSummary(): AccountSummaryState {
  const { session } = useMarginSource();
  const observer = useMemo(() => observeAccountSummary(session), [session]);
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
