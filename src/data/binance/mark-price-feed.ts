import type { FeedStatus, MarkPriceUpdate, Unsubscribe } from '../../engine/types';
import { deliver } from './deliver';
import { markPriceStream, parseMarkPriceFrame } from './mark-price';
import type { ReconnectOptions, WebSocketFactory } from './options';
import { ReconnectingSocket } from './reconnecting-socket';

type PriceListener = (update: MarkPriceUpdate) => void;
type StatusListener = (status: FeedStatus) => void;

/**
 * All mark-price subscriptions of one source over one socket to the raw stream base (`…/ws`):
 * the first subscriber opens it, each symbol is `SUBSCRIBE`d once (reference-counted) and
 * `UNSUBSCRIBE`d when its last listener leaves, and the last unsubscribe closes the socket and any
 * pending reconnection. A drop sets the status to 'reconnecting'; the first price after the
 * reconnection sets it back to 'live'.
 */
export class MarkPriceFeed {
  private readonly listeners = new Map<string, Set<PriceListener>>();
  private readonly statusListeners = new Set<StatusListener>();
  private socket: ReconnectingSocket | null = null;
  private status: FeedStatus = 'live';
  private requestId = 0;

  constructor(
    private readonly streamUrl: string,
    private readonly factory: WebSocketFactory,
    private readonly backoff: ReconnectOptions,
  ) {}

  /** Adds a listener for one symbol's mark price. */
  subscribe(symbol: string, listener: PriceListener): Unsubscribe {
    const key = symbol.toUpperCase();
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
      if (this.socket) this.sendMethod('SUBSCRIBE', [markPriceStream(key)]);
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
    else this.sendMethod('UNSUBSCRIBE', [markPriceStream(key)]);
  }

  private open(): void {
    this.socket = new ReconnectingSocket(() => this.streamUrl, this.factory, this.backoff, {
      onOpen: () => {
        if (this.listeners.size > 0) this.sendMethod('SUBSCRIBE', [...this.listeners.keys()].map(markPriceStream));
      },
      onMessage: (data) => this.receive(data),
      onDrop: () => this.setStatus('reconnecting'),
    });
    this.socket.start();
  }

  private shutdown(): void {
    this.socket?.close();
    this.socket = null;
    // The status stays: after a drop, 'live' comes back with the next price, not with a new socket.
  }

  private receive(data: string): void {
    let update: MarkPriceUpdate | undefined;
    try {
      update = parseMarkPriceFrame(data);
    } catch {
      return; // a malformed frame is skipped
    }
    if (!update) return;
    this.setStatus('live');
    const set = this.listeners.get(update.symbol.toUpperCase());
    if (set) deliver(set, update);
  }

  private sendMethod(method: 'SUBSCRIBE' | 'UNSUBSCRIBE', params: string[]): void {
    this.requestId += 1;
    this.socket?.send(JSON.stringify({ method, params, id: this.requestId }));
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.status) return;
    this.status = status;
    deliver(this.statusListeners, status);
  }
}
