import { parseAccountUpdate, userEventType, type AccountUpdate } from './account-update';
import type { ReconnectOptions, WebSocketFactory } from './options';
import { ReconnectingSocket } from './reconnecting-socket';

/** Default of `userStream.keepAliveMs`: half of the listen key's 60-minute validity. */
export const DEFAULT_LISTEN_KEY_KEEP_ALIVE_MS = 30 * 60_000;

/** What the user-data stream reports. */
export interface UserStreamHandlers {
  /** An `ACCOUNT_UPDATE` arrived. */
  onAccountUpdate(update: AccountUpdate): void;
  /** Events may have been missed (the stream came back after a drop) or could not be read: re-fetch the account. */
  onResync(): void;
}

/** How a {@link UserDataStream} gets and keeps its listen key, and where it connects. */
export interface UserDataStreamOptions {
  listenKey: () => Promise<string>;
  keepAlive: () => Promise<string>;
  keepAliveMs: number;
  url: (listenKey: string) => string;
  factory: WebSocketFactory;
  backoff: ReconnectOptions;
}

/**
 * The user-data stream, reconnecting with backoff and a fresh listen key. A `listenKeyExpired` event
 * reconnects (after the first backoff delay) with a new key. While it runs, `keepAlive` extends the
 * key every `keepAliveMs`; if it answers with another key, the stream reconnects with that one.
 */
export class UserDataStream {
  private readonly socket: ReconnectingSocket;
  private readonly keepAliveTimer: ReturnType<typeof setInterval>;
  private key: string | undefined;

  constructor(options: UserDataStreamOptions, handlers: UserStreamHandlers) {
    this.socket = new ReconnectingSocket(
      async () => {
        this.key = await options.listenKey();
        return options.url(this.key);
      },
      options.factory,
      options.backoff,
      {
        onOpen: (_socket, reconnected) => {
          if (reconnected) handlers.onResync();
        },
        onMessage: (data) => {
          if (userEventType(data) === 'listenKeyExpired') {
            this.socket.restart();
            return;
          }
          let update: AccountUpdate | undefined;
          try {
            update = parseAccountUpdate(data);
          } catch {
            handlers.onResync(); // an event that cannot be read: the account is fetched instead
            return;
          }
          if (update) handlers.onAccountUpdate(update);
        },
        onDrop: () => {},
      },
    );
    this.keepAliveTimer = setInterval(() => {
      options.keepAlive().then(
        (key) => {
          if (this.key !== undefined && key !== this.key) this.socket.restart();
        },
        () => {}, // the next keep-alive, or the reconnection's fresh key, tries again
      );
    }, options.keepAliveMs);
    this.socket.start();
  }

  /** Closes the stream for good. */
  close(): void {
    clearInterval(this.keepAliveTimer);
    this.socket.close();
  }
}
