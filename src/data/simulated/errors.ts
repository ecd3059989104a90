import { AdjustMarginError } from '../../engine/types';
import { BINANCE_CODES, binanceCodeError, type BinanceCode } from '../binance-codes';

/** How the simulated exchange reads a Binance code: the kit's one code table's entry. */
export type ErrorCodeInfo = BinanceCode;

/** The Binance Futures codes the simulated exchange produces (and accepts in `injectFailure`): the shared table. */
export const ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = BINANCE_CODES;

/**
 * The `AdjustMarginError` for an exchange code (kind `'unknown'` for a code the table does not list).
 * `exchangeMessage` overrides the table's wording (an injected failure's own `msg`).
 */
export function errorForCode(code: number, exchangeMessage?: string): AdjustMarginError {
  return binanceCodeError(code, exchangeMessage);
}

/** The error of a request that got no answer in time (its outcome on a real exchange is unknown). */
export function timeoutError(timeoutMs: number): AdjustMarginError {
  return new AdjustMarginError(
    'timeout',
    `The exchange did not answer within ${timeoutMs} ms. Check the position before trying again.`,
  );
}

/** The error of a request that never reached the exchange. */
export function networkError(detail = 'The request could not reach the exchange.'): AdjustMarginError {
  return new AdjustMarginError('network', `${detail} The margin was not changed.`);
}
