/**
 * The README's Binance recipe, compiled against the published types but never run: the consumer
 * test has no network. Signing stays in the app: `signedFetch` is the app's own function.
 */
import {
  BinanceHttpError,
  createBinanceSource,
  type BinanceRequest,
  type BinanceSource,
  type MarginDataSource,
} from 'adjust-margin-kit/binance';

async function signedFetch(method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<unknown> {
  const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) });
  const response = await fetch(`https://fapi.binance.com${path}?${query}`, { method });
  const body: unknown = await response.json();
  if (!response.ok) {
    const { code, msg } = body as { code?: number; msg?: string };
    throw new BinanceHttpError(response.status, code, msg);
  }
  return body;
}

async function createListenKey(): Promise<string> {
  const { listenKey } = (await signedFetch('POST', '/fapi/v1/listenKey', {})) as { listenKey: string };
  return listenKey;
}

/** Typed exactly as the adapter wants it. */
const request: BinanceRequest = (method, path, params) => signedFetch(method, path, params);

export function makeBinanceSource(): BinanceSource {
  const source = createBinanceSource({
    market: 'usdm',
    request,
    webSocket: (url) => new WebSocket(url),
    streamUrl: 'wss://fstream.binance.com/ws',
    userStream: { listenKey: () => createListenKey() },
  });
  // A Binance source is a MarginDataSource: it fits MarginSourceProvider.
  const asSource: MarginDataSource = source;
  void asSource;
  return source;
}

/** Shown on the page: the entry loaded and its exports are what the types say. */
export const binanceEntry = typeof createBinanceSource === 'function' && typeof BinanceHttpError === 'function';
