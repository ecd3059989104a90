/**
 * Numbers for display. Every value is rounded with decimal.js FIRST, then rendered by
 * `Intl.NumberFormat` from its decimal STRING (Intl.NumberFormat v3 formats strings exactly; where a
 * runtime does not, the integer part is formatted as a BigInt and the fraction is joined by hand), so
 * no JS float ever holds an amount. `Intl.NumberFormat` instances are cached per (locale, options).
 *
 * Unknown values (`null`, `undefined`, not a finite number) render as {@link NO_VALUE} "—", never "0".
 *
 * @module
 */
import { toDecimal, type Decimal, type DecimalInput } from './decimal';
import { usableLocale } from './locale';

/** What the formatters render for an unknown value: an em dash, never "0". */
export const NO_VALUE = '\u2014';

/** Rounding applied before rendering: toward zero, or half away from zero ("half up" on magnitudes). */
export type Rounding = 'down' | 'halfUp' | 'ceil' | 'floor';

/** Options of {@link formatDecimal}. */
export interface FormatDecimalOptions {
  /** BCP 47 tag; default: the runtime's locale. An invalid tag falls back to the default. */
  locale?: string;
  /** Most fraction digits shown (integer 0–100); the value is rounded to it. */
  decimals: number;
  /** Default `'halfUp'`. */
  rounding?: Rounding;
  /** Fewest fraction digits shown (padded with zeros); default `decimals` (fixed decimals). */
  minDecimals?: number;
  /** Group separators per the locale's own rule (e.g. es groups from 5 digits); default true. */
  grouping?: boolean;
}

/**
 * Plain decimal string of a value: never an exponent, no trailing fraction zeros, no trailing dot,
 * `-0` as `"0"` (e.g. `"1.500"` → `"1.5"`, `1e-9` → `"0.000000001"`). Throws on a non-finite value.
 */
export function canonical(value: DecimalInput): string {
  const d = toDecimal(value);
  return d.isZero() ? '0' : d.toFixed();
}

// ---------------------------------------------------------------------------------------------
// Intl plumbing

const formatCache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, min: number, max: number, grouping: boolean): Intl.NumberFormat {
  const key = `${locale ?? ''}|${min}|${max}|${grouping ? 1 : 0}`;
  let nf = formatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(usableLocale(locale), {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      // `undefined` keeps the locale's own grouping rule ("auto"); `true` would force "always" in v3.
      useGrouping: grouping ? undefined : false,
    });
    formatCache.set(key, nf);
  }
  return nf;
}

/** `format` of Intl.NumberFormat v3 takes a decimal string (ES2023 typings; our lib target is ES2022). */
type StringFormat = (value: string) => string;

/** Whether this runtime's Intl.NumberFormat formats decimal strings exactly (NumberFormat v3). */
const EXACT_STRINGS: boolean = /* @__PURE__ */ (() => {
  try {
    const nf = new Intl.NumberFormat('en', { maximumFractionDigits: 8, useGrouping: false });
    return (nf.format as unknown as StringFormat)('12345678901234.12345678') === '12345678901234.12345678';
  } catch {
    return false;
  }
})();

const digitsCache = new Map<string, readonly string[]>();

function localDigits(locale: string | undefined): readonly string[] {
  const key = locale ?? '';
  let digits = digitsCache.get(key);
  if (!digits) {
    const nf = numberFormat(locale, 0, 0, false);
    digits = Array.from({ length: 10 }, (_, i) => nf.format(BigInt(i)));
    digitsCache.set(key, digits);
  }
  return digits;
}

/**
 * Renders a plain decimal string without Intl's string support: the integer part is formatted as a
 * BigInt (exact in every engine), the fraction digits are mapped to the locale's digits and joined with
 * the locale's decimal separator, inside the locale's own layout of a number (minus sign position…).
 */
function renderViaParts(plain: string, locale: string | undefined, min: number, grouping: boolean): string {
  const negative = plain.startsWith('-');
  const [intDigits = '0', fracDigits = ''] = (negative ? plain.slice(1) : plain).split('.');
  const digits = localDigits(locale);
  const fraction = [...fracDigits.padEnd(min, '0')].map((d) => digits[d.charCodeAt(0) - 48]).join('');
  const integer = numberFormat(locale, 0, 0, grouping).format(BigInt(intDigits));
  let out = '';
  for (const part of numberFormat(locale, 1, 1, grouping).formatToParts(negative ? -1.5 : 1.5)) {
    if (part.type === 'integer') out += integer;
    else if (part.type === 'fraction') out += fraction;
    else if (part.type === 'decimal') out += fraction ? part.value : '';
    else out += part.value;
  }
  return out;
}

function render(plain: string, locale: string | undefined, min: number, max: number, grouping: boolean): string {
  if (EXACT_STRINGS) return (numberFormat(locale, min, max, grouping).format as unknown as StringFormat)(plain);
  return renderViaParts(plain, locale, min, grouping);
}

function checkDigits(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 100)
    throw new RangeError(`${name} must be an integer from 0 to 100, got ${String(n)}`);
}

function known(value: DecimalInput | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  try {
    return toDecimal(value);
  } catch {
    return null;
  }
}

/**
 * decimal.js's rounding modes, by their documented numbers (ROUND_DOWN 1, ROUND_HALF_UP 4,
 * ROUND_CEIL 2, ROUND_FLOOR 3): no property read when the module loads, so an app that imports
 * none of the formatters drops this module's code.
 */
const ROUNDING: Record<Rounding, Decimal.Rounding> = { down: 1, halfUp: 4, ceil: 2, floor: 3 };

function formatKnown(d: Decimal, options: FormatDecimalOptions): string {
  const { decimals, locale } = options;
  checkDigits('decimals', decimals);
  const min = Math.min(options.minDecimals ?? decimals, decimals);
  checkDigits('minDecimals', min);
  const rounded = d.toDecimalPlaces(decimals, ROUNDING[options.rounding ?? 'halfUp']);
  const plain = rounded.isZero() ? '0' : rounded.toFixed(); // never "-0"
  return render(plain, locale, min, decimals, options.grouping ?? true);
}

// ---------------------------------------------------------------------------------------------
// Public formatters

/**
 * Formats a value for display: rounds it with decimal.js to `decimals` (half up by default, or down),
 * then renders the exact decimal string with the locale's digits, separators and grouping. Shows between
 * `minDecimals` (default `decimals`) and `decimals` fraction digits. A value that rounds to zero is "0",
 * never "-0". `null`, `undefined` or a non-finite value gives {@link NO_VALUE}.
 *
 * @example formatDecimal('1234.565', { locale: 'en', decimals: 2 }) // "1,234.57"
 * @throws RangeError when `decimals`/`minDecimals` is not an integer from 0 to 100.
 */
export function formatDecimal(value: DecimalInput | null | undefined, options: FormatDecimalOptions): string {
  const d = known(value);
  return d === null ? NO_VALUE : formatKnown(d, options);
}

/**
 * An amount of an asset: {@link formatDecimal} rounded DOWN (never shows more than there is), fixed
 * `decimals` unless `minDecimals` is given, plus ` ${asset}` when an asset is given.
 *
 * @example formatAmount('1234.567891239', { locale: 'en', decimals: 8, asset: 'USDT' }) // "1,234.56789123 USDT"
 */
export function formatAmount(
  value: DecimalInput | null | undefined,
  options: { locale?: string; decimals: number; asset?: string; minDecimals?: number },
): string {
  const text = formatDecimal(value, { ...options, rounding: 'down' });
  return text !== NO_VALUE && options.asset ? `${text} ${options.asset}` : text;
}

/**
 * A price at the symbol's price precision, rounded half up, fixed decimals; unknown → {@link NO_VALUE}.
 *
 * @example formatPrice('64999.995', { locale: 'de', pricePrecision: 2 }) // "65.000,00"
 */
export function formatPrice(
  value: DecimalInput | null | undefined,
  options: { locale?: string; pricePrecision: number },
): string {
  return formatDecimal(value, { locale: options.locale, decimals: options.pricePrecision, rounding: 'halfUp' });
}

/**
 * A liquidation price at the symbol's price precision, rounded toward the mark (a long's up, a
 * short's down), so the price shown is never farther from the mark than the true one; unknown →
 * {@link NO_VALUE}.
 *
 * @example formatLiquidationPrice('54216.861', { pricePrecision: 2, direction: 'long', locale: 'en' }) // "54,216.87"
 */
export function formatLiquidationPrice(
  value: DecimalInput | null | undefined,
  options: { locale?: string; pricePrecision: number; direction: 'long' | 'short' },
): string {
  const rounding = options.direction === 'long' ? 'ceil' : 'floor';
  return formatDecimal(value, { locale: options.locale, decimals: options.pricePrecision, rounding });
}

const affixCache = new Map<string, { prefix: string; suffix: string }>();

function percentAffixes(locale: string | undefined): { prefix: string; suffix: string } {
  const key = locale ?? '';
  let affixes = affixCache.get(key);
  if (!affixes) {
    const parts = new Intl.NumberFormat(usableLocale(locale), { style: 'percent' }).formatToParts(0.5);
    const numeric = (type: string): boolean =>
      type === 'integer' || type === 'group' || type === 'decimal' || type === 'fraction';
    let first = parts.length;
    let last = -1;
    parts.forEach((p, i) => {
      if (numeric(p.type)) {
        first = Math.min(first, i);
        last = i;
      }
    });
    const join = (ps: Intl.NumberFormatPart[]): string => ps.map((p) => p.value).join('');
    affixes = { prefix: join(parts.slice(0, first)), suffix: join(parts.slice(last + 1)) };
    affixCache.set(key, affixes);
  }
  return affixes;
}

/**
 * A ratio as a percentage with the locale's percent layout (0.1234 → "12.34%" in en, "12,34 %" in de),
 * rounded half up to `decimals` (default 2) fixed fraction digits; unknown → {@link NO_VALUE}.
 */
export function formatPercent(
  value: DecimalInput | null | undefined,
  options: { locale?: string; decimals?: number; minDecimals?: number } = {},
): string {
  const d = known(value);
  if (d === null) return NO_VALUE;
  const decimals = options.decimals ?? 2;
  const { prefix, suffix } = percentAffixes(options.locale);
  const number = formatKnown(d.times(100), {
    locale: options.locale,
    decimals,
    minDecimals: options.minDecimals,
    rounding: 'halfUp',
  });
  return `${prefix}${number}${suffix}`;
}

/**
 * Leverage as "12.35×": at most 2 fraction digits, rounded half up, in the locale's separators; no
 * padding by default ("10×"), or at least `minDecimals` (2 keeps a live figure's width: "7.80×").
 * `null`/unknown → {@link NO_VALUE} (never "0×").
 */
export function formatLeverage(
  value: DecimalInput | null | undefined,
  options: { locale?: string; minDecimals?: number } = {},
): string {
  const minDecimals = options.minDecimals ?? 0;
  const text = formatDecimal(value, { locale: options.locale, decimals: 2, minDecimals, rounding: 'halfUp' });
  return text === NO_VALUE ? text : `${text}\u00D7`;
}

/**
 * What the Max button writes into the amount field: the value rounded DOWN to `decimals`, trailing
 * zeros stripped, with the locale's decimal separator (and digits) and NO group separators, so that
 * `parseAmount(amountInputValue(v, d, locale), { locale, decimals: d })` gives back `canonical(roundDown(v, d))`
 * for any positive `v`. `null`/unknown → `''` (an empty field).
 *
 * @example amountInputValue('1234.567891239', 8, 'de') // "1234,56789123"
 */
export function amountInputValue(value: DecimalInput | null | undefined, decimals: number, locale?: string): string {
  const text = formatDecimal(value, { locale, decimals, minDecimals: 0, rounding: 'down', grouping: false });
  return text === NO_VALUE ? '' : text;
}
