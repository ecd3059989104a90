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
 *   Full-width "．" "，" "＇" (CJK input methods) are read as ". , '".
 * - What the field shows is what is read. Digits of more than one script in one number ("1٠5", which
 *   a browser may draw as "1·5") are refused (`mixedScripts`), and so is any bidi control, wherever
 *   it sits (`bidiControl`: U+202A–U+202E, U+2066–U+2069, LRM U+200E, RLM U+200F, ALM U+061C), as
 *   they reorder what is drawn ("\u202E100" shows as "001"). The zero-width space, joiners, word
 *   joiner and BOM reorder nothing and are ignored.
 * - A text longer than {@link MAX_AMOUNT_LENGTH} UTF-16 code units is refused before it is read
 *   (`tooLong`), the unit an input's `maxLength` counts. Below the cap, reading is one pass over the
 *   text (no recursion, no backtracking regular expression).
 * - Trailing fraction zeros beyond the allowed decimals are accepted and stripped ("1.500000000"
 *   with 8 decimals → "1.5"): the canonical string, which is what is sent, has ≤ `decimals` digits.
 * - No JS number ever holds the amount: digits are handled as strings, comparisons use decimal.js.
 * - Errors are codes and parameters only; their sentences live with the UI's messages.
 *
 * @module
 */
import { Dec, toDecimal, type Decimal, type DecimalInput } from './decimal';
import { usableLocale } from './locale';

/**
 * The longest amount text read, in UTF-16 code units (what an input's `maxLength` counts). Longer
 * text is refused as `tooLong` without being scanned. 64 holds any real amount with room to spare:
 * a 20-digit integer with its group separators and 18 decimals is 45.
 */
export const MAX_AMOUNT_LENGTH = 64;

/** Why a typed amount is not accepted. */
export type AmountErrorCode =
  /** Empty or only whitespace. */
  | 'empty'
  /** Longer than {@link MAX_AMOUNT_LENGTH}. Params: `maxLength`, `length`. */
  | 'tooLong'
  /** A bidi control character, which changes how the number is drawn. Params: `codePoint` ("U+202E"). */
  | 'bidiControl'
  /** Digits of more than one script ("1٠5"). */
  | 'mixedScripts'
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

/** A reason and the values a message about it is built from (the UI words it: `amountErrorText`). */
export interface AmountError {
  code: AmountErrorCode;
  /**
   * Always `decimal`, `group` (the locale's separators) and `decimals`; `asset` when given; and the
   * code's own: `maxLength` and `length`, `codePoint`, `max` and `maxText`.
   */
  params: Readonly<Record<string, string>>;
}

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
  /** Asset name passed on in `params.asset` ("At most 8 decimal places for USDT"). */
  asset?: string;
}

/** Options of {@link validateAmount}. */
export interface ValidateAmountOptions extends ParseAmountOptions {
  /** The limit (Max addable / removable). `null` (or `undefined`, or not a finite number) means unknown. */
  max: DecimalInput | null | undefined;
}

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

function localeInfo(locale: string | undefined): LocaleInfo {
  const key = locale ?? '';
  const cached = localeCache.get(key);
  if (cached) return cached;

  const parts = new Intl.NumberFormat(usableLocale(locale)).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const intLengths = parts.filter((p) => p.type === 'integer').map((p) => [...p.value].length);

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

/** ALM, LRM RLM, LRE RLE PDF LRO RLO, LRI RLI FSI PDI: each changes the order in which text is drawn. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Zero-width space, non-joiner, joiner, word joiner, BOM: invisible, reorder nothing, ignored. */
const IGNORED = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

/** ECMAScript WhiteSpace and LineTerminator, what `String.prototype.trim` removes. */
const WHITESPACE = /^\s$/u;

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
const EXPONENT_SIGNS = new Set(['+', '-', '\u2212']);
const NOT_FINITE = new Set(['nan', 'inf', 'infinity', '\u221E']);

/** Full-width punctuation typed by CJK input methods, read as its ASCII form (not NFKC: that would turn "5²" into "52"). */
const FULL_WIDTH: Readonly<Record<string, string>> = { '\uFF0E': '.', '\uFF0C': ',', '\uFF07': "'" };

const ND = /^\p{Nd}$/u;
const zeroCache = new Map<number, number>();

/**
 * The code point of the zero of a Unicode decimal digit's run (category Nd), or -1 for any other
 * character. Unicode guarantees Nd characters come in contiguous runs of ten, 0 to 9, so the digit's
 * value is its position in the contiguous stretch mod 10. At most 1,000 look-backs, once per code point.
 */
function digitZero(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return 0x30;
  const known = zeroCache.get(cp);
  if (known !== undefined) return known;
  let zero = -1;
  if (ND.test(ch)) {
    let below = 0;
    while (below < 1000 && ND.test(String.fromCodePoint(cp - below - 1))) below++;
    zero = cp - (below % 10);
  }
  zeroCache.set(cp, zero);
  return zero;
}

type Failure = { code: AmountErrorCode; params?: Record<string, string> };
type Parsed = { ok: true; value: string } | { ok: false; failure: Failure };

const fail = (code: AmountErrorCode, params?: Record<string, string>): Parsed => ({
  ok: false,
  failure: { code, params },
});

const codePointName = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One pass over the (capped) text: refuses a bidi control or digits of two scripts; otherwise the
 * trimmed text with ignored characters dropped, every digit as ASCII and full-width punctuation as ASCII.
 */
function normalise(text: string): { ok: true; text: string } | { ok: false; failure: Failure } {
  let kept = '';
  for (const ch of text) {
    if (BIDI_CONTROL.test(ch))
      return { ok: false, failure: { code: 'bidiControl', params: { codePoint: codePointName(ch.codePointAt(0)!) } } };
    if (!IGNORED.has(ch)) kept += ch;
  }
  let out = '';
  let script = -1;
  for (const ch of kept.trim()) {
    const zero = digitZero(ch);
    if (zero < 0) {
      out += FULL_WIDTH[ch] ?? ch;
      continue;
    }
    if (script >= 0 && zero !== script) return { ok: false, failure: { code: 'mixedScripts' } };
    script = zero;
    out += String.fromCharCode(0x30 + ch.codePointAt(0)! - zero);
  }
  return { ok: true, text: out };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
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
    if (isDigit(ch)) {
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

/**
 * Scientific notation: a mantissa of digits and separators (at least one digit), then `e`/`E`, an
 * optional `+ - −` and digits to the end. Read from the end, without a regular expression.
 */
function isExponent(s: string, info: LocaleInfo): boolean {
  let end = s.length;
  while (end > 0 && isDigit(s[end - 1])) end--;
  if (end === s.length) return false;
  if (end > 0 && EXPONENT_SIGNS.has(s[end - 1]!)) end--;
  if (end < 2 || (s[end - 1] !== 'e' && s[end - 1] !== 'E')) return false;
  let digit = false;
  for (let i = 0; i < end - 1; i++) {
    const ch = s[i]!;
    if (isDigit(ch)) digit = true;
    else if (ch !== '.' && ch !== ',' && !info.decimals.has(ch) && !info.groups.has(ch)) return false;
  }
  return digit;
}

/** A number without a sign. */
function parseUnsigned(s: string, info: LocaleInfo, maxDecimals: number): Parsed {
  if (s === '') return fail('empty');
  if (isExponent(s, info)) return fail('exponent');

  const split = splitDecimal(s, info.decimals, info.groups, info.sizes);
  if (!split) {
    if (info.alt && splitDecimal(s, info.alt.decimals, info.alt.groups, info.sizes)) {
      return fail('wrongDecimalSeparator');
    }
    return fail('notANumber');
  }

  let from = 0;
  while (from < split.int.length - 1 && split.int[from] === '0') from++;
  const int = split.int.slice(from) || '0';
  let to = split.frac.length;
  while (to > 0 && split.frac[to - 1] === '0') to--;
  const frac = split.frac.slice(0, to);
  if (frac.length > maxDecimals) return fail('tooManyDecimals');
  if (int === '0' && frac === '') return fail('zero');
  return { ok: true, value: frac ? `${int}.${frac}` : int };
}

/**
 * The normalised text: leading signs (each maybe followed by spaces) are counted in a loop; one sign
 * before NaN/Infinity is `notFinite`. A signed text is refused as `sign`, unless what follows the
 * signs is not a number at all (`notANumber`, `wrongDecimalSeparator`): that reason is the better hint.
 */
function parseNormalised(s: string, info: LocaleInfo, maxDecimals: number): Parsed {
  if (s === '') return fail('empty');
  let start = 0;
  let signs = 0;
  while (start < s.length && SIGNS.has(s[start]!)) {
    signs++;
    start++;
    while (start < s.length && WHITESPACE.test(s[start]!)) start++;
  }
  const body = s.slice(start);
  if (NOT_FINITE.has(body.toLowerCase())) return fail(signs <= 1 ? 'notFinite' : 'sign');
  const unsigned = parseUnsigned(body, info, maxDecimals);
  if (signs === 0 || (!unsigned.ok && ['notANumber', 'wrongDecimalSeparator'].includes(unsigned.failure.code))) {
    return unsigned;
  }
  return fail('sign');
}

// ---------------------------------------------------------------------------------------------
// Public API

interface Context {
  info: LocaleInfo;
  decimals: number;
  asset: string | undefined;
}

function context(options: ParseAmountOptions | undefined): Context {
  const decimals = options?.decimals ?? 8;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100) {
    throw new RangeError(`decimals must be an integer from 0 to 100, got ${String(decimals)}`);
  }
  return { info: localeInfo(options?.locale), decimals, asset: options?.asset };
}

function toError(ctx: Context, failure: Failure): AmountError {
  const params: Record<string, string> = {
    decimal: ctx.info.separators.decimal,
    group: ctx.info.separators.group,
    decimals: String(ctx.decimals),
    ...(ctx.asset ? { asset: ctx.asset } : {}),
    ...failure.params,
  };
  return { code: failure.code, params };
}

/** Text from untyped callers: null/undefined are empty, numbers are written out, anything else is not a number. */
function textOf(text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (text === null || text === undefined) return '';
  if (typeof text === 'number' || typeof text === 'bigint') return String(text);
  return null;
}

function parseText(text: unknown, ctx: Context): Parsed {
  const raw = textOf(text);
  if (raw === null) return fail('notANumber');
  if (raw.length > MAX_AMOUNT_LENGTH) {
    return fail('tooLong', { maxLength: String(MAX_AMOUNT_LENGTH), length: String(raw.length) });
  }
  const normalised = normalise(raw);
  if (!normalised.ok) return normalised;
  return parseNormalised(normalised.text, ctx.info, ctx.decimals);
}

function parseWith(text: unknown, ctx: Context): ParseResult {
  const parsed = parseText(text, ctx);
  return parsed.ok ? parsed : { ok: false, error: toError(ctx, parsed.failure) };
}

/**
 * Reads what a person typed as a positive amount with at most `decimals` fraction digits, using the
 * locale's separators. Returns the canonical decimal string (ASCII digits, `.` as decimal separator,
 * no grouping, no leading zeros except one before `.`, no trailing fraction zeros): "1,234.50" →
 * "1234.5", ".5" → "0.5", "007" → "7"; or a specific {@link AmountError}. Never throws on any text.
 * Order of checks: `tooLong` → `bidiControl` → `empty` → `mixedScripts` → `notFinite` / `sign` →
 * `exponent` → `notANumber` / `wrongDecimalSeparator` → `tooManyDecimals` → `zero`.
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
  if (max !== null && max.lte(0)) {
    return { ok: false, error: toError(ctx, { code: 'noneAvailable', params: { max: '0', maxText: '0' } }) };
  }

  const parsed = parseWith(text, ctx);
  if (!parsed.ok) return parsed;
  if (max === null) return { ok: false, error: toError(ctx, { code: 'limitUnknown' }) };

  const amount = new Dec(parsed.value);
  if (amount.gt(max)) {
    const maxString = max.toFixed();
    const maxText = maxString.replace('.', ctx.info.separators.decimal);
    return { ok: false, error: toError(ctx, { code: 'overLimit', params: { max: maxString, maxText } }) };
  }
  return { ok: true, value: parsed.value, amount };
}
