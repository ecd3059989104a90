import type { Server } from 'node:http';

/** The REST hosts a proxy forwards to. */
export interface Upstreams {
  fapi: string;
  dapi: string;
}

/** Binance's live REST hosts. */
export declare const LIVE_UPSTREAMS: Readonly<Upstreams>;
/** Binance's futures testnet REST host (both markets). */
export declare const TESTNET_UPSTREAMS: Readonly<Upstreams>;
/** Origins allowed by default: the demo (`npm run demo`, `npm run dev`). */
export declare const DEFAULT_ALLOW_ORIGINS: readonly string[];
/** The endpoints forwarded (`"GET /fapi/v3/account"`…) and how each is secured. */
export declare const ROUTES: ReadonlyMap<string, 'signed' | 'key' | 'public'>;

/** Options of {@link createBinanceProxy}. */
export interface BinanceProxyOptions {
  apiKey: string;
  secretKey: string;
  upstreams?: Upstreams;
  allowOrigins?: readonly string[];
  recvWindow?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** The signing proxy as an `http.Server` (not yet listening). */
export declare function createBinanceProxy(options: BinanceProxyOptions): Server;
