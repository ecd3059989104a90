'use client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createMarkPriceStore, type MarkPriceStore } from './markPriceStore';
import { marginKeys } from './queries';
import type { MarginDataSource } from './types';

/** What the hooks read from the provider. */
export interface MarginSourceContextValue {
  source: MarginDataSource;
  sourceKey: string;
  marks: MarkPriceStore;
}

const MarginSourceContext = createContext<MarginSourceContextValue | null>(null);

/**
 * Puts a data source under the hooks. Sits inside the app's own `QueryClientProvider`: the
 * account lives in the app's query cache (key `marginKeys.account(sourceKey)`), account updates
 * pushed by the source are written into it, and live mark prices live in a store beside it.
 */
export function MarginSourceProvider(props: { source: MarginDataSource; sourceKey?: string; children: ReactNode }) {
  const { source, sourceKey = 'default', children } = props;
  const queryClient = useQueryClient();
  const marks = useMemo(() => createMarkPriceStore(source), [source]);
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
