import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../../src/core/limits';
import { crossInputFor, toPositionInput } from '../../../src/data/account';
import { defaultScenario, validateState } from '../../../src/data/simulated';

describe('default scenario', () => {
  const state = defaultScenario();
  const { account } = state;
  const ps = account.positions;

  it('is a valid, JSON-serialisable state', () => {
    expect(() => validateState(state)).not.toThrow();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('has linear and inverse positions, long and short, isolated and cross', () => {
    const kinds = new Set(ps.map((p) => `${p.contractType}/${new Dec(p.positionAmt).isNegative() ? 'short' : 'long'}`));
    expect(kinds).toEqual(new Set(['linear/long', 'linear/short', 'inverse/long', 'inverse/short']));
    expect(ps.some((p) => p.marginType === 'cross')).toBe(true);
    expect(ps.some((p) => p.marginType === 'isolated')).toBe(true);
  });

  it('has a hedge pair (LONG and SHORT of one symbol) and one-way positions', () => {
    const eth = ps.filter((p) => p.symbol === 'ETHUSDT');
    expect(eth.map((p) => p.positionSide).sort()).toEqual(['LONG', 'SHORT']);
    expect(eth.every((p) => p.marginType === 'isolated')).toBe(true);
    expect(ps.some((p) => p.positionSide === 'BOTH')).toBe(true);
  });

  it('uses the agreed precisions', () => {
    const precision = (s: string) => ps.find((p) => p.symbol === s)!.pricePrecision;
    expect([precision('BTCUSDT'), precision('ETHUSDT'), precision('BTCUSD_PERP'), precision('ETHUSD_PERP')]).toEqual([
      2, 2, 1, 2,
    ]);
    expect(ps.every((p) => p.marginAssetPrecision === 8)).toBe(true);
    for (const p of ps) expect(state.markets[p.symbol]!.pricePrecision).toBe(p.pricePrecision);
  });

  it('has isolated open-order initial margin > 0', () => {
    expect(ps.some((p) => p.marginType === 'isolated' && new Dec(p.openOrderInitialMargin).gt(0))).toBe(true);
  });

  it.each(['USDT', 'BTC', 'ETH'])('%s: every cross term is non-zero and both limits are positive', (asset) => {
    const cross = crossInputFor(account, asset);
    for (const v of [
      cross.crossWalletBalance,
      cross.crossUnrealizedPnl,
      cross.crossInitialMargin,
      cross.crossMaintMargin,
      cross.isolatedOpenOrderInitialMargin,
    ]) {
      expect(new Dec(v).isZero()).toBe(false);
    }
    expect(maxAddable(cross).gt(0)).toBe(true);
    for (const p of ps.filter((q) => q.marginAsset === asset && q.marginType === 'isolated')) {
      expect(maxRemovable(toPositionInput(p)).amount.gt(0)).toBe(true);
    }
  });

  it('has positions in profit and in loss', () => {
    const cross = ['USDT', 'BTC', 'ETH'].map((a) => new Dec(crossInputFor(account, a).crossUnrealizedPnl));
    expect(cross.some((v) => v.gt(0))).toBe(true);
    expect(cross.some((v) => v.lt(0))).toBe(true);
  });

  it('gives a fresh object on each call', () => {
    const a = defaultScenario();
    (a.account.positions[0]!.brackets[0] as { cum: string }).cum = '999';
    expect(defaultScenario().account.positions[0]!.brackets[0]!.cum).toBe('0');
  });
});
