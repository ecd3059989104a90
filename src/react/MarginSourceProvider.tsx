'use client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { DEFAULT_THROTTLE_MS } from '../engine/markPriceStore';
import { createMarginSession, type MarginSession } from '../engine/session';
import type { MarginDataSource } from '../engine/types';
import { queryAccountStore } from './queryAccountStore';

/** What the hooks read from the provider. */
export interface MarginSourceContextValue {
  source: MarginDataSource;
  sourceKey: string;
  /** The framework-free session every hook reads. */
  session: MarginSession;
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
  /**
   * Room Max and the presets leave for the mark moving against the limit while a request travels,
   * in basis points (default 10 = 0.1 %; 0 = the exchange's exact max). A typed amount up to the
   * exact max is still sent. See `MarginSessionOptions.maxHeadroomBps`.
   */
  maxHeadroomBps?: number;
  children: ReactNode;
}

const MarginSourceContext = createContext<MarginSourceContextValue | null>(null);

/**
 * Puts a data source under the hooks: one `MarginSession` per source, its account kept in the
 * app's own query cache (key `marginKeys.account(sourceKey)`). Sits inside the app's
 * `QueryClientProvider`.
 */
export function MarginSourceProvider(props: MarginSourceProviderProps) {
  const { source, sourceKey = 'default', throttleMs, maxHeadroomBps, children } = props;
  const queryClient = useQueryClient();
  const session = useMemo(
    () =>
      createMarginSession(source, {
        accountStore: queryAccountStore(queryClient, source, sourceKey),
        maxHeadroomBps,
      }),
    [source, sourceKey, queryClient, maxHeadroomBps],
  );
  // A new throttle is set on the session, so prices and readers stay.
  useEffect(() => session.setThrottleMs(throttleMs ?? DEFAULT_THROTTLE_MS), [session, throttleMs]);
  useEffect(() => session.start(), [session]);
  const value = useMemo(() => ({ source, sourceKey, session }), [source, sourceKey, session]);
  return <MarginSourceContext.Provider value={value}>{children}</MarginSourceContext.Provider>;
}

/** The provider's source, key and session. Throws outside a `MarginSourceProvider`. */
export function useMarginSource(): MarginSourceContextValue {
  const v = useContext(MarginSourceContext);
  if (!v) throw new Error('useMarginSource: wrap the component in <MarginSourceProvider source={…}>');
  return v;
}
