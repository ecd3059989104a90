import Decimal from 'decimal.js';

/**
 * The kit's own Decimal constructor: 40 significant digits, half-up rounding.
 * A clone, so an app's global `Decimal` settings never change the kit's math.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

/** A decimal value as the kit accepts it: a decimal string, a JS number (tests, literals), or a Decimal. */
export type DecimalInput = string | number | Decimal;

/**
 * Turns an accepted input into the kit's Decimal. Throws on a value that is not a finite number.
 * A kit Decimal is returned as it is (decimals are immutable), so parsed values cost no copy.
 */
export function toDecimal(value: DecimalInput): Decimal {
  const d = value instanceof Dec ? value : new Dec(value);
  if (!d.isFinite()) throw new RangeError(`Not a finite number: ${String(value)}`);
  return d;
}

export { Decimal };
