import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MarginSourceProvider } from '../../src/react/MarginSourceProvider';
import type { MarginDataSource } from '../../src/engine/types';

/**
 * A wrapper with a fresh QueryClient (no retries) and the source, for renderHook and render.
 * Readers are woken on every tick (`throttleMs` 0) unless a test asks for the throttle: most tests
 * check what one tick does; the throttle has tests of its own.
 */
export function sourceWrapper(
  source: MarginDataSource,
  { throttleMs = 0, maxHeadroomBps }: { throttleMs?: number; maxHeadroomBps?: number } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <MarginSourceProvider source={source} throttleMs={throttleMs} maxHeadroomBps={maxHeadroomBps}>
          {children}
        </MarginSourceProvider>
      </QueryClientProvider>
    );
  }
  return { Wrapper, queryClient };
}
