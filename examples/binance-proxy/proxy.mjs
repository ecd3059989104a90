// The signing proxy between the browser and Binance Futures. The browser (the kit's
// `createProxyRequest(proxyUrl)`) sends each call unsigned; this server adds `timestamp`, `recvWindow`,
// the HMAC-SHA256 `signature` and the `X-MBX-APIKEY` header, and forwards it. The API secret stays
// here: it never reaches a browser. Only the endpoints the kit uses are forwarded, plus the listen
// key's create (POST) and keep-alive (PUT). Node's `http` and `crypto` only (and the global `fetch`).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

/** Binance's live REST hosts. */
export const LIVE_UPSTREAMS = Object.freeze({ fapi: 'https://fapi.binance.com', dapi: 'https://dapi.binance.com' });

/** Binance's futures testnet REST host (both markets), as Binance's own connectors name it. */
export const TESTNET_UPSTREAMS = Object.freeze({
  fapi: 'https://testnet.binancefuture.com',
  dapi: 'https://testnet.binancefuture.com',
});

/** Origins allowed by default: the demo (`npm run demo`, `npm run dev`). */
export const DEFAULT_ALLOW_ORIGINS = Object.freeze(['http://127.0.0.1:4173', 'http://localhost:5173']);

/**
 * The endpoints forwarded, and how Binance secures each: `signed` (USER_DATA/TRADE: API key +
 * timestamp + signature), `key` (USER_STREAM: API key only), `public` (nothing).
 */
export const ROUTES = new Map([
  ['GET /fapi/v3/account', 'signed'],
  ['GET /fapi/v3/positionRisk', 'signed'],
  ['GET /fapi/v1/symbolConfig', 'signed'],
  ['GET /fapi/v1/leverageBracket', 'signed'],
  ['GET /fapi/v1/exchangeInfo', 'public'],
  ['POST /fapi/v1/positionMargin', 'signed'],
  ['POST /fapi/v1/listenKey', 'key'],
  ['PUT /fapi/v1/listenKey', 'key'],
  ['GET /dapi/v1/account', 'signed'],
  ['GET /dapi/v1/positionRisk', 'signed'],
  ['GET /dapi/v2/leverageBracket', 'signed'],
  ['GET /dapi/v1/exchangeInfo', 'public'],
  ['POST /dapi/v1/positionMargin', 'signed'],
  ['POST /dapi/v1/listenKey', 'key'],
  ['PUT /dapi/v1/listenKey', 'key'],
]);

/** Parameters the proxy owns: a client's own are dropped. */
const RESERVED = new Set(['timestamp', 'recvWindow', 'signature']);

/** The largest request body read (the kit sends none; a form body is a few hundred bytes). */
const MAX_BODY_BYTES = 16 * 1024;

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new RangeError('request body too large');
  }
  return body;
}

/**
 * The proxy as an `http.Server` (not yet listening).
 *
 * @param {object} options
 * @param {string} options.apiKey Binance API key.
 * @param {string} options.secretKey Binance API secret (HMAC-SHA256).
 * @param {{ fapi: string, dapi: string }} [options.upstreams] REST hosts; default {@link LIVE_UPSTREAMS}.
 * @param {readonly string[]} [options.allowOrigins] Browser origins allowed (CORS); `*` allows any.
 * @param {number} [options.recvWindow] Binance's `recvWindow`, ms; default 5000.
 * @param {() => number} [options.now] Clock for `timestamp`; default `Date.now`.
 * @param {typeof fetch} [options.fetch] The upstream `fetch`; default the global one.
 */
export function createBinanceProxy(options) {
  const { apiKey, secretKey } = options;
  if (!apiKey || !secretKey) throw new TypeError('createBinanceProxy needs apiKey and secretKey');
  const upstreams = options.upstreams ?? LIVE_UPSTREAMS;
  const allowOrigins = options.allowOrigins ?? DEFAULT_ALLOW_ORIGINS;
  const recvWindow = String(options.recvWindow ?? 5000);
  const now = options.now ?? Date.now;
  const upstreamFetch = options.fetch ?? globalThis.fetch;

  function corsHeaders(origin) {
    if (origin === undefined) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'Retry-After',
      vary: 'Origin',
    };
  }

  async function handle(req, res) {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowOrigins.includes('*') && !allowOrigins.includes(origin)) {
      send(res, 403, { msg: `Origin ${origin} is not allowed by this proxy` });
      return;
    }
    const cors = corsHeaders(origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const security = ROUTES.get(`${req.method} ${url.pathname}`);
    if (security === undefined) {
      send(res, 404, { msg: `${req.method} ${url.pathname} is not forwarded by this proxy` }, cors);
      return;
    }
    const body = await readBody(req);
    const params = new URLSearchParams();
    const isForm = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
    for (const source of [url.searchParams, new URLSearchParams(isForm ? body : '')]) {
      for (const [name, value] of source) if (!RESERVED.has(name)) params.append(name, value);
    }
    let query = params.toString();
    if (security === 'signed') {
      params.append('recvWindow', recvWindow);
      params.append('timestamp', String(now()));
      query = params.toString();
      query += `&signature=${createHmac('sha256', secretKey).update(query).digest('hex')}`;
    }
    const upstream = upstreams[url.pathname.startsWith('/fapi/') ? 'fapi' : 'dapi'];
    let answer;
    try {
      answer = await upstreamFetch(`${upstream}${url.pathname}${query ? `?${query}` : ''}`, {
        method: req.method,
        headers: security === 'public' ? {} : { 'X-MBX-APIKEY': apiKey },
      });
    } catch (error) {
      send(
        res,
        502,
        { msg: `Binance could not be reached: ${error instanceof Error ? error.message : String(error)}` },
        cors,
      );
      return;
    }
    const text = await answer.text();
    const retryAfter = answer.headers.get('retry-after');
    res.writeHead(answer.status, {
      ...cors,
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      ...(retryAfter === null ? {} : { 'retry-after': retryAfter }),
    });
    res.end(text);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (res.headersSent) res.end();
      else send(res, 400, { msg: error instanceof Error ? error.message : String(error) });
    });
  });
}
