/**
 * Options of `createBinanceSource` and the structural types it needs from its host: a signed-request
 * function and a WebSocket factory. Signing stays with the app (or its proxy); the adapter never sees a key.
 */

/** USDⓈ-M (`/fapi`, linear) or COIN-M (`/dapi`, inverse) futures. */
export type BinanceMarket = 'usdm' | 'coinm';

/**
 * The app's own signed-request function. It adds `timestamp`/`signature` (and the API-key header),
 * sends the request to the market's REST host and resolves with the parsed JSON body. GET params go
 * in the query string; POST params in the query string or a form body (Binance accepts both).
 * On an HTTP error it rejects with something carrying Binance's body: a {@link BinanceHttpError}
 * (with `retryAfter` from the `Retry-After` header of a 429/418) or any object with a numeric `code`
 * and a string `msg` (a numeric `status` helps too). A network failure may reject with anything
 * (a `TypeError` from `fetch` is typical). `createProxyRequest(url)` is one, for the example proxy.
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

/** The user-data stream, for `ACCOUNT_UPDATE` events. Every field has a default: `{}` turns it on. */
export interface UserStreamOptions {
  /**
   * Returns a valid listen key. Called on every (re)connection and after a `listenKeyExpired`
   * event. Default: `request('POST', '/fapi/v1/listenKey' | '/dapi/v1/listenKey', {})`.
   */
  listenKey?: () => Promise<string>;
  /**
   * Keeps the listen key valid (Binance closes a stream whose key was not extended for 60 min).
   * Called every `keepAliveMs` while the stream is open; a different key in its answer reconnects
   * with that key. Default: the `listenKey` function again (a POST on an active key extends it by 60 min).
   */
  keepAlive?: () => Promise<string>;
  /** How often `keepAlive` runs. Default 30 min. */
  keepAliveMs?: number;
  /**
   * The stream URL for a listen key. Default: USDⓈ-M
   * `<streamBaseUrl>/private/ws?listenKey=<key>&events=ACCOUNT_UPDATE`, COIN-M `<streamBaseUrl>/ws/<key>`.
   */
  url?: (listenKey: string) => string;
}

/** Options of {@link createBinanceSource}. */
export interface BinanceSourceOptions {
  market: BinanceMarket;
  request: BinanceRequest;
  webSocket: WebSocketFactory;
  /**
   * Root of Binance's stream host. Default `wss://fstream.binance.com` (USDⓈ-M) or
   * `wss://dstream.binance.com` (COIN-M). Mark prices come from `<root>/market/ws` (USDⓈ-M, per
   * Binance's WebSocket change notice of 2026-03-06; the legacy `/ws` was retired on 2026-04-23) or
   * `<root>/ws` (COIN-M). Set it for a testnet or a proxy that keeps Binance's paths.
   */
  streamBaseUrl?: string;
  /**
   * The full URL of the market-stream socket, overriding the one built from `streamBaseUrl`. The
   * adapter opens one socket here and `SUBSCRIBE`s / `UNSUBSCRIBE`s `<symbol>@markPrice@1s` on it.
   */
  streamUrl?: string;
  /** The user-data stream; without it, account changes reach the kit only through `getAccount()`. */
  userStream?: UserStreamOptions;
  reconnect?: ReconnectOptions;
  /**
   * An open market socket that delivers no frame for this long is reported as an outage
   * ('reconnecting') and reconnected. Default 5000 ms (five beats of the 1-second stream).
   */
  silentAfterMs?: number;
  /**
   * Above this many watched symbols the feed subscribes one all-market stream instead of one stream
   * per symbol: `!markPrice@arr@1s` on USDⓈ-M, `<pair>@markPrice@1s` per pair on COIN-M. Default 200,
   * at most 1024 (Binance's streams per connection).
   */
  allMarketAbove?: number;
  /**
   * The app's signed-request function for Binance's wallet host (`https://api.binance.com`), where
   * `POST /sapi/v1/asset/transfer` lives (the futures hosts do not serve it). With it the source
   * has `transfer` (type `UMFUTURE_MAIN` or `CMFUTURE_MAIN`, by `market`); without it the source has
   * none, and the kit offers no Transfer. Same contract as `request`.
   */
  walletRequest?: BinanceRequest;
  /** How long `adjustMargin` and `transfer` wait for the exchange before failing with kind 'timeout'. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Decimals of margin-asset amounts per asset (e.g. `{ USDT: 8 }`). Binance's exchangeInfo does not
   * publish them; the default is 8.
   */
  assetPrecision?: Readonly<Record<string, number>>;
  /** Clock for snapshot times and rate-limit backoff. Default `Date.now`. */
  now?: () => number;
}
