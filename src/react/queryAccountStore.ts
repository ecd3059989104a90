import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import type { AccountStore, AccountStoreState } from '../engine/accountStore';
import type { AccountSnapshot, MarginDataSource } from '../engine/types';
import { accountQueryOptions } from './queries';

/**
 * The session's account store over the app's `QueryClient`: the account is the query
 * `marginKeys.account(sourceKey)`, so an app can prefetch it, invalidate it (an active query: it
 * refetches) and see it in its devtools. The session follows that cache entry through a
 * `QueryObserver`, and writes the source's pushed updates into it.
 */
export function queryAccountStore(client: QueryClient, source: MarginDataSource, sourceKey: string): AccountStore {
  const options = accountQueryOptions(source, sourceKey);
  const observer = new QueryObserver(client, {
    queryKey: options.queryKey,
    queryFn: options.queryFn,
    staleTime: options.staleTime,
  });
  let seen: unknown;
  let state: AccountStoreState = { status: 'loading', data: undefined, error: undefined };

  return {
    getState() {
      const r = observer.getCurrentResult();
      if (r === seen) return state;
      seen = r;
      const status = r.data !== undefined ? 'ready' : r.status === 'error' ? 'error' : 'loading';
      const next: AccountStoreState = { status, data: r.data, error: r.error ?? undefined };
      if (next.status !== state.status || next.data !== state.data || next.error !== state.error) state = next;
      return state;
    },
    // Subscribing makes the query active: it loads once, and refetches when the app invalidates it.
    subscribe: (listener) => observer.subscribe(() => listener()),
    load() {
      if (!observer.hasListeners()) client.ensureQueryData(options).catch(() => {});
    },
    refresh: () =>
      observer.refetch().then(
        () => {},
        () => {},
      ),
    set: (account) => client.setQueryData(options.queryKey, account as AccountSnapshot),
  };
}
