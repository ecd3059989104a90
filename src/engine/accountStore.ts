import type { MarginDataSource, Unsubscribe } from './types';

/** Where the account's raw snapshot stands in its store. `data` is untrusted until the session checks it. */
export interface AccountStoreState {
  status: 'loading' | 'error' | 'ready';
  /** The last snapshot loaded or pushed (kept through a failed refresh). */
  data: unknown;
  /** The last load's error. */
  error: unknown;
}

/**
 * Holds the account snapshot the session follows. The kit gives two: {@link createAccountStore}
 * (framework-free, the headless default) and, in the React entry, one over the app's `QueryClient`
 * so the account is cached, prefetched and invalidated under the app's own query keys.
 */
export interface AccountStore {
  /** The same object until something changes. */
  getState(): AccountStoreState;
  subscribe(listener: () => void): Unsubscribe;
  /** Starts the first load unless one has run or is running. */
  load(): void;
  /** Loads again now (exactly one `getAccount()` call); resolves when it settles, never rejects. */
  refresh(): Promise<void>;
  /** A snapshot the source pushed (an account update). */
  set(account: unknown): void;
}

/** An account store that calls `source.getAccount()` itself: no framework, no cache beyond the last snapshot. */
export function createAccountStore(source: MarginDataSource): AccountStore {
  let state: AccountStoreState = { status: 'loading', data: undefined, error: undefined };
  let started = false;
  // A pushed snapshot or a newer load wins over an older load that settles late.
  let generation = 0;
  const listeners = new Set<() => void>();

  function update(next: AccountStoreState) {
    state = next;
    for (const l of [...listeners]) l();
  }

  function fetchNow(): Promise<void> {
    started = true;
    const mine = ++generation;
    return source.getAccount().then(
      (data) => {
        if (mine === generation) update({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (mine === generation)
          update({ status: state.data === undefined ? 'error' : 'ready', data: state.data, error });
      },
    );
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load() {
      if (!started) void fetchNow();
    },
    refresh: fetchNow,
    set(account) {
      generation++;
      started = true;
      update({ status: 'ready', data: account, error: undefined });
    },
  };
}
