import { AdjustMarginError } from '../../engine/types';
import { binanceCodeError } from '../binance-codes';
import { isRecord } from './payloads';

/**
 * What an app's `request` function should throw for an HTTP error: the status, Binance's
 * `{"code":-4051,"msg":"Isolated balance insufficient."}` body, and on a 429/418 the `Retry-After`
 * header (seconds). Any object with a numeric `code` and a string `msg` is understood as well.
 */
export class BinanceHttpError extends Error {
  /** HTTP status (400, 408, 418, 429, 5xx…). */
  readonly status: number;
  /** Binance's error code (negative), when the body had one. */
  readonly code: number | undefined;
  /** Binance's error message, when the body had one. */
  readonly msg: string | undefined;
  /** The `Retry-After` header of a 429 or 418, in seconds, when there was one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code?: number, msg?: string, retryAfter?: number) {
    super(msg ? `Binance HTTP ${status} (${code ?? 'no code'}): ${msg}` : `Binance HTTP ${status}`);
    this.name = 'BinanceHttpError';
    this.status = status;
    this.code = code;
    this.msg = msg;
    this.retryAfter = retryAfter;
  }
}

/** Binance's error fields found on a thrown value, if any. */
export interface BinanceErrorFields {
  code?: number;
  msg?: string;
  status?: number;
  retryAfter?: number;
}

/**
 * Reads `code`, `msg`, `status` and `retryAfter` from a thrown value: a {@link BinanceHttpError}, or
 * any object with a numeric `code` and a string `msg` (Binance's body). A numeric `code` without
 * `msg` (e.g. a `DOMException`'s legacy code) is not taken for a Binance code.
 */
export function readBinanceError(error: unknown): BinanceErrorFields {
  if (!isRecord(error)) return {};
  const fields: BinanceErrorFields = {};
  const binanceShaped = error instanceof BinanceHttpError || typeof error.msg === 'string';
  if (binanceShaped && typeof error.code === 'number') fields.code = error.code;
  if (typeof error.msg === 'string') fields.msg = error.msg;
  if (typeof error.status === 'number') fields.status = error.status;
  if (typeof error.retryAfter === 'number' && Number.isFinite(error.retryAfter)) fields.retryAfter = error.retryAfter;
  return fields;
}

/** The error for an adjustment that got no answer within `timeoutMs` (the result is unknown). */
export function adjustTimeoutError(timeoutMs: number): AdjustMarginError {
  return new AdjustMarginError('timeout', `No answer from Binance within ${timeoutMs} ms`);
}

/**
 * Turns anything a `request` call rejected with into an {@link AdjustMarginError}, keeping Binance's
 * code and message (`code`, `exchangeMessage`). A Binance code takes its kind from the kit's one code
 * table (`binanceCodeError`); without a code: HTTP 429/418 → network (rate limited, nothing applied),
 * HTTP 5xx → timeout (Binance: execution status unknown), another status → unknown; a `TypeError` or a
 * socket error (`ECONNREFUSED`…) → network; an `AbortError`/`TimeoutError` → timeout; anything else
 * unknown. The `message` is a short technical line; what a person reads comes from the kind.
 */
export function mapBinanceError(error: unknown): AdjustMarginError {
  if (error instanceof AdjustMarginError) return error;
  const { code, msg, status } = readBinanceError(error);
  if (code !== undefined) return binanceCodeError(code, msg);
  const said = msg !== undefined ? { exchangeMessage: msg } : {};
  if (status === 429 || status === 418) return new AdjustMarginError('network', `Binance HTTP ${status}`, said);
  if (status !== undefined) {
    return new AdjustMarginError(status >= 500 ? 'timeout' : 'unknown', `Binance HTTP ${status}`, said);
  }
  const name = isRecord(error) && typeof error.name === 'string' ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError' || name === 'TimeoutError') return new AdjustMarginError('timeout', text);
  const sysCode = isRecord(error) && typeof error.code === 'string' ? error.code : '';
  if (error instanceof TypeError || /^E[A-Z_]+$/.test(sysCode)) return new AdjustMarginError('network', text);
  return new AdjustMarginError('unknown', text);
}
