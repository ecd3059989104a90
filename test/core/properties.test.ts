import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedPosition } from '../../src/core/adjustment';
import { Dec } from '../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../src/core/limits';
import { liquidationPrice } from '../../src/core/liquidation';
import { initialMarginAtMark, maintenanceMargin, positionMargin } from '../../src/core/position';
import { decimalString, positionArb } from '../support/arbitraries';

const RUNS = { numRuns: 2000 };

describe('max removable', () => {
  it('is never negative and has at most 8 decimals', () => {
    fc.assert(
      fc.property(positionArb, (p) => {
        const { amount } = maxRemovable(p);
        return amount.gte(0) && amount.decimalPlaces() <= 8;
      }),
      RUNS,
    );
  });

  // An inverse position's PnL divides by prices (1/88 repeats), so a max that lands exactly on a
  // bound is checked to within the 40-digit arithmetic: 1e-30, far below the 8-decimal unit the
  // next test shows to break a bound.
  const ROUNDING = new Dec('1e-30');

  it('removing exactly the max leaves margin ≥ initial margin at mark and wallet ≥ maintenance margin', () => {
    fc.assert(
      fc.property(positionArb, (p) => {
        const { amount } = maxRemovable(p);
        const after = adjustedPosition(p, 'REMOVE', amount);
        const wallet = new Dec(after.isolatedWallet as string | number);
        if (amount.isZero()) return true;
        return (
          positionMargin(after).minus(initialMarginAtMark(after)).gte(ROUNDING.neg()) &&
          wallet.minus(maintenanceMargin(after)).gte(ROUNDING.neg())
        );
      }),
      RUNS,
    );
  });

  it('a max exactly on the initial-margin bound of an inverse short (found by the property above)', () => {
    // 11 contracts of 10 USD short, entry 100, mark 88, 2×, wallet 0.8525 coin. By hand:
    // uPnL = 110 × (1/88 − 1/100) = 1.25 − 1.1 = 0.15; IM at mark = 110 / 88 / 2 = 0.625;
    // margin 0.8525 + 0.15 = 1.0025, so max = 1.0025 − 0.625 = 0.3775, limited by initial margin
    // (the wallet bound, 0.8525 − 0.004 × 1.25 = 0.8475, is looser).
    const p = {
      contractType: 'inverse' as const,
      positionAmt: '-11',
      entryPrice: '100',
      markPrice: '88',
      leverage: '2',
      isolatedWallet: '0.8525',
      contractSize: '10',
      brackets: [
        { notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.004', cum: '0' },
        { notionalFloor: '5', notionalCap: '10', maintMarginRatio: '0.005', cum: '0.005' },
      ],
    };
    const max = maxRemovable(p);
    expect(max.amount.toFixed()).toBe('0.3775');
    expect(max.limitedBy).toBe('initialMargin');
    const after = adjustedPosition(p, 'REMOVE', max.amount);
    expect(positionMargin(after).minus(initialMarginAtMark(after)).abs().lt(ROUNDING)).toBe(true);
  });

  it('one smallest unit above the max breaks a bound (the max is not lower than it has to be)', () => {
    fc.assert(
      fc.property(positionArb, (p) => {
        const { amount } = maxRemovable(p);
        const over = adjustedPosition(p, 'REMOVE', amount.plus('0.00000001'));
        const wallet = new Dec(over.isolatedWallet as string | number);
        return positionMargin(over).lt(initialMarginAtMark(over)) || wallet.lt(maintenanceMargin(over));
      }),
      RUNS,
    );
  });
});

describe('liquidation price', () => {
  it('at the liquidation price the margin balance equals the maintenance margin', () => {
    fc.assert(
      fc.property(positionArb, (p) => {
        const lp = liquidationPrice(p);
        if (lp === null) return true;
        const atLp = { ...p, markPrice: lp };
        const gap = positionMargin(atLp).minus(maintenanceMargin(atLp)).abs();
        return gap.lte(new Dec('1e-20').times(positionMargin(atLp).abs().plus(1)));
      }),
      RUNS,
    );
  });

  it('adding margin never moves it toward the mark price; removing never moves it away', () => {
    fc.assert(
      fc.property(positionArb, decimalString(0.00000001, 5000, 8), (p, amount) => {
        const long = !String(p.positionAmt).startsWith('-');
        const before = liquidationPrice(p);
        const added = liquidationPrice(adjustedPosition(p, 'ADD', amount));
        // Further from the mark: lower for a long, higher for a short; "none" is the furthest.
        const further = (a: typeof before, b: typeof before) =>
          a === null || (b !== null && (long ? a.lte(b) : a.gte(b)));
        if (!further(added, before)) return false;
        const removable = maxRemovable(p).amount;
        const removeAmount = Dec.min(removable, new Dec(amount));
        const removed = liquidationPrice(adjustedPosition(p, 'REMOVE', removeAmount));
        return further(before, removed);
      }),
      RUNS,
    );
  });

  it('does not depend on the mark price', () => {
    fc.assert(
      fc.property(positionArb, decimalString(1, 200000, 2), (p, mark) => {
        const a = liquidationPrice(p);
        const b = liquidationPrice({ ...p, markPrice: mark } as typeof p);
        return (a === null && b === null) || (a !== null && b !== null && a.eq(b));
      }),
      RUNS,
    );
  });
});

describe('max addable', () => {
  it('is never negative, never above the cross wallet net of reservations, 8 decimals at most', () => {
    const cross = fc.record({
      crossWalletBalance: decimalString(0, 1e6, 8),
      crossUnrealizedPnl: decimalString(-1e5, 1e5, 8),
      crossInitialMargin: decimalString(0, 1e5, 8),
      crossMaintMargin: decimalString(0, 1e4, 8),
      isolatedOpenOrderInitialMargin: decimalString(0, 1e4, 8),
    });
    fc.assert(
      fc.property(cross, (c) => {
        const m = maxAddable(c);
        const cap = new Dec(c.crossWalletBalance).minus(c.isolatedOpenOrderInitialMargin).minus(c.crossMaintMargin);
        expect(m.gte(0)).toBe(true);
        expect(m.lte(Dec.max(0, cap))).toBe(true);
        expect(m.decimalPlaces()).toBeLessThanOrEqual(8);
      }),
      RUNS,
    );
  });
});
