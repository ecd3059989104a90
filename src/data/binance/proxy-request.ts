import { BinanceHttpError } from './errors';
import type { BinanceRequest } from './options';

/** What {@link createProxyRequest} needs besides the proxy's URL. */
export interface ProxyRequestOptions {
  /** The `fetch` to use. Default the global one. */
  fetch?: typeof fetch;
}

/** Seconds from a `Retry-After` header: a number of seconds, or an HTTP date. */
function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The browser side of the signing proxy (`examples/binance-proxy/`): a {@link BinanceRequest} that
 * sends each call, unsigned, to `<proxyUrl><path>?<params>`. The proxy adds `timestamp`, `recvWindow`,
 * the HMAC-SHA256 `signature` and the API-key header, and forwards it to Binance: the API secret never
 * reaches the browser. A non-2xx answer rejects with a {@link BinanceHttpError} carrying Binance's
 * `code` and `msg` and the `Retry-After` of a 429/418; an unreachable proxy rejects with fetch's `TypeError`.
 */
export function createProxyRequest(proxyUrl: string, options: ProxyRequestOptions = {}): BinanceRequest {
  const base = proxyUrl.replace(/\/+$/, '');
  return async (method, path, params) => {
    const query = new URLSearchParams(params).toString();
    const send = options.fetch ?? fetch;
    const response = await send(`${base}${path}${query ? `?${query}` : ''}`, { method });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.ok) return body;
    const fields = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; msg?: unknown };
    throw new BinanceHttpError(
      response.status,
      typeof fields.code === 'number' ? fields.code : undefined,
      typeof fields.msg === 'string' ? fields.msg : undefined,
      retryAfterSeconds(response.headers.get('retry-after'), Date.now()),
    );
  };
}
