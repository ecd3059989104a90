import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/core/amount';
import { amountInputValue, formatAmount } from '../../src/core/format';
import { localeDirection } from '../../src/core/locale';
import { ar } from '../../src/locales/ar';
import { zhCN } from '../../src/locales/zh-CN';

const parsed = (text: string, locale: string) => {
  const r = parseAmount(text, { locale, decimals: 8 });
  return r.ok ? r.value : r.error.code;
};

describe('amounts in the locales', () => {
  // "ar" is written with Latin digits by Intl (CLDR's default numbering system for "ar", as on
  // Binance's Arabic pages); "ar-EG" keeps Arabic-Indic digits (١٢٣) and separators (٫ ٬).
  it.each([ar.locale, zhCN.locale, 'ar-EG'])('%s: what Max writes reads back as the same amount', (locale) => {
    for (const [value, canonical] of [
      ['1234.567891239', '1234.56789123'],
      ['10000', '10000'],
      ['0.00000001', '0.00000001'],
    ] as const) {
      expect(parsed(amountInputValue(value, 8, locale), locale)).toBe(canonical);
    }
  });

  it.each([ar.locale, zhCN.locale, 'ar-EG'])('%s: a figure as shown, grouping included, reads back', (locale) => {
    const shown = formatAmount('1234567.25', { locale, decimals: 2 });
    expect(parsed(shown, locale)).toBe('1234567.25');
  });

  it('Arabic-Indic digits typed in "ar" read as the same amount as Latin ones', () => {
    expect(parsed('١٢٣٤.٥', ar.locale)).toBe('1234.5');
    expect(parsed('1,234.5', ar.locale)).toBe('1234.5');
  });

  it('ar-EG: typed with its own separators, in either digits', () => {
    expect(parsed('١٬٢٣٤٫٥', 'ar-EG')).toBe('1234.5');
    expect(parsed('1234٫5', 'ar-EG')).toBe('1234.5');
  });
});

describe('localeDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['ar-Latn', 'ltr'],
    ['zh-CN', 'ltr'],
    ['en', 'ltr'],
  ])('%s is written %s', (locale, dir) => {
    expect(localeDirection(locale)).toBe(dir);
  });

  it('leaves the direction to the page without a usable tag', () => {
    expect(localeDirection(undefined)).toBeUndefined();
    expect(localeDirection('not a tag!')).toBeUndefined();
  });
});
