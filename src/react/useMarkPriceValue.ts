'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { useMarginSource } from './MarginSourceProvider';

/**
 * The latest mark price of one symbol as a decimal string, or `undefined` before the first tick.
 * Re-renders only when the price string changes (use `useMarkPrice` where the event time matters).
 */
export function useMarkPriceValue(symbol: string): string | undefined {
  const { session } = useMarginSource();
  const subscribe = useCallback((l: () => void) => session.marks.subscribePrice(symbol, l), [session, symbol]);
  const get = useCallback(() => session.marks.get(symbol)?.markPrice, [session, symbol]);
  return useSyncExternalStore(subscribe, get, () => undefined);
}
