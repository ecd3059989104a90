import { Dec } from '../../core/decimal';
import { BinanceFieldError } from './field-error';

/**
 * A canonical decimal, as Binance writes its amounts and as the kit accepts them: an optional minus,
 * no leading zeros, an optional fraction ("0.500", "-10", "61000.10000000"; not "+1", "007", "1e5",
 * ".5", "Infinity", "0x10", " 1"). Linear time: no alternative can backtrack into another.
 */
const CANONICAL_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A Binance numeric field as an exact decimal string. A canonical decimal string passes through
 * unchanged ("0.500" stays "0.500"). A JSON number (Binance sends a few: bracket tiers,
 * `contractSize`, `symbolConfig`'s `leverage`) becomes its shortest round-trip text, which is the
 * literal Binance wrote for any value with at most 15 significant digits; exponent forms ("1e+21")
 * are expanded. No float arithmetic happens. Throws a {@link BinanceFieldError} naming `field` when
 * the value is missing (`missing`) or not a canonical decimal (`notDecimal`).
 */
export function decimalString(value: unknown, field: string): string {
  if (typeof value === 'string' && CANONICAL_DECIMAL.test(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value);
    return /e/i.test(text) ? new Dec(text).toFixed() : text;
  }
  if (value === undefined || value === null) {
    throw new BinanceFieldError('missing', field, `Binance field "${field}" is missing`);
  }
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new BinanceFieldError('notDecimal', field, `Binance field "${field}" is not a decimal number: ${shown}`);
}

/** True when a decimal string is zero ("0", "0.000", "-0"). */
export function isZeroDecimal(value: string): boolean {
  return new Dec(value).isZero();
}
