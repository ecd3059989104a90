'use client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useMarginSource } from './MarginSourceProvider';
import type { FeedStatus, MarkPriceUpdate } from '../engine/types';

/** The latest mark-price update of one symbol; re-renders only when that symbol ticks. */
export function useMarkPrice(symbol: string): MarkPriceUpdate | undefined {
  const { marks } = useMarginSource();
  const subscribe = useCallback((l: () => void) => marks.subscribe(symbol, l), [marks, symbol]);
  return useSyncExternalStore(
    subscribe,
    () => marks.get(symbol),
    () => undefined,
  );
}

/**
 * The latest mark price of one symbol as a decimal string, or `undefined` before the first tick.
 * Re-renders only when the price string changes: an update that repeats the price with a newer
 * event time does not re-render (use `useMarkPrice` where the event time matters, e.g. staleness).
 */
export function useMarkPriceValue(symbol: string): string | undefined {
  const { marks } = useMarginSource();
  const subscribe = useCallback((l: () => void) => marks.subscribePrice(symbol, l), [marks, symbol]);
  return useSyncExternalStore(
    subscribe,
    () => marks.get(symbol)?.markPrice,
    () => undefined,
  );
}

/**
 * Live mark prices of several symbols as one map, a new map only when one of them ticks.
 * The key of the snapshot is the joined prices, so unchanged prices keep the same map.
 */
export function useMarkPrices(symbols: readonly string[]): ReadonlyMap<string, string> {
  const { marks } = useMarginSource();
  const joined = symbols.join('\u0000');
  const subscribe = useCallback(
    (l: () => void) => {
      const offs = joined ? joined.split('\u0000').map((s) => marks.subscribePrice(s, l)) : [];
      return () => offs.forEach((off) => off());
    },
    [marks, joined],
  );
  const key = useSyncExternalStore(
    subscribe,
    () =>
      joined
        ? joined
            .split('\u0000')
            .map((s) => marks.get(s)?.markPrice ?? '')
            .join('\u0000')
        : '',
    () => '',
  );
  return useMemo(() => {
    const map = new Map<string, string>();
    if (!joined) return map;
    const names = joined.split('\u0000');
    const prices = key.split('\u0000');
    names.forEach((s, i) => {
      if (prices[i]) map.set(s, prices[i]!);
    });
    return map;
  }, [joined, key]);
}

/** The feed's connection state ('reconnecting' makes every price stale at once). */
export function useFeedStatus(): FeedStatus {
  const { marks } = useMarginSource();
  return useSyncExternalStore(marks.subscribeStatus, marks.status, () => 'live');
}
