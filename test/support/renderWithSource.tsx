import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MarginSourceProvider } from '../../src/data/MarginSourceProvider';
import type { MarginDataSource } from '../../src/data/types';

/** A wrapper with a fresh QueryClient (no retries) and the source, for renderHook and render. */
export function sourceWrapper(source: MarginDataSource) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <MarginSourceProvider source={source}>{children}</MarginSourceProvider>
      </QueryClientProvider>
    );
  }
  return { Wrapper, queryClient };
}
