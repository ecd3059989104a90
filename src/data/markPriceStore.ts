import type { FeedStatus, MarginDataSource, MarkPriceUpdate } from './types';

/**
 * Live mark prices of one source, outside React: each symbol is subscribed at the source once,
 * however many readers it has, and unsubscribed when its last reader goes. Readers are notified
 * only for their own symbol, so a tick re-renders only what shows that symbol.
 * Read through `useSyncExternalStore` (see `useMarkPrice`).
 */
export interface MarkPriceStore {
  /** The latest update of `symbol`, or `undefined` before the first one. */
  get(symbol: string): MarkPriceUpdate | undefined;
  /** Listens to one symbol. Returns the unsubscribe function. */
  subscribe(symbol: string, listener: () => void): () => void;
  /** The feed's connection state. */
  status(): FeedStatus;
  /** Listens to connection-state changes. */
  subscribeStatus(listener: () => void): () => void;
  /** Number of symbols subscribed at the source (for leak checks). */
  activeSymbols(): number;
  /** Number of readers: price listeners plus feed-status listeners (for leak checks). */
  listenerCount(): number;
}

/** Makes a store over a source. Most apps get one through `MarginSourceProvider` instead. */
export function createMarkPriceStore(source: MarginDataSource): MarkPriceStore {
  const latest = new Map<string, MarkPriceUpdate>();
  const listeners = new Map<string, Set<() => void>>();
  const unsubscribers = new Map<string, () => void>();
  const statusListeners = new Set<() => void>();
  let feedStatus: FeedStatus = 'live';
  let unsubscribeStatus: (() => void) | undefined;

  function emit(update: MarkPriceUpdate) {
    const prev = latest.get(update.symbol);
    if (prev && prev.eventTime > update.eventTime) return;
    latest.set(update.symbol, update);
    for (const l of listeners.get(update.symbol) ?? []) l();
  }

  return {
    get: (symbol) => latest.get(symbol),
    subscribe(symbol, listener) {
      let set = listeners.get(symbol);
      if (!set) {
        set = new Set();
        listeners.set(symbol, set);
        unsubscribers.set(symbol, source.subscribeMarkPrice(symbol, emit));
      }
      set.add(listener);
      return () => {
        const s = listeners.get(symbol);
        if (!s) return;
        s.delete(listener);
        if (s.size === 0) {
          listeners.delete(symbol);
          unsubscribers.get(symbol)?.();
          unsubscribers.delete(symbol);
        }
      };
    },
    status: () => feedStatus,
    subscribeStatus(listener) {
      statusListeners.add(listener);
      if (statusListeners.size === 1 && source.subscribeFeedStatus) {
        unsubscribeStatus = source.subscribeFeedStatus((s) => {
          feedStatus = s;
          for (const l of statusListeners) l();
        });
      }
      return () => {
        statusListeners.delete(listener);
        if (statusListeners.size === 0) {
          unsubscribeStatus?.();
          unsubscribeStatus = undefined;
          // A later subscription hears 'reconnecting' at once if the feed is down; otherwise it is live.
          feedStatus = 'live';
        }
      };
    },
    activeSymbols: () => unsubscribers.size,
    listenerCount: () => {
      let n = statusListeners.size;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
  };
}
