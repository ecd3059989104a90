import { queryOptions } from '@tanstack/react-query';
import type { MarginDataSource } from './types';

/**
 * Query keys of the kit, one factory so an app can prefetch and invalidate:
 * `queryClient.invalidateQueries({ queryKey: marginKeys.all(sourceKey) })`.
 */
export const marginKeys = {
  all: (sourceKey = 'default') => ['adjustMargin', sourceKey] as const,
  account: (sourceKey = 'default') => [...marginKeys.all(sourceKey), 'account'] as const,
};

/** The account snapshot query of a source; prefetch it with `queryClient.prefetchQuery(accountQueryOptions(source))`. */
export function accountQueryOptions(source: MarginDataSource, sourceKey = 'default') {
  return queryOptions({
    queryKey: marginKeys.account(sourceKey),
    queryFn: () => source.getAccount(),
    // Account changes arrive through the source's subscription and are written into the cache.
    staleTime: Infinity,
  });
}
