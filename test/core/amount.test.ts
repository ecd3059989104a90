import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  getLocaleSeparators,
  MAX_AMOUNT_LENGTH,
  parseAmount,
  validateAmount,
  type AmountErrorCode,
  type ParseResult,
  type ValidationResult,
} from '../../src/core/amount';
import { amountInputValue, formatDecimal } from '../../src/core/format';
import { amountErrorMessages, amountErrorText } from '../../src/ui/messages';
import { AMOUNT_ERROR_CODES, CANONICAL } from '../support/amountShapes';

const CODES = AMOUNT_ERROR_CODES;

function codeOf(r: ParseResult): string {
  return r.ok ? `ok:${r.value}` : r.error.code;
}

describe('getLocaleSeparators', () => {
  it.each([
    ['en', ',', '.'],
    ['en-US', ',', '.'],
    ['de', '.', ','],
    ['fr', '\u202F', ','],
    ['ru', '\u00A0', ','],
    ['ar-EG', '\u066C', '\u066B'],
  ])('%s → group %j, decimal %j', (locale, group, decimal) => {
    expect(getLocaleSeparators(locale)).toEqual({ group, decimal });
  });

  it('de-CH groups with an apostrophe', () => {
    const { group, decimal } = getLocaleSeparators('de-CH');
    expect(["'", '\u2019']).toContain(group);
    expect(decimal).toBe('.');
  });

  it('caches per locale and falls back to the default locale for an invalid tag', () => {
    expect(getLocaleSeparators('de')).toBe(getLocaleSeparators('de'));
    expect(getLocaleSeparators('not a locale!!')).toEqual(getLocaleSeparators());
  });
});

describe('parseAmount: accepted forms', () => {
  it.each([
    // en
    ['en', '1234.5', '1234.5'],
    ['en', '1,234.5', '1234.5'],
    ['en', '1,234.50', '1234.5'],
    ['en', '1,234,567.891', '1234567.891'],
    ['en', '1,234', '1234'],
    ['en', '.5', '0.5'],
    ['en', '5.', '5'],
    ['en', '007', '7'],
    ['en', '00.50', '0.5'],
    ['en', '0.00000001', '0.00000001'],
    ['en', '  7.25  ', '7.25'],
    ['en', '1,234 ', '1234'],
    ['en', '\t1\n', '1'],
    ['en', '\u00A012\u00A0', '12'],
    ['en', '100', '100'],
    ['en', '12345678901234567890.12345678', '12345678901234567890.12345678'],
    ['en', '9007199254740993', '9007199254740993'], // 2^53 + 1: a float would say ...992
    // trailing zeros beyond the allowed decimals are stripped, not rejected
    ['en', '1.500000000', '1.5'],
    ['en', '2.00000000000000', '2'],
    // unicode digits normalised to ASCII
    ['en', '\u0663.\u0665', '3.5'], // Arabic-Indic ٣.٥
    ['en', '\u06F1\u06F2\u06F3', '123'], // Persian ۱۲۳
    ['en', '\u0967\u0968\u0969', '123'], // Devanagari १२३
    ['en', '\uFF11\uFF12\uFF13\uFF14\uFF0E\uFF15', '1234.5'], // full-width １２３４．５
    ['en', '\uFF11\uFF0C\uFF12\uFF13\uFF14', '1234'], // full-width １，２３４
    ['en', '\u{1D7CF}\u{1D7D0}', '12'], // mathematical bold 𝟏𝟐
    ['en', '\u{1D7D8}\u{1D7D9}', '1'], // double-struck 𝟘𝟙 (run right after the bold digits)
    // zero-width characters reorder nothing and are ignored
    ['en', '\u200B1,2\u200D34.5\uFEFF', '1234.5'],
    // de
    ['de', '1.234,5', '1234.5'],
    ['de', '1234,5', '1234.5'],
    ['de', ',5', '0.5'],
    ['de', '5,', '5'],
    ['de', '1.234.567', '1234567'],
    ['de', '1.234', '1234'],
    ['de', '0,00000001', '0.00000001'],
    // fr: any space-like group separator
    ['fr', '1 234,5', '1234.5'],
    ['fr', '1\u202F234,5', '1234.5'],
    ['fr', '1\u00A0234,5', '1234.5'],
    ['fr', '1 234\u00A0567,25', '1234567.25'],
    ['fr', '1234,5', '1234.5'],
    ['fr', ',5', '0.5'],
    // de-CH: both apostrophes
    ['de-CH', "1'234.5", '1234.5'],
    ['de-CH', '1\u2019234.5', '1234.5'],
    // en-IN: its own grouping and the 3-digit one
    ['en-IN', '12,34,567.5', '1234567.5'],
    ['en-IN', '1,234,567.5', '1234567.5'],
    ['en-IN', '1,00,000', '100000'],
    // ar-EG: Arabic separators and digits, and the Latin convention
    ['ar-EG', '\u0661\u066C\u0662\u0663\u0664\u066B\u0665', '1234.5'],
    ['ar-EG', '1234.5', '1234.5'],
    ['ar-EG', '1,234.5', '1234.5'],
  ])('%s %j → %s', (locale, text, value) => {
    expect(parseAmount(text, { locale })).toEqual({ ok: true, value });
  });

  it('respects `decimals`', () => {
    expect(parseAmount('1.25', { locale: 'en', decimals: 2 })).toEqual({ ok: true, value: '1.25' });
    expect(parseAmount('1.250', { locale: 'en', decimals: 2 })).toEqual({ ok: true, value: '1.25' });
    expect(parseAmount('5.0', { locale: 'en', decimals: 0 })).toEqual({ ok: true, value: '5' });
    expect(parseAmount('5.', { locale: 'en', decimals: 0 })).toEqual({ ok: true, value: '5' });
  });
});

describe('parseAmount: rejected forms', () => {
  it.each<[string, string, AmountErrorCode]>([
    // empty
    ['en', '', 'empty'],
    ['en', '   ', 'empty'],
    ['en', '\u00A0\t\n', 'empty'],
    ['en', '\u200B\u2060', 'empty'],
    // not a number
    ['en', 'abc', 'notANumber'],
    ['en', '$100', 'notANumber'],
    ['en', '100 USDT', 'notANumber'],
    ['en', '100$', 'notANumber'],
    ['en', '1.2.3', 'notANumber'],
    ['en', '1..5', 'notANumber'],
    ['en', '1,23,4', 'notANumber'],
    ['en', '12,34,567', 'notANumber'], // Indian grouping is not en's
    ['en', '1,234,5678', 'notANumber'],
    ['en', '1,,234', 'notANumber'],
    ['en', '1 234', 'notANumber'], // space is not en's group separator
    ['en', '.', 'notANumber'],
    ['en', ',', 'notANumber'],
    ['en', '5-', 'notANumber'],
    ['en', '(5)', 'notANumber'],
    ['en', '1_000', 'notANumber'],
    ['en', '0x10', 'notANumber'],
    ['en', '5\u00B2', 'notANumber'], // superscript two is not a digit
    ['en', '\u00BD', 'notANumber'], // ½
    ['en', '1e', 'notANumber'],
    ['en', 'e5', 'notANumber'],
    ['en', '1.5.', 'notANumber'],
    ['en', '1,234.5,6', 'notANumber'],
    ['en', '1,234.567.8', 'notANumber'],
    ['en', '\u0661\u066B\u0665', 'notANumber'], // Arabic decimal separator is not en's
    // the other decimal separator: a specific hint, never 15 or 1234.5-garbage
    ['en', '1,5', 'wrongDecimalSeparator'],
    ['en', '1,50', 'wrongDecimalSeparator'],
    ['en', ',5', 'wrongDecimalSeparator'],
    ['en', '0,001', 'wrongDecimalSeparator'],
    ['en', '1,2345', 'wrongDecimalSeparator'],
    ['en', '1.234,5', 'wrongDecimalSeparator'],
    ['en', '1.234.567,89', 'wrongDecimalSeparator'],
    ['de', '1.5', 'wrongDecimalSeparator'],
    ['de', '1.50', 'wrongDecimalSeparator'],
    ['de', '.5', 'wrongDecimalSeparator'],
    ['de', '1,234.5', 'wrongDecimalSeparator'],
    ['de', '1,2,3', 'notANumber'],
    ['de', '1.2.3,4,5', 'notANumber'],
    ['fr', '1.5', 'wrongDecimalSeparator'],
    ['fr', '1 234.5', 'wrongDecimalSeparator'],
    ['fr', '1 23,5', 'notANumber'],
    ['fr', '1.234,5', 'notANumber'], // "." is neither fr's group nor its decimal
    ['de-CH', '1,5', 'wrongDecimalSeparator'],
    // exponent
    ['en', '1e5', 'exponent'],
    ['en', '1E-3', 'exponent'],
    ['en', '2.5e+10', 'exponent'],
    ['en', '.5e2', 'exponent'],
    ['en', '1,000e3', 'exponent'],
    ['de', '1,5e3', 'exponent'],
    // sign
    ['en', '-5', 'sign'],
    ['en', '+5', 'sign'],
    ['en', '\u22125', 'sign'], // − U+2212
    ['en', '\u20135', 'sign'], // – en dash
    ['en', '\uFF0D5', 'sign'], // full-width minus
    ['en', '- 5', 'sign'],
    ['en', '-0', 'sign'],
    ['en', '--5', 'sign'],
    ['en', '-1e5', 'sign'],
    ['en', '-', 'sign'],
    ['en', '-abc', 'notANumber'],
    ['en', '-1,5', 'wrongDecimalSeparator'],
    // not finite
    ['en', 'NaN', 'notFinite'],
    ['en', 'nan', 'notFinite'],
    ['en', 'Infinity', 'notFinite'],
    ['en', 'infinity', 'notFinite'],
    ['en', '-Infinity', 'notFinite'],
    ['en', '+INF', 'notFinite'],
    ['en', '\u221E', 'notFinite'],
    ['en', '\u2212\u221E', 'notFinite'],
    ['de', 'NAN', 'notFinite'],
    // zero
    ['en', '0', 'zero'],
    ['en', '0.000', 'zero'],
    ['en', '000', 'zero'],
    ['en', '.0', 'zero'],
    ['en', '0.', 'zero'],
    ['en', '0.000000000000', 'zero'],
    ['de', '0,0', 'zero'],
    ['fr', '0,000', 'zero'],
    ['en', '\u0660', 'zero'], // Arabic-Indic zero
    // too many decimals (significant digits)
    ['en', '0.000000001', 'tooManyDecimals'],
    ['en', '1.123456789', 'tooManyDecimals'],
    ['en', '1.1234567890', 'tooManyDecimals'],
    ['de', '1,123456789', 'tooManyDecimals'],
  ])('%s %j → %s', (locale, text, expected) => {
    expect(codeOf(parseAmount(text, { locale }))).toBe(expected);
  });

  it('tooManyDecimals follows `decimals`', () => {
    expect(codeOf(parseAmount('1.005', { locale: 'en', decimals: 2 }))).toBe('tooManyDecimals');
    expect(codeOf(parseAmount('5.5', { locale: 'en', decimals: 0 }))).toBe('tooManyDecimals');
  });

  it('rejects a malformed `decimals` option (a programming error)', () => {
    expect(() => parseAmount('1', { decimals: -1 })).toThrow(RangeError);
    expect(() => parseAmount('1', { decimals: 1.5 })).toThrow(RangeError);
  });

  it('does not throw for non-string input arriving from untyped code', () => {
    expect(codeOf(parseAmount(undefined as unknown as string))).toBe('empty');
    expect(codeOf(parseAmount(null as unknown as string))).toBe('empty');
    // String() of an object without a prototype would throw; it is simply not a number
    expect(codeOf(parseAmount(Object.create(null) as string))).toBe('notANumber');
    expect(codeOf(parseAmount({} as unknown as string))).toBe('notANumber');
  });
});

describe('parseAmount: hostile input (issue 16)', () => {
  const en = (text: string) => parseAmount(text, { locale: 'en' });

  it('reads at most 64 UTF-16 code units, the unit an input maxLength counts', () => {
    expect(MAX_AMOUNT_LENGTH).toBe(64);
    expect(en('1'.repeat(64))).toEqual({ ok: true, value: '1'.repeat(64) });
    expect(en('1'.repeat(65))).toMatchObject({
      ok: false,
      error: { code: 'tooLong', params: { maxLength: '64', length: '65' } },
    });
    // padding counts: 60 spaces + "12345" is 65 code units
    expect(codeOf(en(' '.repeat(60) + '12345'))).toBe('tooLong');
    // a mathematical bold digit is 2 code units: 32 of them are 64, 33 are 66
    expect(en('\u{1D7CF}'.repeat(32))).toEqual({ ok: true, value: '1'.repeat(32) });
    expect(codeOf(en('\u{1D7CF}'.repeat(33)))).toBe('tooLong');
  });

  it('refuses a long text before reading it: the cap wins over every other reason', () => {
    // each of these would be bidiControl, mixedScripts or sign under the cap
    expect(codeOf(en('\u202E' + '1'.repeat(64)))).toBe('tooLong');
    expect(codeOf(en('1\u0660' + '1'.repeat(63)))).toBe('tooLong');
    expect(codeOf(en('-'.repeat(64) + '5'))).toBe('tooLong');
  });

  it('the inputs that crashed or took seconds are refused', () => {
    // once a RangeError (recursion per sign) and 7.6 s (backtracking over the zeros)
    const signs = en('-'.repeat(10_000) + '5');
    expect(signs).toMatchObject({ ok: false, error: { code: 'tooLong', params: { length: '10001' } } });
    const zeros = en('0.' + '0'.repeat(99_997) + '1');
    expect(zeros).toMatchObject({ ok: false, error: { code: 'tooLong', params: { length: '100000' } } });
    expect(codeOf(en('1'.repeat(1_000_000)))).toBe('tooLong');
  });

  it('gives sign runs and zero runs up to the cap their usual reasons', () => {
    expect(codeOf(en('-'.repeat(63) + '5'))).toBe('sign');
    expect(codeOf(en('- '.repeat(31) + '5'))).toBe('sign');
    expect(codeOf(en('-'.repeat(63) + 'x'))).toBe('notANumber');
    expect(codeOf(en('--Infinity'))).toBe('sign'); // one sign before Infinity is notFinite, two are a sign error
    // 0. then 61 zeros then 1: 62 decimals
    expect(codeOf(en('0.' + '0'.repeat(61) + '1'))).toBe('tooManyDecimals');
    // 0.00000001 then 54 zeros (64 code units): the trailing zeros are stripped
    expect(en('0.00000001' + '0'.repeat(54))).toEqual({ ok: true, value: '0.00000001' });
    expect(en('0'.repeat(63) + '7')).toEqual({ ok: true, value: '7' });
  });

  it.each([
    ['\u202A', 'U+202A'],
    ['\u202B', 'U+202B'],
    ['\u202C', 'U+202C'],
    ['\u202D', 'U+202D'],
    ['\u202E', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u2067', 'U+2067'],
    ['\u2068', 'U+2068'],
    ['\u2069', 'U+2069'],
    ['\u200E', 'U+200E'],
    ['\u200F', 'U+200F'],
    ['\u061C', 'U+061C'],
  ])('refuses the bidi control %j at the start, inside and at the end, and names it %s', (control, codePoint) => {
    for (const text of [`${control}100`, `1${control}00`, `100${control}`, `1.5${control}`, ` ${control} `]) {
      expect(en(text)).toMatchObject({ ok: false, error: { code: 'bidiControl', params: { codePoint } } });
    }
  });

  it('refuses what would be drawn otherwise than it is read', () => {
    // issue 16: shown as "001", read as 100
    expect(codeOf(en('\u202E100'))).toBe('bidiControl');
    // shown as "15.", read as 1.5
    expect(codeOf(en('1\u200F.5'))).toBe('bidiControl');
    // an Arabic-Indic zero between Latin digits: shown as "1·5", read as 105
    expect(en('1\u06605')).toMatchObject({ ok: false, error: { code: 'mixedScripts' } });
    // the same in ar-EG, and the other way round
    expect(codeOf(parseAmount('\u06610\u0665', { locale: 'ar-EG' }))).toBe('mixedScripts');
  });

  it.each([
    ['1\u0662', 'Latin and Arabic-Indic'],
    ['\u06F1\u0662', 'Persian and Arabic-Indic'],
    ['\uFF11' + '2', 'full-width and Latin'],
    ['\u{1D7CF}\u{1D7E3}', 'mathematical bold and sans-serif'],
    ['\u0967.5', 'Devanagari and Latin across the decimal separator'],
  ])('refuses %j (%s digits) as mixedScripts', (text) => {
    expect(codeOf(en(text))).toBe('mixedScripts');
  });

  it('reads a number in one script with separators of another convention', () => {
    // ar-EG accepts the Latin separators; the digits are all Arabic-Indic: 1,234.5
    expect(parseAmount('\u0661,\u0662\u0663\u0664.\u0665', { locale: 'ar-EG' })).toEqual({
      ok: true,
      value: '1234.5',
    });
  });
});

describe('error messages (src/ui/messages.ts; the parser gives codes and params only)', () => {
  function messageOf(r: ParseResult): string {
    if (r.ok) throw new Error('expected an error');
    expect(r.error).not.toHaveProperty('message');
    return amountErrorText(r.error);
  }

  it('are specific', () => {
    expect(messageOf(parseAmount('', { locale: 'en' }))).toBe('Enter an amount');
    expect(messageOf(parseAmount('abc', { locale: 'en' }))).toBe('Use digits only, like 1234.56');
    expect(messageOf(parseAmount('abc', { locale: 'de' }))).toBe('Use digits only, like 1234,56');
    expect(messageOf(parseAmount('1e5', { locale: 'en' }))).toBe('Scientific notation such as 1e5 is not accepted');
    expect(messageOf(parseAmount('-5', { locale: 'en' }))).toBe('Enter the amount without a sign');
    expect(messageOf(parseAmount('0', { locale: 'en' }))).toBe('Enter an amount greater than 0');
    expect(messageOf(parseAmount('NaN', { locale: 'en' }))).toBe(
      'Enter a finite amount: NaN and Infinity are not accepted',
    );
    expect(messageOf(parseAmount('1,5', { locale: 'en' }))).toBe('Use "." as the decimal separator');
    expect(messageOf(parseAmount('1.5', { locale: 'de' }))).toBe('Use "," as the decimal separator');
    expect(messageOf(parseAmount('1.5', { locale: 'fr' }))).toBe('Use "," as the decimal separator');
  });

  it('name the precision and the asset', () => {
    expect(messageOf(parseAmount('0.123456789', { locale: 'en', asset: 'USDT' }))).toBe(
      'At most 8 decimal places for USDT',
    );
    expect(messageOf(parseAmount('0.123456789', { locale: 'en' }))).toBe('At most 8 decimal places');
    expect(messageOf(parseAmount('0.12', { locale: 'en', decimals: 1 }))).toBe('At most 1 decimal place');
    expect(messageOf(parseAmount('0.5', { locale: 'en', decimals: 0, asset: 'BTC' }))).toBe(
      'Whole numbers only for BTC',
    );
  });

  it('name the cap, the bidi control and the script rule', () => {
    expect(messageOf(parseAmount('1'.repeat(65), { locale: 'en' }))).toBe('Enter at most 64 characters');
    expect(messageOf(parseAmount('\u202E100', { locale: 'en' }))).toBe(
      'Remove the hidden text-direction character (U+202E): it changes how the amount is shown',
    );
    expect(messageOf(parseAmount('1\u06605', { locale: 'de' }))).toBe('Use digits of one script only, like 1234,56');
  });

  it('carry params, and the wording can be replaced', () => {
    const r = parseAmount('1.5', { locale: 'de', decimals: 6, asset: 'USDC' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'wrongDecimalSeparator', params: { decimal: ',', group: '.', decimals: '6', asset: 'USDC' } },
    });
    const empty = parseAmount('', { locale: 'de' });
    if (empty.ok) throw new Error('expected an error');
    expect(amountErrorText(empty.error, { ...amountErrorMessages, empty: () => 'Betrag eingeben' })).toBe(
      'Betrag eingeben',
    );
    expect(Object.keys(amountErrorMessages).sort()).toEqual([...CODES].sort());
  });
});

describe('validateAmount', () => {
  const v = (
    text: string,
    max: string | number | null | undefined,
    extra: { locale?: string; decimals?: number; asset?: string } = {},
  ) => validateAmount(text, { locale: 'en', max, ...extra });
  const textOf = (r: ValidationResult): string => {
    if (r.ok) throw new Error('expected an error');
    return amountErrorText(r.error);
  };

  it('accepts 0 < amount ≤ max and returns the Decimal', () => {
    const r = v('100', '100');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe('100');
      expect(r.amount.toFixed()).toBe('100');
    }
    expect(v('0.00000001', '100')).toMatchObject({ ok: true, value: '0.00000001' });
    expect(v('1,234.5', '1234.5')).toMatchObject({ ok: true, value: '1234.5' });
  });

  it('rejects above max, with max rounded down to the decimals', () => {
    expect(v('100.00000001', '100')).toMatchObject({ ok: false, error: { code: 'overLimit', params: { max: '100' } } });
    // max 10.123456789 rounds down to 10.12345678
    expect(v('10.12345678', '10.123456789')).toMatchObject({ ok: true });
    const over = v('10.12345679', '10.123456789');
    expect(over).toMatchObject({ ok: false, error: { code: 'overLimit', params: { max: '10.12345678' } } });
    expect(textOf(over)).toBe('Enter at most 10.12345678');
    const overDe = v('11', '10.5', { locale: 'de', asset: 'USDT' });
    expect(overDe).toMatchObject({
      ok: false,
      error: { code: 'overLimit', params: { max: '10.5', maxText: '10,5', asset: 'USDT' } },
    });
    expect(textOf(overDe)).toBe('Enter at most 10,5 USDT');
    expect(v('3', '2.99', { decimals: 0 })).toMatchObject({ ok: false, error: { params: { max: '2' } } });
  });

  it('never validates against an unknown limit', () => {
    expect(v('5', null)).toMatchObject({ ok: false, error: { code: 'limitUnknown' } });
    expect(v('5', undefined)).toMatchObject({ ok: false, error: { code: 'limitUnknown' } });
    expect(v('5', Number.NaN)).toMatchObject({ ok: false, error: { code: 'limitUnknown' } });
    expect(v('5', 'abc')).toMatchObject({ ok: false, error: { code: 'limitUnknown' } });
    expect(v('5', Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, error: { code: 'limitUnknown' } });
    // text errors come first: they can be fixed while the limit loads
    expect(v('', null)).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('reports noneAvailable when the rounded limit is 0, whatever the text', () => {
    expect(v('5', '0')).toMatchObject({ ok: false, error: { code: 'noneAvailable' } });
    expect(textOf(v('5', '0'))).toBe('Nothing available');
    expect(v('', 0)).toMatchObject({ ok: false, error: { code: 'noneAvailable' } });
    const none = v('0.000000001', '0.000000009', { asset: 'USDT' });
    expect(none).toMatchObject({ ok: false, error: { code: 'noneAvailable', params: { asset: 'USDT' } } });
    expect(textOf(none)).toBe('No USDT available');
    expect(v('1', '-3')).toMatchObject({ ok: false, error: { code: 'noneAvailable' } });
  });

  it('passes parse errors through', () => {
    expect(v('1,5', '100')).toMatchObject({ ok: false, error: { code: 'wrongDecimalSeparator' } });
    expect(v('0', '100')).toMatchObject({ ok: false, error: { code: 'zero' } });
    expect(v('1.123456789', '100')).toMatchObject({ ok: false, error: { code: 'tooManyDecimals' } });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const LOCALES = ['en', 'de', 'fr', 'de-CH', 'en-IN', 'es', 'ru', 'ar-EG', 'hi'] as const;

const digitString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

/** A canonical decimal ≥ 0 with at most `maxDecimals` fraction digits, as a string. */
const canonicalDecimal = (maxDecimals: number) =>
  fc
    .tuple(fc.oneof(fc.bigInt(0n, 1000n), fc.bigInt(0n, 10n ** 24n)), digitString(0, maxDecimals))
    .map(([int, frac]) => {
      const f = frac.replace(/0+$/, '');
      return f ? `${int}.${f}` : `${int}`;
    });

const positiveCanonical = (maxDecimals: number) => canonicalDecimal(maxDecimals).filter((s) => s !== '0');

/** Characters that make parsing interesting. */
const TRICKY = [
  ...'0123456789',
  '.',
  ',',
  ' ',
  '\u00A0',
  '\u202F',
  "'",
  '\u2019',
  'e',
  'E',
  '-',
  '+',
  '\u2212',
  '\u0663',
  '\u066B',
  '\u066C',
  '\uFF15',
  '\uFF0E',
  'N',
  'a',
  'I',
  'n',
  'f',
  '\u221E',
  '\u200E',
  '\u00B2',
  '$',
];

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 24 }),
);

describe('properties', () => {
  it('(a) formatted values re-parse to the same canonical value (round trip)', () => {
    fc.assert(
      fc.property(
        positiveCanonical(8),
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (value, locale, minDecimals, grouping) => {
          const shown = formatDecimal(value, { locale, decimals: 8, minDecimals, grouping });
          expect(parseAmount(shown, { locale })).toEqual({ ok: true, value });
          expect(parseAmount(amountInputValue(value, 8, locale), { locale })).toEqual({ ok: true, value });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('(a′) Max fills in a value that validates against that max (lesson 1)', () => {
    fc.assert(
      fc.property(
        canonicalDecimal(12),
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 0, max: 8 }),
        (max, locale, decimals) => {
          const text = amountInputValue(max, decimals, locale);
          const r = validateAmount(text, { locale, decimals, max });
          // hand oracle: the max truncated to `decimals` digits, by string surgery
          const [i, f = ''] = max.split('.');
          const truncated = `${i}.${f.slice(0, decimals)}`.replace(/\.?0*$/, '').replace(/^$/, '0');
          if (new Decimal(truncated).isZero()) {
            expect(r).toMatchObject({ ok: false, error: { code: 'noneAvailable' } });
          } else {
            expect(r).toMatchObject({ ok: true, value: truncated });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('(b) never throws, and never returns anything but a canonical positive decimal', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LOCALES), fc.integer({ min: 0, max: 8 }), (text, locale, decimals) => {
        const r = parseAmount(text, { locale, decimals });
        if (r.ok) {
          expect(r.value).toMatch(CANONICAL);
          expect(r.value).not.toBe('0');
          expect(r.value).not.toMatch(/NaN|Infinity|e/i);
          expect((r.value.split('.')[1] ?? '').length).toBeLessThanOrEqual(decimals);
        } else {
          expect(CODES).toContain(r.error.code);
          expect(amountErrorText(r.error).length).toBeGreaterThan(0);
        }
        const v = validateAmount(text, { locale, decimals, max: '1000' });
        if (v.ok) {
          expect(v.value).toMatch(CANONICAL);
          expect(v.amount.isFinite()).toBe(true);
        } else {
          expect(CODES).toContain(v.error.code);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('(c, d) validateAmount accepts exactly 0 < value ≤ max with ≤ decimals digits', () => {
    const textAndMax = fc.tuple(
      canonicalDecimal(10),
      canonicalDecimal(10),
      fc.integer({ min: 0, max: 8 }),
      fc.constantFrom(...LOCALES),
    );
    fc.assert(
      fc.property(textAndMax, ([value, max, decimals, locale]) => {
        const text = value.replace('.', getLocaleSeparators(locale).decimal);
        const r = validateAmount(text, { locale, decimals, max });
        const amount = new Decimal(value);
        const fractionDigits = (value.split('.')[1] ?? '').length;
        const acceptable = amount.gt(0) && fractionDigits <= decimals && amount.lte(max);
        const roundedMaxIsZero = new Decimal(max).toDecimalPlaces(decimals, Decimal.ROUND_DOWN).isZero();
        if (r.ok) {
          expect(r.amount.gt(0)).toBe(true);
          expect(r.amount.lte(max)).toBe(true);
          expect(r.amount.decimalPlaces()).toBeLessThanOrEqual(decimals);
          expect(r.value).toBe(value);
        }
        expect(r.ok).toBe(acceptable && !roundedMaxIsZero);
        if (!r.ok && roundedMaxIsZero) expect(r.error.code).toBe('noneAvailable');
      }),
      { numRuns: 2000 },
    );
  });

  it('(c) arbitrary text is never accepted above max or with too many decimals', () => {
    fc.assert(
      fc.property(
        anyText,
        canonicalDecimal(10),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...LOCALES),
        (text, max, decimals, locale) => {
          const r = validateAmount(text, { locale, decimals, max });
          if (r.ok) {
            expect(r.amount.gt(0)).toBe(true);
            expect(r.amount.lte(max)).toBe(true);
            expect(r.amount.decimalPlaces()).toBeLessThanOrEqual(decimals);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
