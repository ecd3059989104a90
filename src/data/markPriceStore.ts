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
  /**
   * Listens to every update of one symbol, a new `eventTime` with an unchanged price included (what
   * a staleness check needs). Returns the unsubscribe function.
   */
  subscribe(symbol: string, listener: () => void): () => void;
  /**
   * Listens to one symbol's price only: called when its `markPrice` string changes, not when an
   * update repeats the price with a newer `eventTime`. Returns the unsubscribe function.
   */
  subscribePrice(symbol: string, listener: () => void): () => void;
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
  // Per symbol: listeners of every update, and listeners of price changes only.
  const listeners = new Map<string, { all: Set<() => void>; price: Set<() => void> }>();
  const unsubscribers = new Map<string, () => void>();
  const statusListeners = new Set<() => void>();
  let feedStatus: FeedStatus = 'live';
  let unsubscribeStatus: (() => void) | undefined;

  function emit(update: MarkPriceUpdate) {
    const prev = latest.get(update.symbol);
    if (prev && prev.eventTime > update.eventTime) return;
    latest.set(update.symbol, update);
    const entry = listeners.get(update.symbol);
    if (!entry) return;
    for (const l of entry.all) l();
    if (!prev || prev.markPrice !== update.markPrice) for (const l of entry.price) l();
  }

  function add(symbol: string, kind: 'all' | 'price', listener: () => void): () => void {
    let entry = listeners.get(symbol);
    if (!entry) {
      entry = { all: new Set(), price: new Set() };
      listeners.set(symbol, entry);
      unsubscribers.set(symbol, source.subscribeMarkPrice(symbol, emit));
    }
    entry[kind].add(listener);
    return () => {
      const e = listeners.get(symbol);
      if (!e) return;
      e[kind].delete(listener);
      if (e.all.size === 0 && e.price.size === 0) {
        listeners.delete(symbol);
        unsubscribers.get(symbol)?.();
        unsubscribers.delete(symbol);
      }
    };
  }

  return {
    get: (symbol) => latest.get(symbol),
    subscribe: (symbol, listener) => add(symbol, 'all', listener),
    subscribePrice: (symbol, listener) => add(symbol, 'price', listener),
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
      for (const e of listeners.values()) n += e.all.size + e.price.size;
      return n;
    },
  };
}
