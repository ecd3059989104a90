import { AdjustMarginError, type AdjustMarginErrorKind } from '../engine/types';

/**
 * What the kit knows of one Binance Futures error code: the kind of failure it means, and Binance's
 * own text for it (`exchangeMessage`, as Binance documents it for `POST …/positionMargin` and, from
 * -5002 on, for `POST /sapi/v1/asset/transfer`). Sentences for people are not here: the kit's UI
 * words each kind itself.
 */
export interface BinanceCode {
  kind: AdjustMarginErrorKind;
  exchangeMessage: string;
}

/**
 * The one table of Binance codes → kinds, shared by the Binance adapter and the simulated exchange.
 * -1001, -1006 and -1007 are Binance's "execution status unknown" family: -1001 was not processed
 * (network), -1006/-1007 may have been applied (timeout, result unknown). -1003 is a rate limit
 * (HTTP 429/418): nothing was applied.
 */
export const BINANCE_CODES: Readonly<Record<number, BinanceCode>> = {
  [-1001]: {
    kind: 'network',
    exchangeMessage: 'Internal error; unable to process your request. Please try again.',
  },
  [-1003]: { kind: 'network', exchangeMessage: 'Too many requests queued.' },
  [-1006]: {
    kind: 'timeout',
    exchangeMessage: 'An unexpected response was received from the message bus. Execution status unknown.',
  },
  [-1007]: {
    kind: 'timeout',
    exchangeMessage: 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.',
  },
  [-1100]: { kind: 'invalidAmount', exchangeMessage: "Illegal characters found in parameter 'amount'." },
  [-1111]: { kind: 'invalidAmount', exchangeMessage: 'Precision is over the maximum defined for this asset.' },
  [-1130]: { kind: 'unknown', exchangeMessage: "Data sent for parameter 'type' is not valid." },
  [-2023]: { kind: 'liquidating', exchangeMessage: 'User in liquidation mode now.' },
  [-4049]: { kind: 'notIsolated', exchangeMessage: 'Add margin only support for isolated position.' },
  [-4050]: { kind: 'insufficientCrossBalance', exchangeMessage: 'Cross balance insufficient.' },
  [-4051]: { kind: 'insufficientIsolatedBalance', exchangeMessage: 'Isolated balance insufficient.' },
  [-4054]: { kind: 'noPosition', exchangeMessage: 'Cannot add position margin: position is 0.' },
  [-4055]: { kind: 'invalidAmount', exchangeMessage: 'Amount must be positive.' },
  // POST /sapi/v1/asset/transfer (Binance's wallet codes): -5002 is a transfer over what may leave
  // the futures wallet; -5012 a transfer still pending (its outcome is not known yet).
  [-5002]: { kind: 'insufficientCrossBalance', exchangeMessage: 'You have insufficient balance.' },
  [-5010]: { kind: 'unknown', exchangeMessage: 'Asset transfer fail.' },
  [-5012]: { kind: 'timeout', exchangeMessage: 'Asset transfer is in pending.' },
};

/** The table's entry for a code (own entries only), or `undefined`. */
export function binanceCode(code: number): BinanceCode | undefined {
  return Object.hasOwn(BINANCE_CODES, code) ? BINANCE_CODES[code] : undefined;
}

/**
 * The `AdjustMarginError` for a Binance code: the table's kind (`'unknown'` for a code it does not
 * list), the code, and the exchange's text (`exchangeMessage`, else the table's). The `message` is a
 * short technical line for logs; what a person reads comes from the kind.
 */
export function binanceCodeError(code: number, exchangeMessage?: string): AdjustMarginError {
  const known = binanceCode(code);
  const said = exchangeMessage ?? known?.exchangeMessage;
  return new AdjustMarginError(known?.kind ?? 'unknown', `Binance code ${code}${said ? `: ${said}` : ''}`, {
    code,
    ...(said !== undefined ? { exchangeMessage: said } : {}),
  });
}
