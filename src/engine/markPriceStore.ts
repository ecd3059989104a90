import { checkMarkPriceUpdate } from './checkSnapshot';
import type { FeedStatus, MarginDataSource, MarkPriceUpdate } from './types';

/**
 * Live mark prices of one source, outside React: each symbol is subscribed at the source once,
 * however many readers it has, and unsubscribed when its last reader goes. Readers are notified
 * only for their own symbol, so a tick re-renders only what shows that symbol.
 * Read through `useSyncExternalStore` (see `useMarkPrice`).
 *
 * `get` always returns the latest update. Notifications are throttled (see
 * {@link MarkPriceStoreOptions.throttleMs}): a feed at 50 Hz wakes readers at most 5 times a
 * second by default, every woken reader in one batch, so React renders and commits once per batch.
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
  /** Changes the throttle (see {@link MarkPriceStoreOptions.throttleMs}); prices and readers stay. */
  setThrottleMs(ms: number): void;
  /**
   * True while a throttled batch is being delivered: a listener may then collect what it owes its own
   * readers and call them once each from {@link afterBatch}, not once per symbol of the batch.
   */
  inBatch(): boolean;
  /** Runs `listener` after each throttled batch has been delivered; returns the unsubscribe function. */
  afterBatch(listener: () => void): () => void;
}

/** Options of {@link createMarkPriceStore}. */
export interface MarkPriceStoreOptions {
  /**
   * Readers are notified at most once per this many milliseconds (default
   * {@link DEFAULT_THROTTLE_MS}). The first update after a quiet spell is delivered within
   * {@link GATHER_MS} ms, together with every update that arrives meanwhile (one `!markPrice@arr`
   * message, or the per-symbol `@markPrice@1s` messages of one second, is one batch); later updates
   * within the interval are coalesced and delivered together when it ends, each reader once, with
   * the latest price. `0` notifies synchronously on every update.
   */
  throttleMs?: number;
}

/**
 * Readers of live marks wake at most 5 times a second by default. Binance's fastest mark-price
 * stream ticks once a second, so it is never held back (the first tick after a quiet spell goes out
 * within {@link GATHER_MS} ms); a faster feed is shown at a rate a person can still read, and 200
 * rows plus the dialog then cost the main thread about 2.5 ms per 50 Hz tick beyond the page on 2
 * cores, several times less than showing every tick (BENCHMARKS.md, section 3).
 */
export const DEFAULT_THROTTLE_MS = 200;

/**
 * How long the first update after a quiet spell waits for others (one frame): the updates of one
 * second arrive as separate messages on per-symbol streams, a few milliseconds apart.
 */
export const GATHER_MS = 16;

/** Makes a store over a source. Most apps get one through `MarginSourceProvider` instead. */
export function createMarkPriceStore(source: MarginDataSource, options: MarkPriceStoreOptions = {}): MarkPriceStore {
  let throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS;
  const latest = new Map<string, MarkPriceUpdate>();
  // Per symbol: listeners of every update, and listeners of price changes only.
  const listeners = new Map<string, { all: Set<() => void>; price: Set<() => void> }>();
  const unsubscribers = new Map<string, () => void>();
  const statusListeners = new Set<() => void>();
  let feedStatus: FeedStatus = 'live';
  let unsubscribeStatus: (() => void) | undefined;
  // Throttling: the listeners owed a call, how many subscriptions each listener holds (one function
  // may listen to several symbols), when readers were last called, and the timer of the next call.
  const pending = new Set<() => void>();
  const registrations = new Map<() => void, number>();
  let lastFlush = -Infinity;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing = false;
  const batchListeners = new Set<() => void>();

  function flush() {
    flushTimer = undefined;
    lastFlush = Date.now();
    const due = [...pending];
    pending.clear();
    flushing = true;
    try {
      callAll(due);
    } finally {
      flushing = false;
      for (const l of [...batchListeners]) l();
    }
  }

  /** Calls every listener, even when one throws; the first error is rethrown after the others ran. */
  function callAll(due: Iterable<() => void>) {
    let failed = false;
    let error: unknown;
    for (const l of due) {
      // A listener that left since the call was owed is not called.
      if (!registrations.has(l)) continue;
      try {
        l();
      } catch (e) {
        if (!failed) error = e;
        failed = true;
      }
    }
    if (failed) throw error;
  }

  function notify(set: Set<() => void>) {
    if (throttleMs <= 0) {
      callAll(set);
      return;
    }
    for (const l of set) pending.add(l);
    if (flushTimer !== undefined || pending.size === 0) return;
    // The rest of the interval (at most one, even if the wall clock was set back since), and at
    // least the gathering window.
    const wait = Math.max(GATHER_MS, Math.min(throttleMs, lastFlush + throttleMs - Date.now()));
    flushTimer = setTimeout(flush, wait);
  }

  /**
   * Drops one subscription of `listener`. A call owed to it stays owed while it listens elsewhere or
   * subscribes again before the call; the timer goes when no listener owed a call is left.
   */
  function forget(listener: () => void) {
    const n = (registrations.get(listener) ?? 1) - 1;
    if (n > 0) registrations.set(listener, n);
    else registrations.delete(listener);
    if (flushTimer === undefined) return;
    for (const l of pending) if (registrations.has(l)) return;
    pending.clear();
    clearTimeout(flushTimer);
    flushTimer = undefined;
  }

  // What the source sends is untrusted: an update that fails the check is dropped where it enters.
  function emit(raw: MarkPriceUpdate) {
    const update = checkMarkPriceUpdate(raw);
    if (!update) return;
    const prev = latest.get(update.symbol);
    if (prev && prev.eventTime > update.eventTime) return;
    latest.set(update.symbol, update);
    const entry = listeners.get(update.symbol);
    if (!entry) return;
    notify(entry.all);
    if (!prev || prev.markPrice !== update.markPrice) notify(entry.price);
  }

  function add(symbol: string, kind: 'all' | 'price', listener: () => void): () => void {
    let entry = listeners.get(symbol);
    if (!entry) {
      entry = { all: new Set(), price: new Set() };
      listeners.set(symbol, entry);
      unsubscribers.set(symbol, source.subscribeMarkPrice(symbol, emit));
    }
    if (!entry[kind].has(listener)) {
      entry[kind].add(listener);
      registrations.set(listener, (registrations.get(listener) ?? 0) + 1);
    }
    return () => {
      const e = listeners.get(symbol);
      if (!e || !e[kind].delete(listener)) return;
      forget(listener);
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
    inBatch: () => flushing,
    afterBatch(listener) {
      batchListeners.add(listener);
      return () => batchListeners.delete(listener);
    },
    setThrottleMs(ms) {
      throttleMs = ms;
      // Owed calls go out now: a new interval starts from here.
      if (flushTimer !== undefined) {
        clearTimeout(flushTimer);
        flush();
      }
    },
  };
}
