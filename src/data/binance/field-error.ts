/**
 * What is wrong with a Binance payload field, as a code the UI can word: `missing` (absent or null),
 * `notDecimal` (not a canonical decimal), `notOneOf` (not an allowed value), `notListed` (the symbol has
 * no usable entry in another endpoint: `exchangeInfo`, `symbolConfig`, `leverageBracket`), `unreadable`
 * (anything else). The codes are the kit's snapshot-problem codes where one exists.
 */
export type BinanceFieldProblemCode = 'missing' | 'notDecimal' | 'notOneOf' | 'notListed' | 'unreadable';

/** A problem with one field: its code and the Binance field (or endpoint) it concerns. */
export interface BinanceFieldProblem {
  readonly code: BinanceFieldProblemCode;
  readonly field: string;
}

/** Thrown by the payload mappers for a field they cannot use; `message` is a line for logs. */
export class BinanceFieldError extends TypeError {
  readonly problem: BinanceFieldProblem;

  constructor(code: BinanceFieldProblemCode, field: string, message: string) {
    super(message);
    this.name = 'BinanceFieldError';
    this.problem = { code, field };
  }
}

/** The problem an error stands for (`unreadable` for an error that is not a {@link BinanceFieldError}). */
export function fieldProblemOf(error: unknown): BinanceFieldProblem {
  return error instanceof BinanceFieldError ? error.problem : { code: 'unreadable', field: '' };
}
