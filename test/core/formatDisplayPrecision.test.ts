import { describe, expect, it } from 'vitest';
import { assetAmountText, assetDisplayDecimals } from '../../src/core/displayPrecision';
import { formatLeverage } from '../../src/core/format';

/** The fraction digits of a shown figure ("9,251.58 USDT" → 2, "62,000" → 0). */
const decimalsOf = (text: string): number => /[.,](\d+)(?:\D*)$/.exec(text)?.[1]?.length ?? 0;

describe('display precision policy: fixed per asset, never per value', () => {
  it.each([
    ['USDT', 8, 2],
    ['USDC', 8, 2],
    ['BTC', 8, 8],
    // A source that gives the asset 6 decimals: every one of them is shown.
    ['ETH', 6, 6],
    // Never more decimals than the asset's amounts may have.
    ['USDT', 1, 1],
  ])('%s with precision %i shows %i decimals', (asset, precision, expected) => {
    expect(assetDisplayDecimals(asset, precision)).toBe(expected);
  });

  it('USDT: the max removable of four successive ticks keeps 2 decimals, rounded down', () => {
    const text = assetAmountText('USDT', 8, 'en');
    // The readings, by hand: cut (not rounded) after the cents, trailing zeros kept.
    const shown = ['899.271', '897.5745', '898.92', '900.189', '899.2'].map((v) => text.amount(v));
    expect(shown).toEqual(['899.27 USDT', '897.57 USDT', '898.92 USDT', '900.18 USDT', '899.20 USDT']);
    expect(new Set(shown.map(decimalsOf))).toEqual(new Set([2]));
  });

  it('a limit is never shown above what is available: 9,251.589999 reads 9,251.58, not 9,251.59', () => {
    expect(assetAmountText('USDT', 8, 'en').amount('9251.589999')).toBe('9,251.58 USDT');
  });

  it('one row never mixes precisions: margin before and after both in cents', () => {
    const text = assetAmountText('USDT', 8, 'en');
    expect(`${text.amount('3999.19')} → ${text.amount('3099.919')}`).toBe('3,999.19 USDT → 3,099.91 USDT');
  });

  it('BTC (COIN-M): 8 decimals, as the positions table shows them', () => {
    const text = assetAmountText('BTC', 8, 'en');
    expect(text.amount('0.0021504')).toBe('0.00215040 BTC');
    expect(text.amount('0.0037855')).toBe('0.00378550 BTC');
  });

  it('a source-given precision: ETH at 6 decimals, rounded down', () => {
    expect(assetAmountText('ETH', 6, 'en').amount('0.1234567')).toBe('0.123456 ETH');
  });

  it('the exact limit: every decimal of the precision, rounded down (what Max fills in)', () => {
    const text = assetAmountText('USDT', 8, 'en');
    expect(text.exact('899.271234569')).toBe('899.27123456 USDT');
    expect(text.exact('900')).toBe('900.00000000 USDT');
  });

  it('an entered amount keeps every decimal typed, at least the display decimals', () => {
    const text = assetAmountText('USDT', 8, 'en');
    expect(text.entered('200')).toBe('200.00 USDT');
    expect(text.entered('200.125')).toBe('200.125 USDT');
  });

  it("in the locale's separators: de-DE writes 9251.58 as 9.251,58", () => {
    const text = assetAmountText('USDT', 8, 'de-DE');
    expect(text.number('9251.58')).toBe('9.251,58');
    expect(text.amount('9251.58')).toBe('9.251,58 USDT');
  });

  it('unknown is a dash, without the asset', () => {
    expect(assetAmountText('USDT', 8, 'en').amount(null)).toBe('\u2014');
  });

  it('effective leverage with minDecimals 2 keeps its width: 7.8 reads 7.80×, 10 reads 10.00×', () => {
    expect(formatLeverage('7.8', { locale: 'en', minDecimals: 2 })).toBe('7.80×');
    expect(formatLeverage('10', { locale: 'en', minDecimals: 2 })).toBe('10.00×');
    expect(formatLeverage('10', { locale: 'en' })).toBe('10×');
  });
});
