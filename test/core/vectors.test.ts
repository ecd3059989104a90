import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { availableForOrder, crossMaxWithdrawal, maxAddable, maxRemovable } from '../../src/core/limits';
import { liquidationPrice } from '../../src/core/liquidation';
import { maintenanceMargin } from '../../src/core/position';
import { adjustedPosition } from '../../src/core/adjustment';
import { positionOf, vectors } from '../support/vectors';

/** The vectors' convention: half-up to 8 dp, as a fixed string. */
const dp8 = (d: { toDecimalPlaces: (n: number, r: number) => { toFixed: (n: number) => string } }) =>
  d.toDecimalPlaces(8, Dec.ROUND_HALF_UP).toFixed(8);

describe('isolated vectors (test/fixtures/vectors.json)', () => {
  it('covers linear and inverse, long and short', () => {
    const kinds = new Set(
      vectors.isolated.map((v) => `${v.contractType}:${v.positionAmt.startsWith('-') ? 'short' : 'long'}`),
    );
    expect(kinds).toEqual(new Set(['linear:long', 'linear:short', 'inverse:long', 'inverse:short']));
  });

  describe.each(vectors.isolated.map((v) => [`${v.id} ${v.note}`, v] as const))('%s', (_name, v) => {
    const position = positionOf(v);

    it('maintenance margin', () => {
      expect(dp8(maintenanceMargin(position))).toBe(v.expect.maintMargin);
    });

    it('both removal terms, the max removable rounded down, and the binding bound', () => {
      const r = maxRemovable(position);
      expect(dp8(r.maintenanceTerm)).toBe(v.expect.removeTermMaintenance);
      expect(dp8(r.initialTerm)).toBe(v.expect.removeTermInitial);
      expect(r.amount.toFixed(8)).toBe(v.expect.maxRemovable);
      const binding = new Dec(v.expect.removeTermMaintenance).lte(new Dec(v.expect.removeTermInitial))
        ? 'maintenanceMargin'
        : 'initialMargin';
      expect(r.limitedBy).toBe(binding);
    });

    it('liquidation price now', () => {
      const lp = liquidationPrice(position);
      expect(lp === null ? null : dp8(lp)).toBe(v.expect.liquidationPrice);
    });

    it('liquidation price after removing the max', () => {
      const after = adjustedPosition(position, 'REMOVE', v.expect.maxRemovable);
      const lp = liquidationPrice(after);
      expect(lp === null ? null : dp8(lp)).toBe(v.expect.liquidationPriceAfterMaxRemove);
    });
  });
});

describe('cross vectors (test/fixtures/vectors.json)', () => {
  it.each(vectors.cross.map((v) => [`${v.id} ${v.note}`, v] as const))('%s', (_name, v) => {
    expect(availableForOrder(v).toFixed(8)).toBe(v.expect.availableForOrder);
    expect(maxAddable(v).toFixed(8)).toBe(v.expect.maxAddable);
    expect(crossMaxWithdrawal(v).toFixed(8)).toBe(v.expect.crossMaxWithdrawal);
  });
});

describe('liquidation price edge cases derived by hand', () => {
  const oneBracket = [{ notionalFloor: '0', notionalCap: '1000000', maintMarginRatio: '0.01', cum: '0' }];

  it('a USDⓈ-M long whose wallet covers the whole entry value has none', () => {
    // LP = (WB − Q·EP) / (Q·MMR − Q) = (1000 − 1·1000) / (0.01 − 1) = 0 → none.
    const p = {
      contractType: 'linear' as const,
      positionAmt: '1',
      entryPrice: '1000',
      isolatedWallet: '1000',
      brackets: oneBracket,
    };
    expect(liquidationPrice(p)).toBeNull();
    expect(liquidationPrice({ ...p, isolatedWallet: '1500' })).toBeNull();
  });

  it('a COIN-M short whose wallet covers the whole position has none', () => {
    // Q·CS/EP = 10·10/1000 = 0.1 coin; with WB = 0.1 the denominator WB − 0.1 = 0 → none.
    const p = {
      contractType: 'inverse' as const,
      positionAmt: '-10',
      entryPrice: '1000',
      contractSize: '10',
      isolatedWallet: '0.1',
      brackets: oneBracket,
    };
    expect(liquidationPrice(p)).toBeNull();
    expect(liquidationPrice({ ...p, isolatedWallet: '0.2' })).toBeNull();
    // WB = 0.05: LP = 100·(0.01 − 1) / (0.05 − 0.1) = −99 / −0.05 = 1980.
    expect(liquidationPrice({ ...p, isolatedWallet: '0.05' })?.toFixed()).toBe('1980');
  });

  it('a USDⓈ-M short: LP = (WB + Q·EP) / (Q·MMR + Q)', () => {
    // (100 + 2·1000) / (2·0.01 + 2) = 2100 / 2.02
    const p = {
      contractType: 'linear' as const,
      positionAmt: '-2',
      entryPrice: '1000',
      isolatedWallet: '100',
      brackets: oneBracket,
    };
    expect(liquidationPrice(p)?.toFixed(10)).toBe(new Dec(2100).div('2.02').toFixed(10));
  });
});
