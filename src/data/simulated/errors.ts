import { AdjustMarginError, type AdjustMarginErrorKind } from '../../engine/types';

/**
 * How the simulated exchange turns an exchange error code into an `AdjustMarginError`:
 * the kind, a clear sentence for a person, and the exchange's own message (Binance's wording).
 */
export interface ErrorCodeInfo {
  kind: AdjustMarginErrorKind;
  /** What the UI can show. */
  message: string;
  /** What Binance says for this code. */
  exchangeMessage: string;
}

/** Binance Futures error codes the simulated exchange produces (and accepts in `injectFailure`). */
export const ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = {
  [-1100]: {
    kind: 'invalidAmount',
    message: 'The amount is not a valid number.',
    exchangeMessage: "Illegal characters found in parameter 'amount'.",
  },
  [-1111]: {
    kind: 'invalidAmount',
    message: 'The amount has more decimals than this asset allows.',
    exchangeMessage: 'Precision is over the maximum defined for this asset.',
  },
  [-1130]: {
    kind: 'unknown',
    message: 'The adjustment type must be ADD or REMOVE.',
    exchangeMessage: "Data sent for parameter 'type' is not valid.",
  },
  [-2023]: {
    kind: 'liquidating',
    message: 'The account is being liquidated; margin cannot be changed now.',
    exchangeMessage: 'User in liquidation mode now.',
  },
  [-4049]: {
    kind: 'notIsolated',
    message: 'Margin can only be adjusted on an isolated position.',
    exchangeMessage: 'Add margin only support for isolated position.',
  },
  [-4050]: {
    kind: 'insufficientCrossBalance',
    message: 'Not enough available balance in the cross wallet to add this amount.',
    exchangeMessage: 'Cross balance insufficient.',
  },
  [-4051]: {
    kind: 'insufficientIsolatedBalance',
    message: 'The amount is more than can be removed now; the limit moved with the mark price.',
    exchangeMessage: 'Isolated balance insufficient.',
  },
  [-4054]: {
    kind: 'noPosition',
    message: 'The position is closed; there is no margin to adjust.',
    exchangeMessage: 'Cannot add position margin: position is 0.',
  },
  [-4055]: {
    kind: 'invalidAmount',
    message: 'The amount must be greater than zero.',
    exchangeMessage: 'Amount must be positive.',
  },
};

/**
 * The `AdjustMarginError` for an exchange code. An unknown code gives kind `'unknown'`.
 * `exchangeMessage` overrides the stored wording (an injected failure's own `msg`).
 */
export function errorForCode(code: number, exchangeMessage?: string): AdjustMarginError {
  const info = ERROR_CODES[code];
  const said = exchangeMessage ?? info?.exchangeMessage;
  if (!info) {
    return new AdjustMarginError('unknown', `The exchange rejected the adjustment (code ${code}).`, {
      code,
      exchangeMessage: said,
    });
  }
  return new AdjustMarginError(info.kind, info.message, { code, exchangeMessage: said });
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
