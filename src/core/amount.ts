/**
 * Parsing and validation of an amount a person types into the margin field.
 *
 * Rules (spec: margin-math.md "Rounding and input rules"; design: lessons-from-peers.md lesson 5):
 * - The text is read with the locale's OWN separators, learned from `Intl.NumberFormat`. A comma is
 *   never blindly stripped or rewritten: in `en` "1,5" is rejected with a hint that the decimal
 *   separator is ".", in `de` "1.5" is rejected with a hint that it is ",".
 * - Group separators are optional. When present they must sit between digits of the integer part and
 *   form valid groups: the last group has 3 digits, earlier groups 3 digits, the first group 1–3
 *   digits without a leading 0. Locales whose Intl output groups differently (en-IN, hi: 12,34,567)
 *   additionally accept their own pattern (3 digits last, 2 before); the 3-digit pattern is accepted
 *   everywhere. Space-like group separators (U+0020, U+00A0, U+202F, U+2009, U+2007) are
 *   interchangeable, as are the apostrophes ' and ’ (de-CH).
 * - Locales whose decimal separator is not ASCII (ar-EG, fa: U+066B) also accept "." as decimal
 *   and "," as group separator.
 * - Every Unicode decimal digit (General Category Nd: Arabic-Indic ٠-٩, Persian ۰-۹, Devanagari,
 *   full-width ０-９ …) is normalised to its ASCII digit: these are real digits a person may type.
 *   Full-width "．" "，" "＇" (CJK input methods) are read as ". , '". Mixed scripts are accepted.
 *   Invisible format characters (bidi marks, zero-width space, BOM) are ignored.
 * - Trailing fraction zeros beyond the allowed decimals are accepted and stripped ("1.500000000"
 *   with 8 decimals → "1.5"): the canonical string, which is what is sent, has ≤ `decimals` digits.
 * - No JS number ever holds the amount: digits are handled as strings, comparisons use decimal.js.
 *
 * @module
 */
import { Dec, toDecimal, type Decimal, type DecimalInput } from './decimal';
import { usableLocale } from './locale';

/** Why a typed amount is not accepted. */
export type AmountErrorCode =
  /** Empty or only whitespace. */
  | 'empty'
  /** Not a plain decimal: letters, currency symbols, several decimal separators, bad grouping… */
  | 'notANumber'
  /** The other common decimal separator was used ("1,5" in en, "1.5" in de). Params: `decimal`. */
  | 'wrongDecimalSeparator'
  /** Scientific notation (`1e5`, `1E-3`). */
  | 'exponent'
  /** A leading `+`, `-`, `−` (U+2212) or dash. */
  | 'sign'
  /** `NaN`, `Infinity`, `∞` (any case, any sign). */
  | 'notFinite'
  /** The value equals 0. */
  | 'zero'
  /** More significant fraction digits than allowed. Params: `decimals`, `asset`. */
  | 'tooManyDecimals'
  /** Above the limit. Params: `max` (canonical), `maxText` (locale decimal separator), `asset`. */
  | 'overLimit'
  /** The limit, rounded down to the allowed decimals, is 0: nothing can be added or removed. */
  | 'noneAvailable'
  /** The limit is not known (yet): an amount is never validated against an unknown limit. */
  | 'limitUnknown';

/** A reason, its (English by default) message and the values the message was built from. */
export interface AmountError {
  code: AmountErrorCode;
  message: string;
  /** Always set by this module: `decimal`, `group`, `decimals`, and `asset`, `max`, `maxText` when known. */
  params?: Record<string, string>;
}

/** One message builder per error code. */
export type AmountErrorMessages = Readonly<
  Record<AmountErrorCode, (params: Readonly<Record<string, string>>) => string>
>;

/** Result of {@link parseAmount}: the canonical decimal string, or why the text is not an amount. */
export type ParseResult = { ok: true; value: string } | { ok: false; error: AmountError };

/** Result of {@link validateAmount}: the canonical string and its Decimal, or why it is refused. */
export type ValidationResult = { ok: true; value: string; amount: Decimal } | { ok: false; error: AmountError };

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /** BCP 47 tag whose separators are used; default: the runtime's locale. An invalid tag falls back to it. */
  locale?: string;
  /** Most fraction digits allowed (an integer ≥ 0); default 8. */
  decimals?: number;
  /** Asset name used in messages ("At most 8 decimal places for USDT"). */
  asset?: string;
  /** Replacement wording for some or all codes. */
  messages?: Partial<AmountErrorMessages>;
}

/** Options of {@link validateAmount}. */
export interface ValidateAmountOptions extends ParseAmountOptions {
  /** The limit (Max addable / removable). `null` (or `undefined`, or not a finite number) means unknown. */
  max: DecimalInput | null | undefined;
}

const plural = (n: string, one: string, many: string): string => (n === '1' ? one : many);
const forAsset = (p: Readonly<Record<string, string>>): string => (p.asset ? ` for ${p.asset}` : '');

/** Default English messages. Replace any of them through `options.messages` or by mapping `error.code`. */
export const amountErrorMessages: AmountErrorMessages = Object.freeze({
  empty: () => 'Enter an amount',
  notANumber: (p) => `Use digits only, like 1234${p.decimal ?? '.'}56`,
  wrongDecimalSeparator: (p) => `Use "${p.decimal ?? '.'}" as the decimal separator`,
  exponent: () => 'Scientific notation such as 1e5 is not accepted',
  sign: () => 'Enter the amount without a sign',
  notFinite: () => 'Enter a finite amount: NaN and Infinity are not accepted',
  zero: () => 'Enter an amount greater than 0',
  tooManyDecimals: (p) =>
    p.decimals === '0'
      ? `Whole numbers only${forAsset(p)}`
      : `At most ${p.decimals} ${plural(p.decimals ?? '', 'decimal place', 'decimal places')}${forAsset(p)}`,
  overLimit: (p) => `Enter at most ${p.maxText ?? p.max}${p.asset ? ` ${p.asset}` : ''}`,
  noneAvailable: (p) => (p.asset ? `No ${p.asset} available` : 'Nothing available'),
  limitUnknown: () => 'The available amount is not known yet',
});

// ---------------------------------------------------------------------------------------------
// Locale separators

const SPACE_GROUPS = [' ', '\u00A0', '\u202F', '\u2009', '\u2007'];
const APOSTROPHE_GROUPS = ["'", '\u2019'];

type GroupSizes = readonly [primary: number, secondary: number];

interface LocaleInfo {
  readonly separators: Readonly<{ group: string; decimal: string }>;
  /** Characters read as the decimal separator. */
  readonly decimals: ReadonlySet<string>;
  /** Characters read as a group separator (disjoint from `decimals`). */
  readonly groups: ReadonlySet<string>;
  readonly sizes: readonly GroupSizes[];
  /** The other common convention ('.' ↔ ','), tried only to word the error; null when not applicable. */
  readonly alt: { readonly decimals: ReadonlySet<string>; readonly groups: ReadonlySet<string> } | null;
}

const localeCache = new Map<string, LocaleInfo>();

function codePointLength(s: string): number {
  return [...s].length;
}

function localeInfo(locale: string | undefined): LocaleInfo {
  const key = locale ?? '';
  const cached = localeCache.get(key);
  if (cached) return cached;

  const parts = new Intl.NumberFormat(usableLocale(locale)).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const intLengths = parts.filter((p) => p.type === 'integer').map((p) => codePointLength(p.value));

  const sizes: GroupSizes[] = [[3, 3]];
  if (intLengths.length >= 3) {
    const primary = intLengths[intLengths.length - 1]!;
    const secondary = intLengths[intLengths.length - 2]!;
    if (primary !== 3 || secondary !== 3) sizes.push([primary, secondary]);
  }

  const decimals = new Set<string>([decimal]);
  const groups = new Set<string>();
  if (group) {
    groups.add(group);
    if (SPACE_GROUPS.includes(group)) SPACE_GROUPS.forEach((c) => groups.add(c));
    if (APOSTROPHE_GROUPS.includes(group)) APOSTROPHE_GROUPS.forEach((c) => groups.add(c));
  }
  let alt: LocaleInfo['alt'] = null;
  if (decimal === '.' || decimal === ',') {
    const altDecimal = decimal === '.' ? ',' : '.';
    const altGroups = new Set<string>([decimal]);
    groups.forEach((c) => {
      if (c !== altDecimal) altGroups.add(c);
    });
    alt = { decimals: new Set([altDecimal]), groups: altGroups };
  } else {
    // ar-EG, fa… (decimal U+066B): the Latin convention is unambiguous there, accept it.
    if (!groups.has('.')) decimals.add('.');
    if (!decimals.has(',')) groups.add(',');
  }
  decimals.forEach((c) => groups.delete(c));

  const info: LocaleInfo = { separators: Object.freeze({ group, decimal }), decimals, groups, sizes, alt };
  localeCache.set(key, info);
  return info;
}

/**
 * The group and decimal separators of a locale, as `Intl.NumberFormat(locale)` writes them
 * (e.g. en → `,` `.`; de → `.` `,`; fr → U+202F `,`; de-CH → `'` `.`). Cached per locale.
 * `group` is `''` for a locale that does not group digits. An invalid tag gives the runtime default's.
 */
export function getLocaleSeparators(locale?: string): { group: string; decimal: string } {
  return localeInfo(locale).separators;
}

// ---------------------------------------------------------------------------------------------
// Characters

const ND = /^\p{Nd}$/u;
const digitCache = new Map<number, string>();

/**
 * ASCII digit for any Unicode decimal digit (category Nd), or null. Unicode guarantees Nd characters
 * come in contiguous runs of ten, 0 to 9, so the value is the position in the contiguous stretch mod 10.
 */
function asciiDigit(ch: string): string | null {
  if (ch >= '0' && ch <= '9') return ch;
  const cp = ch.codePointAt(0)!;
  const known = digitCache.get(cp);
  if (known !== undefined) return known;
  if (!ND.test(ch)) return null;
  let below = 0;
  while (below < 1000 && ND.test(String.fromCodePoint(cp - below - 1))) below++;
  const digit = String.fromCharCode(48 + (below % 10));
  digitCache.set(cp, digit);
  return digit;
}

/** Bidi marks, zero-width space/joiners, word joiner, BOM: invisible, never meaningful in an amount. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
const SIGNS = new Set([
  '+',
  '-',
  '\u2212',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\uFE62',
  '\uFE63',
  '\uFF0B',
  '\uFF0D',
]);
const NOT_FINITE = new Set(['nan', 'inf', 'infinity', '\u221E']);

/** Full-width punctuation typed by CJK input methods, read as its ASCII form (not NFKC: that would turn "5²" into "52"). */
const FULL_WIDTH: Readonly<Record<string, string>> = { '\uFF0E': '.', '\uFF0C': ',', '\uFF07': "'" };

function normalise(text: string): string {
  let out = '';
  for (const ch of text.replace(INVISIBLE, '').trim()) out += asciiDigit(ch) ?? FULL_WIDTH[ch] ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Structure

function validGrouping(groups: readonly string[], sizes: readonly GroupSizes[]): boolean {
  const first = groups[0]!;
  if (first.length === 0 || first[0] === '0') return false;
  const last = groups.length - 1;
  return sizes.some(([primary, secondary]) => {
    if (first.length > (last === 1 ? primary : secondary)) return false;
    for (let i = 1; i <= last; i++) {
      if (groups[i]!.length !== (i === last ? primary : secondary)) return false;
    }
    return true;
  });
}

/** Integer and fraction digits (ASCII, unstripped) of a plain decimal, or null when malformed. */
function splitDecimal(
  s: string,
  decimals: ReadonlySet<string>,
  groupChars: ReadonlySet<string>,
  sizes: readonly GroupSizes[],
): { int: string; frac: string } | null {
  const groups: string[] = [];
  let current = '';
  let frac = '';
  let inFraction = false;
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') {
      if (inFraction) frac += ch;
      else current += ch;
    } else if (decimals.has(ch)) {
      if (inFraction) return null;
      groups.push(current);
      current = '';
      inFraction = true;
    } else if (groupChars.has(ch)) {
      if (inFraction) return null;
      groups.push(current);
      current = '';
    } else {
      return null;
    }
  }
  if (!inFraction) groups.push(current);
  if (groups.length > 1 && !validGrouping(groups, sizes)) return null;
  const int = groups.join('');
  if (int === '' && frac === '') return null;
  return { int, frac };
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

type Failure = { code: AmountErrorCode; params?: Record<string, string> };
type Parsed = { ok: true; value: string } | { ok: false; failure: Failure };

const fail = (code: AmountErrorCode, params?: Record<string, string>): Parsed => ({
  ok: false,
  failure: { code, params },
});

function parseNormalised(s: string, info: LocaleInfo, maxDecimals: number): Parsed {
  if (s === '') return fail('empty');

  // NaN / Infinity, with or without a sign.
  const word = (SIGNS.has(s[0]!) ? s.slice(1).trim() : s).toLowerCase();
  if (NOT_FINITE.has(word)) return fail('notFinite');

  if (SIGNS.has(s[0]!)) {
    const rest = parseNormalised(s.slice(1).trim(), info, maxDecimals);
    if (!rest.ok && (rest.failure.code === 'notANumber' || rest.failure.code === 'wrongDecimalSeparator')) return rest;
    return fail('sign');
  }

  const exp = /^(.+)[eE][+\-\u2212]?[0-9]+$/.exec(s);
  if (exp) {
    const mantissa = exp[1]!;
    const plain = [...mantissa].every(
      (ch) => isDigit(ch) || ch === '.' || ch === ',' || info.decimals.has(ch) || info.groups.has(ch),
    );
    if (plain && /[0-9]/.test(mantissa)) return fail('exponent');
  }

  const split = splitDecimal(s, info.decimals, info.groups, info.sizes);
  if (!split) {
    if (info.alt && splitDecimal(s, info.alt.decimals, info.alt.groups, info.sizes)) {
      return fail('wrongDecimalSeparator');
    }
    return fail('notANumber');
  }

  const int = split.int.replace(/^0+/, '') || '0';
  const frac = split.frac.replace(/0+$/, '');
  if (frac.length > maxDecimals) return fail('tooManyDecimals');
  if (int === '0' && frac === '') return fail('zero');
  return { ok: true, value: frac ? `${int}.${frac}` : int };
}

// ---------------------------------------------------------------------------------------------
// Public API

interface Context {
  info: LocaleInfo;
  decimals: number;
  asset: string | undefined;
  messages: Partial<AmountErrorMessages> | undefined;
}

function context(options: ParseAmountOptions | undefined): Context {
  const decimals = options?.decimals ?? 8;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100) {
    throw new RangeError(`decimals must be an integer from 0 to 100, got ${String(decimals)}`);
  }
  return { info: localeInfo(options?.locale), decimals, asset: options?.asset, messages: options?.messages };
}

function toError(ctx: Context, code: AmountErrorCode, extra?: Record<string, string>): AmountError {
  const params: Record<string, string> = {
    decimal: ctx.info.separators.decimal,
    group: ctx.info.separators.group,
    decimals: String(ctx.decimals),
    ...(ctx.asset ? { asset: ctx.asset } : {}),
    ...extra,
  };
  const build = ctx.messages?.[code] ?? amountErrorMessages[code];
  return { code, message: build(params), params };
}

function parseWith(text: unknown, ctx: Context): ParseResult {
  const raw = typeof text === 'string' ? text : text == null ? '' : String(text);
  const parsed = parseNormalised(normalise(raw), ctx.info, ctx.decimals);
  return parsed.ok ? parsed : { ok: false, error: toError(ctx, parsed.failure.code, parsed.failure.params) };
}

/**
 * Reads what a person typed as a positive amount with at most `decimals` fraction digits, using the
 * locale's separators. Returns the canonical decimal string (ASCII digits, `.` as decimal separator,
 * no grouping, no leading zeros except one before `.`, no trailing fraction zeros): "1,234.50" →
 * "1234.5", ".5" → "0.5", "007" → "7"; or a specific {@link AmountError}. Never throws on any text.
 *
 * @throws RangeError only when `options.decimals` is not an integer from 0 to 100 (a programming error).
 */
export function parseAmount(text: string, options?: ParseAmountOptions): ParseResult {
  return parseWith(text, context(options));
}

/**
 * {@link parseAmount}, then checks the value against the limit `max`, itself rounded DOWN to `decimals`
 * (an amount on that grid is ≤ max exactly when it is ≤ the rounded max). Order of checks:
 * `noneAvailable` (known limit ≤ 0 after rounding: no text can fix that) → parse errors →
 * `limitUnknown` (`max` null/undefined/not finite: never validated against an unknown limit) → `overLimit`.
 * On success `0 < amount ≤ max` and `amount` has at most `decimals` fraction digits. Never throws on any text.
 *
 * @throws RangeError only when `options.decimals` is not an integer from 0 to 100 (a programming error).
 */
export function validateAmount(text: string, options: ValidateAmountOptions): ValidationResult {
  const ctx = context(options);
  let max: Decimal | null = null;
  if (options.max !== null && options.max !== undefined) {
    try {
      max = toDecimal(options.max).toDecimalPlaces(ctx.decimals, Dec.ROUND_DOWN);
    } catch {
      max = null;
    }
  }
  if (max !== null && max.lte(0))
    return { ok: false, error: toError(ctx, 'noneAvailable', { max: '0', maxText: '0' }) };

  const parsed = parseWith(text, ctx);
  if (!parsed.ok) return parsed;
  if (max === null) return { ok: false, error: toError(ctx, 'limitUnknown') };

  const amount = new Dec(parsed.value);
  if (amount.gt(max)) {
    const maxString = max.toFixed();
    const maxText = maxString.replace('.', ctx.info.separators.decimal);
    return { ok: false, error: toError(ctx, 'overLimit', { max: maxString, maxText }) };
  }
  return { ok: true, value: parsed.value, amount };
}
