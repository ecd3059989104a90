'use client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createMarkPriceStore, DEFAULT_THROTTLE_MS, type MarkPriceStore } from '../engine/markPriceStore';
import { marginKeys } from './queries';
import type { MarginDataSource } from '../engine/types';

/** What the hooks read from the provider. */
export interface MarginSourceContextValue {
  source: MarginDataSource;
  sourceKey: string;
  marks: MarkPriceStore;
}

/** Props of {@link MarginSourceProvider}. */
export interface MarginSourceProviderProps {
  source: MarginDataSource;
  /** Names the account in the query cache: `marginKeys.account(sourceKey)`. Default 'default'. */
  sourceKey?: string;
  /**
   * Live figures re-render at most once per this many milliseconds (default 200, i.e. 5 times a
   * second), every live figure in one commit; `0` re-renders on every tick. Only the display is
   * throttled: Max and Confirm always read the latest price. See `createMarkPriceStore`.
   */
  throttleMs?: number;
  children: ReactNode;
}

const MarginSourceContext = createContext<MarginSourceContextValue | null>(null);

/**
 * Puts a data source under the hooks. Sits inside the app's own `QueryClientProvider`: the
 * account lives in the app's query cache (key `marginKeys.account(sourceKey)`), account updates
 * pushed by the source are written into it, and live mark prices live in a store beside it.
 */
export function MarginSourceProvider(props: MarginSourceProviderProps) {
  const { source, sourceKey = 'default', throttleMs, children } = props;
  const queryClient = useQueryClient();
  // One store per source: a new throttle is set on it, so prices and readers stay.
  const marks = useMemo(() => createMarkPriceStore(source), [source]);
  useEffect(() => marks.setThrottleMs(throttleMs ?? DEFAULT_THROTTLE_MS), [marks, throttleMs]);
  useEffect(
    () => source.subscribeAccount((account) => queryClient.setQueryData(marginKeys.account(sourceKey), account)),
    [source, sourceKey, queryClient],
  );
  // Follow the feed's status for the provider's whole life, so a reader mounted during an outage
  // sees it at once.
  useEffect(() => marks.subscribeStatus(() => {}), [marks]);
  const value = useMemo(() => ({ source, sourceKey, marks }), [source, sourceKey, marks]);
  return <MarginSourceContext.Provider value={value}>{children}</MarginSourceContext.Provider>;
}

/** The provider's source, key and mark-price store. Throws outside a `MarginSourceProvider`. */
export function useMarginSource(): MarginSourceContextValue {
  const v = useContext(MarginSourceContext);
  if (!v) throw new Error('useMarginSource: wrap the component in <MarginSourceProvider source={…}>');
  return v;
}
