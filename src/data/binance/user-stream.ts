import { parseAccountUpdate, userEventType, type AccountUpdate } from './account-update';
import type { ReconnectOptions, UserStreamOptions, WebSocketFactory } from './options';
import { ReconnectingSocket } from './reconnecting-socket';

/** What the user-data stream reports. */
export interface UserStreamHandlers {
  /** An `ACCOUNT_UPDATE` arrived. */
  onAccountUpdate(update: AccountUpdate): void;
  /** The stream came back after a drop: events may have been missed, re-fetch the account. */
  onResync(): void;
}

/**
 * The user-data stream (`<streamUrl>/<listenKey>`), reconnecting with backoff and a fresh listen key;
 * a `listenKeyExpired` event reconnects (after the first backoff delay) with a new key.
 */
export class UserDataStream {
  private readonly socket: ReconnectingSocket;

  constructor(
    options: UserStreamOptions,
    streamUrl: string,
    factory: WebSocketFactory,
    backoff: ReconnectOptions,
    handlers: UserStreamHandlers,
  ) {
    const url = options.url ?? ((key: string) => `${streamUrl}/${key}`);
    this.socket = new ReconnectingSocket(async () => url(await options.listenKey()), factory, backoff, {
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
          return; // a malformed event is skipped; the next reconnection re-fetches the account
        }
        if (update) handlers.onAccountUpdate(update);
      },
      onDrop: () => {},
    });
    this.socket.start();
  }

  /** Closes the stream for good. */
  close(): void {
    this.socket.close();
  }
}
