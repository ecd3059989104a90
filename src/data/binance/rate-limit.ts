import { BinanceHttpError, readBinanceError } from './errors';
import type { BinanceRequest } from './options';

/** The wait after a 429/418 that came without a `Retry-After` header, in seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Wraps a request function so that it backs off after Binance says "too many requests": after an
 * HTTP 429 (rate limit hit) or 418 (IP banned for ignoring 429s), no request is sent until the
 * answer's `Retry-After` (seconds; {@link DEFAULT_RETRY_AFTER_SECONDS} when absent) has passed.
 * Meanwhile every call rejects at once with a {@link BinanceHttpError} of the same status, whose
 * `retryAfter` is the time left. Binance's limits are per IP, so one gate serves every endpoint.
 */
export function backOffOnRateLimit(request: BinanceRequest, now: () => number = Date.now): BinanceRequest {
  let blockedUntil = 0;
  let blockedBy = 429;
  return async (method, path, params) => {
    const left = blockedUntil - now();
    if (left > 0) {
      const seconds = Math.ceil(left / 1000);
      throw new BinanceHttpError(
        blockedBy,
        undefined,
        `Not sent: backing off for ${seconds} s after HTTP ${blockedBy}`,
        seconds,
      );
    }
    try {
      return await request(method, path, params);
    } catch (error) {
      const { status, retryAfter } = readBinanceError(error);
      if (status === 429 || status === 418) {
        blockedUntil = Math.max(blockedUntil, now() + (retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000);
        blockedBy = status;
      }
      throw error;
    }
  };
}
