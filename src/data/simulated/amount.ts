import { Dec } from '../../core/decimal';

const PLAIN = /^(0|[1-9]\d*)(\.\d+)?$/;
const NEGATIVE = /^-(0|[1-9]\d*)(\.\d+)?$/;

/** Digits after the decimal point as written (`"1.50"` has 2). */
function writtenDecimals(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/**
 * The exchange code an amount string is rejected with, or `undefined` when it is acceptable:
 * a canonical plain decimal (`^(0|[1-9]\d*)(\.\d+)?$`: no sign, exponent, spaces or leading zeros)
 * else -1100; zero or negative → -4055; more than `precision` digits after the point, counted as
 * written → -1111.
 */
export function amountErrorCode(amount: unknown, precision: number): number | undefined {
  if (typeof amount !== 'string') return -1100;
  if (NEGATIVE.test(amount)) return -4055;
  if (!PLAIN.test(amount)) return -1100;
  if (new Dec(amount).isZero()) return -4055;
  if (writtenDecimals(amount) > precision) return -1111;
  return undefined;
}
