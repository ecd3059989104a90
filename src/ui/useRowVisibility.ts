'use client';
import { useCallback, useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { useMarginSource } from '../react/MarginSourceProvider';

/** How often a row off screen shows its latest price: a screen reader's virtual cursor can read it. */
const OFF_SCREEN_REFRESH_MS = 1000;

/**
 * Shared by the rows of one table: one `IntersectionObserver` (made on the first row observed) and
 * one clock (an interval that runs only while some row listens, i.e. while some row is off screen).
 */
export interface RowVisibility {
  /** Calls `onChange` with the element's visibility; returns the unobserve function. */
  observe(element: Element, onChange: (visible: boolean) => void): () => void;
  /** Listens to the clock; returns the unsubscribe function. */
  subscribeClock(listener: () => void): () => void;
}

const noop = () => {};

/** Makes the visibility tracker a table shares among its rows. */
export function createRowVisibility(): RowVisibility {
  let observer: IntersectionObserver | undefined;
  const callbacks = new Map<Element, (visible: boolean) => void>();
  const clockListeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    observe(element, onChange) {
      // Without IntersectionObserver (jsdom, old engines) every row stays visible and live.
      if (typeof IntersectionObserver === 'undefined') return noop;
      observer ??= new IntersectionObserver(
        (entries) => {
          for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
        },
        // Rows about to scroll in are already live.
        { rootMargin: '200px 0px' },
      );
      callbacks.set(element, onChange);
      observer.observe(element);
      return () => {
        callbacks.delete(element);
        observer?.unobserve(element);
        if (callbacks.size === 0) {
          observer?.disconnect();
          observer = undefined;
        }
      };
    },
    subscribeClock(listener) {
      clockListeners.add(listener);
      timer ??= setInterval(() => {
        for (const l of clockListeners) l();
      }, OFF_SCREEN_REFRESH_MS);
      return () => {
        clockListeners.delete(listener);
        if (clockListeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

/**
 * The latest mark price of a row's symbol, as `useMarkPriceValue`: live while the row is on screen
 * (re-renders when the price string changes), at most {@link OFF_SCREEN_REFRESH_MS} old while it
 * is off screen, and the latest at once when it comes back on screen. Rows are visible until the
 * observer says otherwise, so without `IntersectionObserver` every row is live.
 */
export function useRowMarkPrice(
  symbol: string,
  ref: RefObject<Element | null>,
  visibility: RowVisibility,
): string | undefined {
  const { marks } = useMarginSource();
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const element = ref.current;
    return element ? visibility.observe(element, setVisible) : undefined;
  }, [ref, visibility]);
  // Keeps the symbol subscribed at the source while the row is off screen (and across visibility
  // switches), so the store's price stays current without waking the row on each tick.
  // A function of this row's own: rows of one symbol (a hedge pair) hold a subscription each.
  useEffect(() => marks.subscribePrice(symbol, () => {}), [marks, symbol]);
  const subscribe = useCallback(
    (l: () => void) => (visible ? marks.subscribePrice(symbol, l) : visibility.subscribeClock(l)),
    [marks, symbol, visible, visibility],
  );
  return useSyncExternalStore(
    subscribe,
    () => marks.get(symbol)?.markPrice,
    () => undefined,
  );
}
