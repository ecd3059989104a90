'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { MarkPriceUpdate } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/** The latest mark-price update of one symbol (throttled); re-renders on each, a repeated price with a newer time included. */
export function useMarkPrice(symbol: string): MarkPriceUpdate | undefined {
  const { session } = useMarginSource();
  const subscribe = useCallback((l: () => void) => session.marks.subscribe(symbol, l), [session, symbol]);
  const get = useCallback(() => session.marks.get(symbol), [session, symbol]);
  return useSyncExternalStore(subscribe, get, () => undefined);
}
