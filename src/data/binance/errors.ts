import { AdjustMarginError, type AdjustMarginErrorKind } from '../../engine/types';
import { isRecord } from './payloads';

/**
 * What an app's `request` function should throw for an HTTP error: the status and Binance's
 * `{"code":-4051,"msg":"Isolated balance insufficient."}` body. Any object with a numeric `code` and a
 * string `msg` is understood as well.
 */
export class BinanceHttpError extends Error {
  /** HTTP status (400, 408, 5xx…). */
  readonly status: number;
  /** Binance's error code (negative), when the body had one. */
  readonly code: number | undefined;
  /** Binance's error message, when the body had one. */
  readonly msg: string | undefined;

  constructor(status: number, code?: number, msg?: string) {
    super(msg ? `Binance HTTP ${status} (${code ?? 'no code'}): ${msg}` : `Binance HTTP ${status}`);
    this.name = 'BinanceHttpError';
    this.status = status;
    this.code = code;
    this.msg = msg;
  }
}

/** Binance's error fields found on a thrown value, if any. */
export interface BinanceErrorFields {
  code?: number;
  msg?: string;
  status?: number;
}

/**
 * Reads `code`, `msg` and `status` from a thrown value: a {@link BinanceHttpError}, or any object with
 * a numeric `code` and a string `msg` (Binance's body). A numeric `code` without `msg` (e.g. a
 * `DOMException`'s legacy code) is not taken for a Binance code.
 */
export function readBinanceError(error: unknown): BinanceErrorFields {
  if (!isRecord(error)) return {};
  const fields: BinanceErrorFields = {};
  const binanceShaped = error instanceof BinanceHttpError || typeof error.msg === 'string';
  if (binanceShaped && typeof error.code === 'number') fields.code = error.code;
  if (typeof error.msg === 'string') fields.msg = error.msg;
  if (typeof error.status === 'number') fields.status = error.status;
  return fields;
}

const UNKNOWN_RESULT =
  'The result is unknown: the change may or may not have been applied. Check the position before retrying.';

/** Kind and message for each Binance code the dialog explains. */
const BY_CODE: Readonly<Record<number, readonly [AdjustMarginErrorKind, string]>> = {
  [-4049]: ['notIsolated', 'Margin can only be adjusted on an isolated position; this position uses cross margin.'],
  [-4050]: ['insufficientCrossBalance', 'Not enough cross wallet balance to add this amount.'],
  [-4051]: [
    'insufficientIsolatedBalance',
    'Not enough isolated margin to remove this amount: the limit moved since the amount was entered. Check the new maximum and try again.',
  ],
  [-4054]: [
    'noPosition',
    'There is no open position to adjust. In hedge mode the request must name the position side (LONG or SHORT) of an open position.',
  ],
  [-4055]: ['invalidAmount', 'The amount must be positive.'],
  [-1111]: ['invalidAmount', 'The amount has too many decimals for this asset.'],
  [-2023]: ['liquidating', 'The account is being liquidated; margin cannot be adjusted now.'],
  [-1001]: ['network', 'Binance could not process the request (internal error). Please try again.'],
  [-1006]: ['timeout', `Binance returned an unexpected response. ${UNKNOWN_RESULT}`],
  [-1007]: ['timeout', `Binance timed out waiting for its backend. ${UNKNOWN_RESULT}`],
};

/** The error for an adjustment that got no answer within `timeoutMs`. */
export function adjustTimeoutError(timeoutMs: number): AdjustMarginError {
  return new AdjustMarginError('timeout', `No answer from Binance within ${timeoutMs / 1000} s. ${UNKNOWN_RESULT}`);
}

/**
 * Turns anything a `request` call rejected with into an {@link AdjustMarginError}, keeping Binance's
 * code and message (`code`, `exchangeMessage`):
 * -4049 notIsolated, -4050 insufficientCrossBalance, -4051 insufficientIsolatedBalance, -4054 noPosition,
 * -4055 / -1111 invalidAmount, -2023 liquidating, -1001 network, -1006 / -1007 timeout (result unknown);
 * HTTP 5xx without a code → timeout (Binance: execution status unknown); a `TypeError` or a socket
 * error (`ECONNREFUSED`…) → network; an `AbortError`/`TimeoutError` → timeout; anything else unknown.
 */
export function mapBinanceError(error: unknown): AdjustMarginError {
  if (error instanceof AdjustMarginError) return error;
  const { code, msg, status } = readBinanceError(error);
  const keep = { ...(code !== undefined ? { code } : {}), ...(msg !== undefined ? { exchangeMessage: msg } : {}) };
  if (code !== undefined) {
    const known = BY_CODE[code];
    if (known) return new AdjustMarginError(known[0], known[1], keep);
    return new AdjustMarginError(
      'unknown',
      `Binance rejected the adjustment (code ${code}${msg ? `: ${msg}` : ''}).`,
      keep,
    );
  }
  if (status !== undefined && status >= 500) {
    return new AdjustMarginError('timeout', `Binance answered HTTP ${status}. ${UNKNOWN_RESULT}`, keep);
  }
  if (status !== undefined) {
    return new AdjustMarginError(
      'unknown',
      `Binance rejected the adjustment (HTTP ${status}${msg ? `: ${msg}` : ''}).`,
      keep,
    );
  }
  const name = isRecord(error) && typeof error.name === 'string' ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new AdjustMarginError('timeout', `The request to Binance timed out. ${UNKNOWN_RESULT}`);
  }
  const sysCode = isRecord(error) && typeof error.code === 'string' ? error.code : '';
  if (error instanceof TypeError || /^E[A-Z_]+$/.test(sysCode)) {
    return new AdjustMarginError('network', 'Could not reach Binance. Check the connection and try again.');
  }
  const text = error instanceof Error ? error.message : String(error);
  return new AdjustMarginError('unknown', `The adjustment failed: ${text}`);
}
