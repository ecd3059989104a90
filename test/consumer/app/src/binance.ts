/**
 * The README's Binance recipe, compiled against the published types but never run: the consumer
 * test has no network. Signing stays on a server (examples/binance-proxy); the browser reaches it
 * through `createProxyRequest`, and Binance's streams at their default URLs.
 */
import {
  BinanceHttpError,
  createBinanceSource,
  createProxyRequest,
  type BinanceRequest,
  type BinanceSource,
  type MarginDataSource,
} from 'adjust-margin-kit/binance';

/** Typed exactly as the adapter wants it. */
const request: BinanceRequest = createProxyRequest('http://127.0.0.1:8787');

export function makeBinanceSource(): BinanceSource {
  const source = createBinanceSource({
    market: 'usdm',
    request,
    webSocket: (url) => new WebSocket(url),
    userStream: {},
  });
  // A Binance source is a MarginDataSource: it fits MarginSourceProvider.
  const asSource: MarginDataSource = source;
  void asSource;
  return source;
}

/** Shown on the page: the entry loaded and its exports are what the types say. */
export const binanceEntry = typeof createBinanceSource === 'function' && typeof BinanceHttpError === 'function';
