import { Dec, toDecimal, type Decimal, type DecimalInput } from './decimal';

/** Rounds toward zero to `decimals` places. Every limit offered to a user goes through this. */
export function roundDown(value: DecimalInput, decimals: number): Decimal {
  return toDecimal(value).toDecimalPlaces(decimals, Dec.ROUND_DOWN);
}

/** Rounds half away from zero to `decimals` places (prices and figures for display). */
export function roundHalfUp(value: DecimalInput, decimals: number): Decimal {
  return toDecimal(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}
