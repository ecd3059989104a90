import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  NO_VALUE,
  amountInputValue,
  canonical,
  formatAmount,
  formatDecimal,
  formatLeverage,
  formatPercent,
  formatLiquidationPrice,
  formatPrice,
  type FormatDecimalOptions,
} from '../../src/core/format';
import { roundDown, roundHalfUp } from '../../src/core/rounding';
import { parseAmount } from '../../src/core/amount';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('rounding and canonical', () => {
  it.each([
    ['1.239', 2, '1.23'],
    ['1.999999999', 8, '1.99999999'],
    ['-1.239', 2, '-1.23'],
    ['5', 2, '5'],
    ['0.009', 2, '0'],
  ])('roundDown(%s, %i) = %s', (value, decimals, expected) => {
    expect(roundDown(value, decimals).toFixed()).toBe(expected);
  });

  it.each([
    ['1.005', 2, '1.01'],
    ['1.0049', 2, '1'],
    ['-1.005', 2, '-1.01'],
    ['2.5', 0, '3'],
    ['0.123456785', 8, '0.12345679'],
  ])('roundHalfUp(%s, %i) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals).toFixed()).toBe(expected);
  });

  it('rounds decimal strings exactly, where floats would not (1.005 is 1.00499… as a double)', () => {
    expect(roundHalfUp('1.005', 2).toFixed()).toBe('1.01');
    expect(roundDown('0.3', 1).toFixed()).toBe('0.3');
  });

  it.each<[string | number, string]>([
    ['1.500', '1.5'],
    ['0012.3400', '12.34'],
    ['1e-9', '0.000000001'],
    ['1e25', '10000000000000000000000000'],
    ['-0', '0'],
    ['-0.00', '0'],
    [0.1, '0.1'],
    ['-2.50', '-2.5'],
    ['12345678901234567890.12345678', '12345678901234567890.12345678'],
  ])('canonical(%j) = %s', (value, expected) => {
    expect(canonical(value)).toBe(expected);
  });

  it('canonical throws on what is not a finite number', () => {
    expect(() => canonical('abc')).toThrow();
    expect(() => canonical(Number.NaN)).toThrow();
    expect(() => canonical('Infinity')).toThrow();
  });
});

describe('formatDecimal', () => {
  it.each<[string, FormatDecimalOptions, string]>([
    ['1234.565', { locale: 'en', decimals: 2 }, '1,234.57'],
    ['1234.565', { locale: 'de', decimals: 2 }, '1.234,57'],
    ['1234.565', { locale: 'fr', decimals: 2 }, `1${NNBSP}234,57`],
    ['1234.565', { locale: 'en', decimals: 2, rounding: 'down' }, '1,234.56'],
    ['1234.565', { locale: 'en', decimals: 2, grouping: false }, '1234.57'],
    ['1234.5', { locale: 'en', decimals: 8 }, '1,234.50000000'],
    ['1234.5', { locale: 'en', decimals: 8, minDecimals: 0 }, '1,234.5'],
    ['1234.5', { locale: 'en', decimals: 8, minDecimals: 2 }, '1,234.50'],
    ['1234', { locale: 'en', decimals: 8, minDecimals: 0 }, '1,234'],
    ['0.999', { locale: 'en', decimals: 2 }, '1.00'],
    ['0.999', { locale: 'en', decimals: 2, rounding: 'down' }, '0.99'],
    ['-1234.5', { locale: 'en', decimals: 2 }, '-1,234.50'],
    ['-0.001', { locale: 'en', decimals: 2 }, '0.00'], // never "-0.00"
    ['-0.001', { locale: 'en', decimals: 2, rounding: 'down' }, '0.00'],
    ['12345678901234567890.12345678', { locale: 'en', decimals: 8 }, '12,345,678,901,234,567,890.12345678'],
    ['9007199254740993', { locale: 'en', decimals: 0 }, '9,007,199,254,740,993'],
    ['0.12345678901234567891', { locale: 'en', decimals: 20 }, '0.12345678901234567891'],
    // the locale's own grouping rules
    ['1234.5', { locale: 'es', decimals: 1 }, '1234,5'],
    ['12345.5', { locale: 'es', decimals: 1 }, '12.345,5'],
    ['1234567.5', { locale: 'en-IN', decimals: 1 }, '12,34,567.5'],
    ['1234.5', { locale: 'ar-EG', decimals: 1 }, '\u0661\u066C\u0662\u0663\u0664\u066B\u0665'],
  ])('%s %j → %j', (value, options, expected) => {
    expect(formatDecimal(value, options)).toBe(expected);
  });

  it('accepts numbers and Decimals', () => {
    expect(formatDecimal(0.1, { locale: 'en', decimals: 2 })).toBe('0.10');
    expect(formatDecimal(roundDown('2.5', 0), { locale: 'en', decimals: 0 })).toBe('2');
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 'abc', ''])(
    'unknown %j renders "—", never "0"',
    (value) => {
      expect(formatDecimal(value as string | null | undefined, { locale: 'en', decimals: 2 })).toBe(NO_VALUE);
      expect(NO_VALUE).toBe('\u2014');
    },
  );

  it('rejects malformed digit counts', () => {
    expect(() => formatDecimal('1', { decimals: -1 })).toThrow(RangeError);
    expect(() => formatDecimal('1', { decimals: 101 })).toThrow(RangeError);
    expect(() => formatDecimal('1', { decimals: 1.5 })).toThrow(RangeError);
  });

  it('formats decimal strings exactly on this runtime (Intl.NumberFormat v3)', () => {
    expect(
      new Intl.NumberFormat('en', { maximumFractionDigits: 8 }).format('12345678901234.12345678' as unknown as number),
    ).toBe('12,345,678,901,234.12345678');
    // 20 integer digits and 8 decimals: more than a float holds (about 17 significant digits).
    expect(formatDecimal('12345678901234567890.12345678', { locale: 'en', decimals: 8 })).toBe(
      '12,345,678,901,234,567,890.12345678',
    );
  });
});

/**
 * Intl.NumberFormat as in a runtime before NumberFormat v3 (e.g. Safari < 15.4): `format` turns a
 * string into a float first, so digits past a float's precision are lost.
 */
class NumberFormatWithoutStrings extends Intl.NumberFormat {
  format(value: number | bigint | string): string {
    return super.format(typeof value === 'string' ? Number(value) : value);
  }
}

/** The global Intl of such a runtime. */
const INTL_WITHOUT_STRINGS = Object.create(Intl, {
  NumberFormat: { value: NumberFormatWithoutStrings },
}) as typeof Intl;

describe('formatDecimal where Intl.NumberFormat cannot format decimal strings', () => {
  // formatDecimal of the module loaded afresh, and called, under that Intl: it must find at load that it
  // has to render the integer part as a BigInt and join the fraction digits itself, and give the same
  // text as Intl v3. The stand-in is the global Intl only during the load and those calls, so the
  // module the other tests use never caches a formatter of it.
  let formatWithoutStrings: typeof formatDecimal;
  beforeAll(async () => {
    vi.stubGlobal('Intl', INTL_WITHOUT_STRINGS);
    try {
      vi.resetModules();
      const loaded = (await import('../../src/core/format')).formatDecimal;
      formatWithoutStrings = (value, options) => {
        vi.stubGlobal('Intl', INTL_WITHOUT_STRINGS);
        try {
          return loaded(value, options);
        } finally {
          vi.unstubAllGlobals();
        }
      };
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the stand-in Intl loses digits of a decimal string, as such a runtime does', () => {
    const text = new NumberFormatWithoutStrings('en', { maximumFractionDigits: 8 }).format('12345678901234.12345678');
    expect(text).not.toBe('12,345,678,901,234.12345678');
  });

  it('gives the same text as Intl v3', () => {
    const locales = ['en', 'de', 'fr', 'de-CH', 'en-IN', 'es', 'ar-EG', 'hi', 'ru'];
    const value = fc
      .tuple(
        fc.boolean(),
        fc.bigInt(0n, 10n ** 22n),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 }),
      )
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(...locales),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.constantFrom<'down' | 'halfUp'>('down', 'halfUp'),
        (v, locale, decimals, minDecimals, grouping, rounding) => {
          const options = { locale, decimals, minDecimals, grouping, rounding };
          expect(formatWithoutStrings(v, options)).toBe(formatDecimal(v, options));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('by hand', () => {
    const f = formatWithoutStrings;
    expect(f('12345678901234567890.12345678', { locale: 'en', decimals: 8 })).toBe(
      '12,345,678,901,234,567,890.12345678',
    );
    expect(f('-1234.5', { locale: 'de', decimals: 2 })).toBe('-1.234,50');
    expect(f('-0.5', { locale: 'en', decimals: 1 })).toBe('-0.5');
    expect(f('7', { locale: 'en', decimals: 2, minDecimals: 0 })).toBe('7');
  });
});

describe('formatAmount', () => {
  it('rounds down, never showing more than there is', () => {
    expect(formatAmount('1234.567891239', { locale: 'en', decimals: 8, asset: 'USDT' })).toBe('1,234.56789123 USDT');
    expect(formatAmount('0.999999999', { locale: 'en', decimals: 8 })).toBe('0.99999999');
    expect(formatAmount('0.999', { locale: 'en', decimals: 2, asset: 'USDT' })).toBe('0.99 USDT');
    expect(formatAmount('1234.5', { locale: 'de', decimals: 2, asset: 'USDC' })).toBe('1.234,50 USDC');
    expect(formatAmount('1234.5', { locale: 'en', decimals: 8, minDecimals: 0, asset: 'BTC' })).toBe('1,234.5 BTC');
  });

  it('unknown → "—" without the asset', () => {
    expect(formatAmount(null, { locale: 'en', decimals: 8, asset: 'USDT' })).toBe(NO_VALUE);
  });
});

describe('formatPrice', () => {
  it.each([
    ['64999.995', 'de', 2, '65.000,00'],
    ['64999.994', 'en', 2, '64,999.99'],
    ['0.05', 'en', 1, '0.1'],
    ['0.00012345', 'en', 7, '0.0001235'],
    ['3000', 'en', 2, '3,000.00'],
    ['3000.4', 'en', 0, '3,000'],
  ])('%s in %s at %i → %s', (value, locale, pricePrecision, expected) => {
    expect(formatPrice(value, { locale, pricePrecision })).toBe(expected);
  });

  it('unknown → "—"', () => {
    expect(formatPrice(null, { locale: 'en', pricePrecision: 2 })).toBe(NO_VALUE);
    expect(formatPrice(undefined, { locale: 'en', pricePrecision: 2 })).toBe(NO_VALUE);
  });
});

describe('formatLiquidationPrice', () => {
  // The spec: LP shown at the symbol's precision, rounded toward the mark, never farther from it.
  it("rounds a long's liquidation price up (its mark is above it)", () => {
    // V1: (3000 − 30000) / (0.5 · 0.004 − 0.5) = 54216.8674… → 54,216.87; 54216.861 → 54,216.87 (half up: .86).
    expect(formatLiquidationPrice('54216.8674698795', { locale: 'en', pricePrecision: 2, direction: 'long' })).toBe(
      '54,216.87',
    );
    expect(formatLiquidationPrice('54216.861', { locale: 'en', pricePrecision: 2, direction: 'long' })).toBe(
      '54,216.87',
    );
  });

  it("rounds a short's liquidation price down (its mark is below it)", () => {
    expect(formatLiquidationPrice('68699.09', { locale: 'en', pricePrecision: 1, direction: 'short' })).toBe(
      '68,699.0',
    );
    expect(formatLiquidationPrice('3318.439', { locale: 'de', pricePrecision: 2, direction: 'short' })).toBe(
      '3.318,43',
    );
  });

  it('leaves an exact price alone and shows none as the no-value mark', () => {
    expect(formatLiquidationPrice('100.50', { locale: 'en', pricePrecision: 2, direction: 'long' })).toBe('100.50');
    expect(formatLiquidationPrice(null, { locale: 'en', pricePrecision: 2, direction: 'short' })).toBe(NO_VALUE);
  });
});

describe('formatPercent', () => {
  it.each<[string, string | undefined, number | undefined, string]>([
    ['0.1234', 'en', undefined, '12.34%'],
    ['0.1234', 'de', undefined, `12,34${NBSP}%`],
    ['0.00125', 'en', undefined, '0.13%'],
    ['-0.5', 'en', undefined, '-50.00%'],
    ['0.125', 'en', 0, '13%'],
    ['1', 'en', 1, '100.0%'],
    ['0.1234', 'tr', undefined, '%12,34'],
    ['-0.00001', 'en', undefined, '0.00%'],
  ])('%s in %s (decimals %j) → %j', (value, locale, decimals, expected) => {
    expect(formatPercent(value, { locale, decimals })).toBe(expected);
  });

  it('unknown → "—"', () => {
    expect(formatPercent(null, { locale: 'en' })).toBe(NO_VALUE);
  });
});

describe('formatLeverage', () => {
  it.each([
    ['12.345', 'en', '12.35×'],
    ['12.344', 'en', '12.34×'],
    ['10', 'en', '10×'],
    ['12.5', 'en', '12.5×'],
    ['12.345', 'de', '12,35×'],
    ['1250.5', 'en', '1,250.5×'],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatLeverage(value, { locale })).toBe(expected);
  });

  it('unknown → "—", never "0×"', () => {
    expect(formatLeverage(null, { locale: 'en' })).toBe(NO_VALUE);
    expect(formatLeverage(undefined)).toBe(NO_VALUE);
  });
});

describe('amountInputValue', () => {
  it.each<[string, number, string | undefined, string]>([
    ['1234.567891239', 8, 'en', '1234.56789123'],
    ['1234.567891239', 8, 'de', '1234,56789123'],
    ['1234.5', 8, 'fr', '1234,5'],
    ['100.10000000', 8, 'en', '100.1'],
    ['1234567.99', 0, 'en', '1234567'],
    ['0.000000009', 8, 'en', '0'],
    ['12345678901234567890.123456789', 8, 'en', '12345678901234567890.12345678'],
    ['1234.5', 8, 'ar-EG', '\u0661\u0662\u0663\u0664\u066B\u0665'],
  ])('%s at %i decimals in %s → %j', (value, decimals, locale, expected) => {
    expect(amountInputValue(value, decimals, locale)).toBe(expected);
  });

  it('re-parses exactly, with grouping-free output even in grouping locales', () => {
    expect(parseAmount(amountInputValue('1234567.5', 8, 'de'), { locale: 'de' })).toEqual({
      ok: true,
      value: '1234567.5',
    });
    expect(parseAmount(amountInputValue('1234567.5', 8, 'en-IN'), { locale: 'en-IN' })).toEqual({
      ok: true,
      value: '1234567.5',
    });
  });

  it('unknown → empty field', () => {
    expect(amountInputValue(null, 8, 'en')).toBe('');
  });
});
