import { queryOptions, type DataTag, type UseQueryOptions } from '@tanstack/react-query';
import type { AccountSnapshot, MarginDataSource } from '../engine/types';

/**
 * Query keys of the kit, one factory so an app can prefetch and invalidate:
 * `queryClient.invalidateQueries({ queryKey: marginKeys.all(sourceKey) })`.
 */
export const marginKeys = {
  all: (sourceKey = 'default') => ['adjustMargin', sourceKey] as const,
  account: (sourceKey = 'default') => [...marginKeys.all(sourceKey), 'account'] as const,
};

/** The key of a source's account query. */
export type AccountQueryKey = ReturnType<typeof marginKeys.account>;

/** The account snapshot query of a source; prefetch it with `queryClient.prefetchQuery(accountQueryOptions(source))`. */
export function accountQueryOptions(
  source: MarginDataSource,
  sourceKey = 'default',
): UseQueryOptions<AccountSnapshot, Error, AccountSnapshot, AccountQueryKey> & {
  queryKey: DataTag<AccountQueryKey, AccountSnapshot, Error>;
} {
  return queryOptions({
    queryKey: marginKeys.account(sourceKey),
    queryFn: () => source.getAccount(),
    // Account changes arrive through the source's subscription and are written into the cache.
    staleTime: Infinity,
  });
}
