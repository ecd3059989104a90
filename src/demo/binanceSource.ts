/**
 * The demo on Binance: `?source=binance&rest=<proxy>&ws=<stream root>&market=usdm|coinm` points the
 * page at the signing proxy of `examples/binance-proxy/` (REST) and at Binance's streams (or a testnet's,
 * or a loopback server's). Without `source=binance` the page keeps the simulated exchange.
 */
import {
  createBinanceSource,
  createProxyRequest,
  type BinanceMarket,
  type BinanceSource,
  type WebSocketFactory,
} from '../binance';

/** What the query asks for, checked: the simulated exchange, a Binance source, or a reason it was refused. */
export type BinanceQuery =
  | { kind: 'simulated' }
  | { kind: 'binance'; market: BinanceMarket; rest: string; ws: string | undefined }
  | { kind: 'refused'; problem: string };

/** The longest URL accepted in a query parameter. */
const MAX_URL_LENGTH = 2048;

/**
 * A URL from the query, kept only if it is absolute, uses one of `protocols`, and carries no
 * credentials, query or fragment; returned without a trailing slash. The raw value is never echoed.
 */
function checkedUrl(value: string, protocols: readonly string[], problem: string): string | { problem: string } {
  const refused = { problem };
  if (value.length > MAX_URL_LENGTH) return refused;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refused;
  }
  if (!protocols.includes(url.protocol) || url.username || url.password || url.search || url.hash) return refused;
  return url.href.replace(/\/+$/, '');
}

/** Reads `source`, `rest`, `ws` and `market` from a query string. */
export function binanceQuery(search: string): BinanceQuery {
  const params = new URLSearchParams(search);
  if (params.get('source') !== 'binance') return { kind: 'simulated' };
  const market = params.get('market') ?? 'usdm';
  if (market !== 'usdm' && market !== 'coinm') return { kind: 'refused', problem: '"market" must be usdm or coinm' };
  const restValue = params.get('rest');
  if (restValue === null) return { kind: 'refused', problem: '"rest" (the proxy\'s URL) is missing' };
  const rest = checkedUrl(restValue, ['http:', 'https:'], '"rest" must be an http:// or https:// URL');
  if (typeof rest !== 'string') return { kind: 'refused', ...rest };
  const wsValue = params.get('ws');
  const ws = wsValue === null ? undefined : checkedUrl(wsValue, ['ws:', 'wss:'], '"ws" must be a ws:// or wss:// URL');
  if (ws !== undefined && typeof ws !== 'string') return { kind: 'refused', ...ws };
  return { kind: 'binance', market, rest, ws };
}

/**
 * The Binance source a checked query asks for: REST through the proxy at `rest`, streams under `ws`
 * (Binance's own by default), the user-data stream on.
 */
export function binanceSourceFor(
  query: Extract<BinanceQuery, { kind: 'binance' }>,
  webSocket: WebSocketFactory = (url) => new WebSocket(url),
): BinanceSource {
  return createBinanceSource({
    market: query.market,
    request: createProxyRequest(query.rest),
    webSocket,
    ...(query.ws === undefined ? {} : { streamBaseUrl: query.ws }),
    userStream: {},
  });
}
