import { reconnectDelay } from './backoff';
import type { ReconnectOptions, WebSocketFactory, WebSocketLike } from './options';

/** What a {@link ReconnectingSocket} reports to its owner. */
export interface ReconnectingSocketHandlers {
  /** The socket opened (first time or after a reconnection). */
  onOpen(socket: WebSocketLike, reconnected: boolean): void;
  /** A text frame arrived. */
  onMessage(data: string): void;
  /** The socket dropped, fell silent, or a connection attempt failed; a reconnection is scheduled. */
  onDrop(): void;
}

/** Options of a {@link ReconnectingSocket} beyond its backoff. */
export interface ReconnectingSocketOptions {
  /**
   * A socket that delivers no frame for this long (counted from its creation, its opening and each
   * frame) is treated as dropped: closed, reported through `onDrop`, and reconnected. Without it, a
   * silent socket is left open.
   */
  silentAfterMs?: number;
}

const OPEN = 1;
const noop = (): void => {};

/**
 * One WebSocket that reconnects with exponential backoff until {@link ReconnectingSocket.close} is
 * called. The URL is resolved on every attempt (a user stream needs a fresh listen key). With
 * `silentAfterMs`, a watchdog restarts an open socket that has gone quiet. After `close()` no socket
 * and no timer is left.
 */
export class ReconnectingSocket {
  private socket: WebSocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
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
    private readonly options: ReconnectingSocketOptions = {},
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

  /** Drops the current socket and reconnects after the backoff delay (an expired listen key, a silent socket). */
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
    this.armWatchdog(); // a connection that never opens is as silent as one that stopped talking
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.attempt = 0;
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.armWatchdog();
      this.handlers.onOpen(socket, reconnected);
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.armWatchdog();
      const data = event.data;
      this.handlers.onMessage(typeof data === 'string' ? data : String(data));
    };
    socket.onerror = noop; // a 'close' follows every error
    socket.onclose = () => {
      if (socket !== this.socket || this.closed) return;
      this.socket = null;
      this.stopWatchdog();
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

  /** (Re)starts the silence timer of the open socket. */
  private armWatchdog(): void {
    const silentAfterMs = this.options.silentAfterMs;
    if (silentAfterMs === undefined) return;
    this.stopWatchdog();
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      this.restart();
    }, silentAfterMs);
  }

  private stopWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private discard(): void {
    this.stopWatchdog();
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
