import { Dec } from '../../core/decimal';

/** A finite decimal literal: digits with an optional point, sign and exponent ("Infinity", "0x10", "" are not). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A Binance numeric field as an exact decimal string. Strings pass through unchanged ("0.500" stays
 * "0.500"). A JSON number (Binance sends a few: bracket tiers, `contractSize`, sometimes `leverage`)
 * becomes its shortest round-trip text, which is the literal Binance wrote for any value with at most
 * 15 significant digits; exponent forms ("1e+21") are expanded. No float arithmetic happens.
 * Throws a `TypeError` naming `field` when the value is missing or not a finite number.
 */
export function decimalString(value: unknown, field: string): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value);
    return /e/i.test(text) ? new Dec(text).toFixed() : text;
  }
  if (value === undefined || value === null) throw new TypeError(`Binance field "${field}" is missing`);
  throw new TypeError(`Binance field "${field}" is not a decimal number: ${JSON.stringify(value)}`);
}

/** True when a decimal string is zero ("0", "0.000", "-0"). */
export function isZeroDecimal(value: string): boolean {
  return new Dec(value).isZero();
}
