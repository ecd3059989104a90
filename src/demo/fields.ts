import { toDecimal } from '../index';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Checks a playground decimal field: plain digits with a dot. Returns an error text or null. */
export function decimalProblem(
  text: string,
  rules: { positive?: boolean; nonNegative?: boolean; nonZero?: boolean; integer?: boolean } = {},
): string | null {
  const t = text.trim();
  if (t === '') return 'Enter a number.';
  if (!PLAIN_DECIMAL.test(t)) return 'Use digits and a dot, e.g. 1234.5.';
  const d = toDecimal(t);
  if (rules.integer && !d.isInteger()) return 'Enter a whole number.';
  if (rules.positive && (d.isNegative() || d.isZero())) return 'Must be greater than 0.';
  if (rules.nonNegative && d.isNegative()) return 'Must be 0 or more.';
  if (rules.nonZero && d.isZero()) return 'Must not be 0.';
  return null;
}

/** The position's display name: "BTCUSDT Long" (hedge sides are named by their side). */
export function positionName(p: { symbol: string; positionSide: string; positionAmt: string }): string {
  const side =
    p.positionSide === 'LONG'
      ? 'Long'
      : p.positionSide === 'SHORT'
        ? 'Short'
        : p.positionAmt.startsWith('-')
          ? 'Short'
          : 'Long';
  return `${p.symbol} ${side}`;
}

/** A position's id in the playground's select. */
export function positionId(p: { symbol: string; positionSide: string }): string {
  return `${p.symbol}|${p.positionSide}`;
}
