import { Dec } from '../../core/decimal';

/**
 * A Binance numeric field as an exact decimal string. Strings pass through unchanged ("0.500" stays
 * "0.500"). A JSON number (Binance sends a few: bracket tiers, `contractSize`, sometimes `leverage`)
 * becomes its shortest round-trip text, which is the literal Binance wrote for any value with at most
 * 15 significant digits; exponent forms ("1e+21") are expanded. No float arithmetic happens.
 * Throws a `TypeError` naming `field` when the value is missing or not a finite number.
 */
export function decimalString(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    if (!Number.isNaN(Number(text))) return text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value);
    return /e/i.test(text) ? new Dec(text).toFixed() : text;
  }
  throw new TypeError(`Binance field "${field}" is not a decimal number: ${JSON.stringify(value)}`);
}

/** Like {@link decimalString}, but a missing (`undefined`/`null`) value gives `fallback`. */
export function optionalDecimalString(value: unknown, field: string, fallback: string): string {
  return value === undefined || value === null ? fallback : decimalString(value, field);
}

/** True when a decimal string is zero ("0", "0.000", "-0"). */
export function isZeroDecimal(value: string): boolean {
  return new Dec(value).isZero();
}
