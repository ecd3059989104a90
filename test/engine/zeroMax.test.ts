/**
 * A max of 0 says which bound makes it 0 (the 'noneAvailable' error's `bound` param, and its
 * sentence). Positions by hand, BTCUSDT linear, 1 BTC, leverage 20; every notional here is in the
 * second bracket (≥ 50,000: MMR 0.5 %, cum 50): IM at mark = MP / 20, MM = MP × 0.005 − 50,
 * uPnL = MP − EP.
 */
import { describe, expect, it } from 'vitest';
import { validateFor } from '../../src/engine/adjustMarginForm';
import { amountErrorText } from '../../src/ui/messages';
import { accountOf, btcLong } from '../support/fakeSource';
import { computeMarginLimits } from '../support/oracle';

function zeroMaxError(
  mode: 'ADD' | 'REMOVE',
  over: { entryPrice: string; markPrice: string; isolatedWallet: string },
  cross = '10000',
) {
  const position = btcLong({ positionAmt: '1', leverage: '20', ...over });
  const limits = computeMarginLimits(accountOf([position], cross), position, { BTCUSDT: over.markPrice });
  const result = validateFor('', mode, limits, { locale: 'en' });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('a max of 0 names the bound that makes it 0', () => {
  it('Remove, maintenance bound: in profit, the wallet alone is at the maintenance margin', () => {
    // MP 70,000: MM = 300, IM = 3,500, uPnL = +10,000. Wallet 300: 300 − 300 = 0 beside
    // 300 + 10,000 − 3,500 = 6,800: the maintenance term binds at 0; the profit does not count.
    const error = zeroMaxError('REMOVE', { entryPrice: '60000', markPrice: '70000', isolatedWallet: '300' });
    expect(error).toMatchObject({ code: 'noneAvailable', params: { bound: 'maintenanceMargin' } });
    expect(amountErrorText(error)).toBe('No USDT available: the isolated wallet is at the maintenance margin');
  });

  it('Remove, initial-margin bound: flat, the wallet just covers the initial margin at the mark', () => {
    // MP = EP = 60,000: IM = 3,000, uPnL = 0. Wallet 3,000: 3,000 + 0 − 3,000 = 0 (MM term 2,750).
    const error = zeroMaxError('REMOVE', { entryPrice: '60000', markPrice: '60000', isolatedWallet: '3000' });
    expect(error.params.bound).toBe('initialMargin');
    expect(amountErrorText(error)).toBe(
      'No USDT available: the margin balance only covers the initial margin at the mark price',
    );
  });

  it('Remove, the unrealized loss: the wallet is above the initial margin, the loss takes the rest', () => {
    // MP 58,000: IM = 2,900, uPnL = −2,000, MM = 240. Wallet 3,000: 3,000 − 2,000 − 2,900 = −1,900
    // → 0 (MM term 2,760), while 3,000 − 2,900 = 100 > 0 without the loss.
    const error = zeroMaxError('REMOVE', { entryPrice: '60000', markPrice: '58000', isolatedWallet: '3000' });
    expect(error.params.bound).toBe('unrealizedLoss');
    expect(amountErrorText(error)).toBe(
      'No USDT available: the unrealized loss uses up the margin above the initial margin',
    );
  });

  it('Add: the cross wallet has no available balance', () => {
    const error = zeroMaxError('ADD', { entryPrice: '60000', markPrice: '60000', isolatedWallet: '3000' }, '0');
    expect(error.params.bound).toBe('availableBalance');
    expect(amountErrorText(error)).toBe('No USDT available: the cross wallet has no available balance');
  });

  it('a max above 0 has no bound param, and an unknown bound reads plainly', () => {
    const position = btcLong();
    const limits = computeMarginLimits(accountOf([position]), position, { BTCUSDT: '62000' });
    const result = validateFor('', 'REMOVE', limits, { locale: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(amountErrorText({ code: 'noneAvailable', params: { asset: 'USDT', bound: 'toString' } })).toBe(
      'No USDT available',
    );
  });
});
