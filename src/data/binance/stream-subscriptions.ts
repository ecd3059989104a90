/**
 * Frames a connection may send per rolling second. Binance allows 10 incoming messages per second per
 * connection and drops a connection above that (repeat offenders risk an IP ban); the adapter keeps
 * to half of it, leaving room for the client's pong frames.
 */
export const MAX_FRAMES_PER_SECOND = 5;

/** Binance's limit of streams on one connection. */
export const MAX_STREAMS_PER_CONNECTION = 1024;

/**
 * The window frames are counted in: a second and 100 ms. Binance counts frames as they arrive, and two
 * frames sent a second apart can arrive closer together (a delayed first one): the extra 100 ms keeps
 * any second of arrivals within {@link MAX_FRAMES_PER_SECOND} too.
 */
const WINDOW_MS = 1100;

/**
 * The streams one market connection is subscribed to, kept in line with the streams wanted. Changes
 * made in the same task are sent together: at most one `UNSUBSCRIBE` and one `SUBSCRIBE` frame per
 * flush, each naming every stream it changes; a stream wanted and unwanted again before the flush
 * costs nothing. Frames never exceed {@link MAX_FRAMES_PER_SECOND} in any rolling second: a change
 * that would, waits.
 */
export class StreamSubscriptions {
  /** What the server was told it has. */
  private readonly subscribed = new Set<string>();
  private wanted = new Set<string>();
  private readonly sentAt: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private requestId = 0;

  constructor(
    /** Sends a frame if the socket is open; returns whether it was sent. */
    private readonly send: (frame: string) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** The streams that should be subscribed from now on; sent on the next flush. */
  want(streams: Iterable<string>): void {
    this.wanted = new Set(streams);
    this.schedule(0);
  }

  /** A new connection: the server has nothing subscribed. Everything wanted is sent again. */
  reset(): void {
    this.subscribed.clear();
    this.schedule(0);
  }

  /** Cancels a pending flush. */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delayMs);
  }

  /** Milliseconds until one more frame fits in the rolling second (0: now). */
  private waitForBudget(): number {
    const now = this.now();
    while (this.sentAt.length > 0 && now - this.sentAt[0]! >= WINDOW_MS) this.sentAt.shift();
    return this.sentAt.length < MAX_FRAMES_PER_SECOND ? 0 : this.sentAt[0]! + WINDOW_MS - now;
  }

  private flush(): void {
    const remove = [...this.subscribed].filter((stream) => !this.wanted.has(stream));
    const add = [...this.wanted].filter((stream) => !this.subscribed.has(stream));
    // Unsubscribe first, so the connection never holds more streams than it will.
    for (const [method, params] of [
      ['UNSUBSCRIBE', remove],
      ['SUBSCRIBE', add],
    ] as const) {
      if (params.length === 0) continue;
      const wait = this.waitForBudget();
      if (wait > 0) {
        this.schedule(wait);
        return;
      }
      const id = this.requestId + 1;
      if (!this.send(JSON.stringify({ method, params, id }))) return; // resent after reset()
      this.requestId = id;
      this.sentAt.push(this.now());
      for (const stream of params) {
        if (method === 'SUBSCRIBE') this.subscribed.add(stream);
        else this.subscribed.delete(stream);
      }
    }
  }
}
