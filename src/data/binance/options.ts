/**
 * Options of `createBinanceSource` and the structural types it needs from its host: a signed-request
 * function and a WebSocket factory. Signing stays with the app; the adapter never sees a key.
 */

/** USDⓈ-M (`/fapi`, linear) or COIN-M (`/dapi`, inverse) futures. */
export type BinanceMarket = 'usdm' | 'coinm';

/**
 * The app's own signed-request function. It adds `timestamp`/`signature` (and the API-key header),
 * sends the request to the market's REST host and resolves with the parsed JSON body.
 * On an HTTP error it rejects with something carrying Binance's body: a {@link BinanceHttpError}
 * or any object with a numeric `code` and a string `msg` (a numeric `status` helps too).
 * A network failure may reject with anything (a `TypeError` from `fetch` is typical).
 */
export type BinanceRequest = (method: 'GET' | 'POST', path: string, params: Record<string, string>) => Promise<unknown>;

/**
 * A handler property whose event parameter is checked bivariantly, so that both the browser's
 * `WebSocket` (whose handlers take DOM events) and the `ws` package's socket fit {@link WebSocketLike}.
 */
export type SocketHandler<E> = { bivarianceHack(event: E): void }['bivarianceHack'] | null;

/**
 * The part of a WebSocket the adapter uses. The browser's `WebSocket` and the `ws` package's
 * `WebSocket` (Node) both fit; so does a test double.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  onopen: SocketHandler<unknown>;
  onmessage: SocketHandler<{ data: unknown }>;
  onclose: SocketHandler<unknown>;
  onerror: SocketHandler<unknown>;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Makes a WebSocket for a URL, e.g. `(url) => new WebSocket(url)`. */
export type WebSocketFactory = (url: string) => WebSocketLike;

/** Reconnection backoff: `min(maxDelayMs, initialDelayMs × 2^attempt)`, optionally jittered. */
export interface ReconnectOptions {
  /** Delay before the first reconnection attempt. Default 500 ms. */
  initialDelayMs?: number;
  /** Upper bound of the delay. Default 30 000 ms. */
  maxDelayMs?: number;
  /**
   * Spread each delay randomly over [delay/2, delay] so many clients do not reconnect in step.
   * Off by default (deterministic delays).
   */
  jitter?: boolean;
}

/** The user-data stream, for `ACCOUNT_UPDATE` events. */
export interface UserStreamOptions {
  /**
   * Returns a valid listen key (`POST /fapi/v1/listenKey` or `/dapi/v1/listenKey`). Called on every
   * (re)connection and after a `listenKeyExpired` event. Keeping the key alive
   * (`PUT …/listenKey` every < 60 min) is the app's job, since it owns the API key.
   */
  listenKey: () => Promise<string>;
  /** The stream URL for a listen key. Default: `<streamUrl>/<listenKey>`. */
  url?: (listenKey: string) => string;
}

/** Options of {@link createBinanceSource}. */
export interface BinanceSourceOptions {
  market: BinanceMarket;
  request: BinanceRequest;
  webSocket: WebSocketFactory;
  /**
   * Base of the raw market stream, e.g. `wss://fstream.binance.com/ws` (USDⓈ-M) or
   * `wss://dstream.binance.com/ws` (COIN-M). The adapter opens one socket here and
   * `SUBSCRIBE`s / `UNSUBSCRIBE`s `<symbol>@markPrice@1s` streams on it.
   */
  streamUrl: string;
  /** The user-data stream; without it, the account is re-fetched after each accepted adjustment. */
  userStream?: UserStreamOptions;
  reconnect?: ReconnectOptions;
  /** How long `adjustMargin` waits for the exchange before failing with kind 'timeout'. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Decimals of margin-asset amounts per asset (e.g. `{ USDT: 8 }`). Binance's exchangeInfo does not
   * publish them; the default is 8.
   */
  assetPrecision?: Readonly<Record<string, number>>;
  /** Clock for snapshot times. Default `Date.now`. */
  now?: () => number;
}
