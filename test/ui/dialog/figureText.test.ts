import { describe, expect, it } from 'vitest';
import { validateAmount } from '../../../src/core/amount';
import { figureText, localizedAmountError } from '../../../src/ui/dialog/figureText';
import { amountErrorText } from '../../../src/ui/messages';
import { btcLong } from '../../support/fakeSource';

describe("the dialog's figures", () => {
  it('prices at the symbol’s price precision, whatever the value', () => {
    const text = figureText(btcLong({ pricePrecision: 1 }), 'en');
    expect([text.price('62000'), text.price('62000.25'), text.price('61999.9')]).toEqual([
      '62,000.0',
      '62,000.3',
      '61,999.9',
    ]);
  });

  it('an over-limit error writes the limit in the locale, as the limit line shows it (de-DE: 9.251,58)', () => {
    const text = figureText(btcLong(), 'de-DE');
    const result = validateAmount('9300', { locale: 'de-DE', decimals: 8, asset: 'USDT', max: '9251.58123' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(amountErrorText(localizedAmountError(result.error, text))).toBe('Enter at most 9.251,58 USDT');
    expect(text.amount('9251.58123')).toBe('9.251,58 USDT');
  });

  it('an over-limit error in en has its thousands separator: 9,251.58', () => {
    const text = figureText(btcLong(), 'en');
    const result = validateAmount('9300', { locale: 'en', decimals: 8, asset: 'USDT', max: '9251.58' });
    if (result.ok) throw new Error('expected an error');
    expect(amountErrorText(localizedAmountError(result.error, text))).toBe('Enter at most 9,251.58 USDT');
  });

  it('too many decimals: the count in the locale, the plural still right', () => {
    const text = figureText(btcLong(), 'en');
    const result = validateAmount('1.123456789', { locale: 'en', decimals: 8, asset: 'USDT', max: '100' });
    if (result.ok) throw new Error('expected an error');
    expect(amountErrorText(localizedAmountError(result.error, text))).toBe('At most 8 decimal places for USDT');
  });
});
