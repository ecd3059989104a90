import { reconnectDelay } from './backoff';
import type { ReconnectOptions, WebSocketFactory, WebSocketLike } from './options';

/** What a {@link ReconnectingSocket} reports to its owner. */
export interface ReconnectingSocketHandlers {
  /** The socket opened (first time or after a reconnection). */
  onOpen(socket: WebSocketLike, reconnected: boolean): void;
  /** A text frame arrived. */
  onMessage(data: string): void;
  /** The socket dropped (or a connection attempt failed); a reconnection is scheduled. */
  onDrop(): void;
}

const OPEN = 1;
const noop = (): void => {};

/**
 * One WebSocket that reconnects with exponential backoff until {@link ReconnectingSocket.close} is
 * called. The URL is resolved on every attempt (a user stream needs a fresh listen key). After
 * `close()` no socket and no timer is left.
 */
export class ReconnectingSocket {
  private socket: WebSocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private everOpened = false;
  private closed = false;
  /** Bumped whenever the current attempt is abandoned, so a late URL resolution is ignored. */
  private generation = 0;

  constructor(
    private readonly url: () => string | Promise<string>,
    private readonly factory: WebSocketFactory,
    private readonly backoff: ReconnectOptions,
    private readonly handlers: ReconnectingSocketHandlers,
  ) {}

  /** Opens the first connection. */
  start(): void {
    void this.connect();
  }

  /** Sends a text frame if the socket is open; returns whether it was sent. */
  send(data: string): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(data);
    return true;
  }

  /** Closes the socket for good and cancels any pending reconnection. */
  close(): void {
    this.closed = true;
    this.generation += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.discard();
  }

  /** Drops the current socket and reconnects after the backoff delay (e.g. an expired listen key). */
  restart(): void {
    if (this.closed) return;
    this.generation += 1;
    this.discard();
    this.handlers.onDrop();
    this.schedule();
  }

  private async connect(): Promise<void> {
    this.timer = null;
    const generation = this.generation;
    let socket: WebSocketLike;
    try {
      const url = await this.url();
      if (this.closed || generation !== this.generation) return;
      socket = this.factory(url);
    } catch {
      if (this.closed || generation !== this.generation) return;
      this.handlers.onDrop();
      this.schedule();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.attempt = 0;
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.handlers.onOpen(socket, reconnected);
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      const data = event.data;
      this.handlers.onMessage(typeof data === 'string' ? data : String(data));
    };
    socket.onerror = noop; // a 'close' follows every error
    socket.onclose = () => {
      if (socket !== this.socket || this.closed) return;
      this.socket = null;
      this.handlers.onDrop();
      this.schedule();
    };
  }

  private schedule(): void {
    if (this.closed || this.timer !== null) return;
    const delay = reconnectDelay(this.attempt, this.backoff);
    this.attempt += 1;
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private discard(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    // Keep an error listener: the `ws` package emits 'error' when a connecting socket is closed.
    socket.onopen = noop;
    socket.onmessage = noop;
    socket.onclose = noop;
    socket.onerror = noop;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }
}
