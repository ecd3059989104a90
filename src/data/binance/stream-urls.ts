import type { BinanceMarket } from './options';

/**
 * The root of Binance's stream host per market. USDⓈ-M streams are routed by kind under it since
 * Binance's "Important WebSocket Change Notice" (2026-03-06): `/public` (book data), `/market` (mark
 * prices and other market data), `/private` (user data); the legacy `/ws` URLs were retired on 2026-04-23.
 * COIN-M keeps `/ws`.
 */
export const DEFAULT_STREAM_BASE_URL: Readonly<Record<BinanceMarket, string>> = {
  usdm: 'wss://fstream.binance.com',
  coinm: 'wss://dstream.binance.com',
};

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The market-stream socket: `<root>/market/ws` (USDⓈ-M) or `<root>/ws` (COIN-M). */
export function marketStreamUrl(market: BinanceMarket, root: string = DEFAULT_STREAM_BASE_URL[market]): string {
  return `${withoutTrailingSlash(root)}${market === 'usdm' ? '/market/ws' : '/ws'}`;
}

/**
 * The user-data socket for a listen key: USDⓈ-M `<root>/private/ws?listenKey=<key>&events=ACCOUNT_UPDATE`
 * (the private route delivers only the events named), COIN-M `<root>/ws/<key>`.
 */
export function userStreamUrl(
  market: BinanceMarket,
  listenKey: string,
  root: string = DEFAULT_STREAM_BASE_URL[market],
): string {
  const base = withoutTrailingSlash(root);
  const key = encodeURIComponent(listenKey);
  return market === 'usdm' ? `${base}/private/ws?listenKey=${key}&events=ACCOUNT_UPDATE` : `${base}/ws/${key}`;
}
