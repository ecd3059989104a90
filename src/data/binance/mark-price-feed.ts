import type { FeedStatus, MarkPriceUpdate, Unsubscribe } from '../../engine/types';
import { deliver } from './deliver';
import { markPriceStreams, parseMarkPriceFrames } from './mark-price';
import type { BinanceMarket, ReconnectOptions, WebSocketFactory } from './options';
import { ReconnectingSocket } from './reconnecting-socket';
import { StreamSubscriptions } from './stream-subscriptions';

type PriceListener = (update: MarkPriceUpdate) => void;
type StatusListener = (status: FeedStatus) => void;

/** How a {@link MarkPriceFeed} connects. */
export interface MarkPriceFeedOptions {
  market: BinanceMarket;
  /** The market-stream socket URL. */
  url: string;
  factory: WebSocketFactory;
  backoff: ReconnectOptions;
  /** A socket silent this long is reported as an outage and reconnected. */
  silentAfterMs: number;
  /** Above this many symbols, one all-market stream replaces the per-symbol streams. */
  allMarketAbove: number;
}

/**
 * All mark-price subscriptions of one source over one socket to the market stream: the first
 * subscriber opens it, the streams follow the symbols listened to (batched, rate-limited
 * `SUBSCRIBE`/`UNSUBSCRIBE`, see {@link StreamSubscriptions}), and the last unsubscribe closes the
 * socket and any pending reconnection. A drop or a silent socket sets the status to 'reconnecting';
 * the first price after the reconnection sets it back to 'live'.
 */
export class MarkPriceFeed {
  private readonly listeners = new Map<string, Set<PriceListener>>();
  private readonly statusListeners = new Set<StatusListener>();
  private socket: ReconnectingSocket | null = null;
  private subscriptions: StreamSubscriptions | null = null;
  private status: FeedStatus = 'live';

  constructor(private readonly options: MarkPriceFeedOptions) {}

  /** Adds a listener for one symbol's mark price. */
  subscribe(symbol: string, listener: PriceListener): Unsubscribe {
    const key = symbol.toUpperCase();
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
      if (this.socket) this.follow();
      else this.open();
    }
    const entry: PriceListener = (update) => listener(update); // one entry per call, even for the same function
    set.add(entry);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.remove(key, entry);
    };
  }

  /** Adds a listener for the feed status; it hears 'reconnecting' at once if the feed is down now. */
  subscribeStatus(listener: StatusListener): Unsubscribe {
    const entry: StatusListener = (status) => listener(status);
    this.statusListeners.add(entry);
    if (this.status === 'reconnecting') entry('reconnecting');
    return () => {
      this.statusListeners.delete(entry);
    };
  }

  /** Closes the socket and forgets every listener. */
  close(): void {
    this.listeners.clear();
    this.statusListeners.clear();
    this.shutdown();
  }

  private remove(key: string, entry: PriceListener): void {
    const set = this.listeners.get(key);
    if (!set) return;
    set.delete(entry);
    if (set.size > 0) return;
    this.listeners.delete(key);
    if (this.listeners.size === 0) this.shutdown();
    else this.follow();
  }

  /** Asks for the streams of the symbols listened to now. */
  private follow(): void {
    const { market, allMarketAbove } = this.options;
    this.subscriptions?.want(markPriceStreams(market, [...this.listeners.keys()], allMarketAbove));
  }

  private open(): void {
    const { url, factory, backoff, silentAfterMs } = this.options;
    const socket = new ReconnectingSocket(
      () => url,
      factory,
      backoff,
      {
        onOpen: () => this.subscriptions?.reset(),
        onMessage: (data) => this.receive(data),
        onDrop: () => this.setStatus('reconnecting'),
      },
      { silentAfterMs },
    );
    this.socket = socket;
    this.subscriptions = new StreamSubscriptions((frame) => socket.send(frame));
    this.follow();
    socket.start();
  }

  private shutdown(): void {
    this.subscriptions?.close();
    this.subscriptions = null;
    this.socket?.close();
    this.socket = null;
    // The status stays: after a drop, 'live' comes back with the next price, not with a new socket.
  }

  private receive(data: string): void {
    const updates = parseMarkPriceFrames(data);
    if (updates.length === 0) return; // a reply, another event, or garbled
    this.setStatus('live');
    for (const update of updates) {
      const set = this.listeners.get(update.symbol.toUpperCase());
      if (set) deliver(set, update);
    }
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.status) return;
    this.status = status;
    deliver(this.statusListeners, status);
  }
}
