import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedPosition } from '../../src/core/adjustment';
import { Dec, type Decimal } from '../../src/core/decimal';
import { liquidationPrice } from '../../src/core/liquidation';
import { marginForLiquidationPrice, type TargetMargin } from '../../src/core/targetLiquidation';
import type { PositionInput } from '../../src/core/types';
import { decimalString, positionArb } from '../support/arbitraries';
import { vectorPosition, vectors } from '../support/vectors';

const RUNS = { numRuns: 1000 };
const UNIT = new Dec('0.00000001');
const UNBOUNDED = { maxAddable: '1e30', maxRemovable: '1e30' };

const ethusdt = vectors.brackets['ETHUSDT-doc']!;
const btcusd = vectors.brackets['BTCUSD-illustrative']!;
const ethusd = vectors.brackets['ETHUSD-illustrative']!;

const isLong = (p: PositionInput) => !String(p.positionAmt).startsWith('-');

/** Beyond the target: a long's liquidation price at or below it, a short's at or above it; none is beyond all. */
const atOrBeyond = (p: PositionInput, lp: Decimal | null, target: Decimal) =>
  lp === null || (isLong(p) ? lp.lte(target) : lp.gte(target));

/** The liquidation price with the wallet changed by `change` (signed: + add, − remove). */
const lpWith = (p: PositionInput, change: Decimal) =>
  liquidationPrice({ ...p, isolatedWallet: new Dec(p.isolatedWallet).plus(change) });

const signed = (r: TargetMargin): Decimal | null => {
  if (r.kind === 'add') return r.amount;
  if (r.kind === 'remove') return r.amount.negated();
  if (r.kind === 'atTarget') return new Dec(0);
  return null;
};

// V1 of the vectors: 0.5 BTC long at 60,000, mark 62,000, 10×, wallet 3,000 USDT, max removable 900.
const v1 = vectorPosition('V1');

describe('marginForLiquidationPrice: hand-derived examples', () => {
  it('USDⓈ-M long: adds exactly what puts the liquidation price on the target', () => {
    // T = 50,000: notional 0.5 × 50,000 = 25,000 < 50,000, first bracket (MMR 0.004, cum 0).
    // WB = T·(Q·MMR − Q) − cum + Q·EP = 50,000 × (0.002 − 0.5) + 30,000 = −24,900 + 30,000 = 5,100.
    // Add 5,100 − 3,000 = 2,100. Check: (5,100 − 30,000) / (0.002 − 0.5) = 24,900 / 0.498 = 50,000.
    const r = marginForLiquidationPrice(v1, '50000', { maxAddable: '10000' });
    expect(r.kind).toBe('add');
    if (r.kind !== 'add') return;
    expect(r.amount.toFixed()).toBe('2100');
    expect(r.liquidationPrice?.toFixed()).toBe('50000');
  });

  it('USDⓈ-M long: removes exactly what brings it to a nearer target', () => {
    // T = 56,000: notional 28,000, first bracket. WB = 56,000 × (−0.498) + 30,000 = 2,112: remove 888 (≤ 900).
    const r = marginForLiquidationPrice(v1, '56000');
    expect(r).toMatchObject({ kind: 'remove' });
    if (r.kind === 'remove') expect(r.amount.toFixed()).toBe('888');
  });

  it('COIN-M long: an add that does not land on the grid rounds up (liquidation a little below the target)', () => {
    // 10 contracts × 100 USD long at 50,000, wallet 0.002 BTC. T = 45,000: notional 1,000 / 45,000 ≈ 0.022
    // coin, first bracket. WB = Q·CS·(MMR + 1)/T − Q·CS/EP = 1,004 / 45,000 − 0.02 = 0.0023111…
    // Change 0.0003111… → up to 0.00031112. LP = 1,004 / (0.00231112 + 0.02) = 44,999.7… ≤ 45,000,
    // while 0.00031111 gives 1,004 / 0.02231111 > 45,000 (short of the target).
    const p: PositionInput = {
      contractType: 'inverse',
      positionAmt: '10',
      contractSize: '100',
      entryPrice: '50000',
      markPrice: '50000',
      leverage: '10',
      isolatedWallet: '0.002',
      brackets: btcusd,
    };
    const r = marginForLiquidationPrice(p, '45000', { maxAddable: '1' });
    expect(r.kind).toBe('add');
    if (r.kind !== 'add') return;
    expect(r.amount.toFixed()).toBe('0.00031112');
    expect(r.liquidationPrice!.lt(45000)).toBe(true);
    expect(r.liquidationPrice!.gt('44999')).toBe(true);
  });

  it('COIN-M short: a removal that does not land on the grid rounds down (liquidation a little above)', () => {
    // 10 contracts × 10 USD short at 2,000, mark 1,900, wallet 0.005 ETH, bracket MMR 0.005, cum 0.
    // LP = Q·CS·(MMR − 1) / (WB − Q·CS/EP) = −99.5 / (WB − 0.05). T = 2,200:
    // WB = 0.05 − 99.5 / 2,200 = 0.0047727…, change −0.000227272… → up (toward 0) to −0.00022727.
    // Max removable: uPnL = −100 × (1/2000 − 1/1900) = 0.0026315…, IM at mark = 100/1900/10 = 0.0052631…,
    // so the initial-margin term is 0.0023684… and the removal fits.
    const p: PositionInput = {
      contractType: 'inverse',
      positionAmt: '-10',
      contractSize: '10',
      entryPrice: '2000',
      markPrice: '1900',
      leverage: '10',
      isolatedWallet: '0.005',
      brackets: ethusd,
    };
    const r = marginForLiquidationPrice(p, '2200');
    expect(r.kind).toBe('remove');
    if (r.kind !== 'remove') return;
    expect(r.amount.toFixed()).toBe('0.00022727');
    expect(r.liquidationPrice!.gt(2200)).toBe(true);
  });

  it('USDⓈ-M short with a 2-decimal asset: the removal rounds down to the asset’s grid', () => {
    // 3 short at 100, wallet 40, MMR 0.0065: LP = (WB + 300) / (3 × 1.0065) = (WB + 300) / 3.0195.
    // T = 110: WB = 110 × 3.0195 − 300 = 32.145, change −7.855 → up to −7.85 at 2 decimals:
    // LP = 332.15 / 3.0195 = 110.0016… ≥ 110.
    const p: PositionInput = {
      contractType: 'linear',
      positionAmt: '-3',
      entryPrice: '100',
      markPrice: '100',
      leverage: '10',
      isolatedWallet: '40',
      brackets: ethusdt,
    };
    const r = marginForLiquidationPrice(p, '110', { decimals: 2 });
    expect(r.kind).toBe('remove');
    if (r.kind === 'remove') expect(r.amount.toFixed()).toBe('7.85');
  });

  it('re-selects the bracket at the target, not at the mark', () => {
    // 2 BTC long at 60,000, mark 60,000 (notional 120,000: second bracket), wallet 12,000.
    // T = 26,000: notional 52,000, second bracket (MMR 0.005, cum 50):
    // WB = 26,000 × (0.01 − 2) − 50 + 120,000 = −51,740 − 50 + 120,000 = 68,210: add 56,210.
    // T = 24,000: notional 48,000, first bracket (MMR 0.004, cum 0):
    // WB = 24,000 × (0.008 − 2) + 120,000 = 72,192: add 60,192 (the second bracket would give 72,190).
    const p: PositionInput = { ...v1, positionAmt: '2', markPrice: '60000', isolatedWallet: '12000' };
    const at26 = marginForLiquidationPrice(p, '26000', UNBOUNDED);
    const at24 = marginForLiquidationPrice(p, '24000', UNBOUNDED);
    expect(at26.kind === 'add' && at26.amount.toFixed()).toBe('56210');
    expect(at24.kind === 'add' && at24.amount.toFixed()).toBe('60192');
  });

  it('a target at or past the mark is on the wrong side', () => {
    expect(marginForLiquidationPrice(v1, '62000').kind).toBe('wrongSide');
    expect(marginForLiquidationPrice(v1, '70000').kind).toBe('wrongSide');
    const short = { ...v1, positionAmt: '-0.5' };
    expect(marginForLiquidationPrice(short, '62000').kind).toBe('wrongSide');
    expect(marginForLiquidationPrice(short, '61999.9').kind).toBe('wrongSide');
  });

  it('beyond the max removable: the closest reachable price is the liquidation price after the max removal', () => {
    // T = 57,000: WB = 57,000 × (−0.498) + 30,000 = 1,614, remove 1,386 > 900 (V1's max removable).
    // Closest: V1's liquidationPriceAfterMaxRemove.
    const r = marginForLiquidationPrice(v1, '57000');
    expect(r.kind).toBe('beyondMax');
    if (r.kind !== 'beyondMax') return;
    expect(r.type).toBe('REMOVE');
    expect(r.amount.toFixed()).toBe('1386');
    expect(r.max.toFixed()).toBe('900');
    const expected = vectors.isolated.find((v) => v.id === 'V1')!.expect.liquidationPriceAfterMaxRemove!;
    expect(r.closest.toDecimalPlaces(8).toFixed(8)).toBe(expected);
  });

  it('beyond the max addable: the closest is the liquidation price with the max added', () => {
    // T = 50,000 needs 2,100; with 1,000 addable the wallet is 4,000: (4,000 − 30,000) / −0.498 = 52,208.83…
    const r = marginForLiquidationPrice(v1, '50000', { maxAddable: '1000' });
    expect(r.kind).toBe('beyondMax');
    if (r.kind === 'beyondMax') expect(r.closest.toDecimalPlaces(2).toFixed(2)).toBe('52208.84');
  });

  it('a fully collateralised position that stays so after the max removal has no liquidation at the target', () => {
    // 1 long at 100, 1×, wallet 100: LP = (100 − 100) / (0.0065 − 1) = 0, none. Max removable:
    // wallet + uPnL − IM at mark = 100 + 0 − 100 = 0. T = 50 needs a removal, nothing can be removed.
    const p: PositionInput = {
      contractType: 'linear',
      positionAmt: '1',
      entryPrice: '100',
      markPrice: '100',
      leverage: '1',
      isolatedWallet: '100',
      brackets: ethusdt,
    };
    expect(marginForLiquidationPrice(p, '50').kind).toBe('noLiquidation');
    expect(marginForLiquidationPrice(p, '0').kind).toBe('noLiquidation');
  });

  it('the current liquidation price is already at the target', () => {
    // V1: LP = (3,000 − 30,000) / −0.498 = 54,216.867…; the exact value needs no change.
    expect(marginForLiquidationPrice(v1, liquidationPrice(v1)!).kind).toBe('atTarget');
  });
});

/** Targets on the position's side of the mark: a share of the mark, or at a bracket boundary. */
const targetArb = (p: PositionInput): fc.Arbitrary<Decimal> => {
  const mark = new Dec(p.markPrice);
  const share = fc
    .integer({ min: 1, max: 999 })
    .map((n) => (isLong(p) ? mark.times(n).div(1000) : mark.times(1000 + n * 3).div(1000)).toDecimalPlaces(2));
  const q = new Dec(p.positionAmt).abs();
  const boundaries = p.brackets.slice(1).map((b) => {
    const floor = new Dec(b.notionalFloor);
    return p.contractType === 'linear' ? floor.div(q) : q.times(p.contractSize!).div(floor);
  });
  const nearBoundary = fc
    .tuple(fc.constantFrom(...boundaries, mark.div(2)), fc.integer({ min: -3, max: 3 }))
    .map(([b, d]) => b.plus(new Dec(d).div(100)).toDecimalPlaces(2));
  return fc.oneof(share, nearBoundary).filter((t) => t.gt(0) && (isLong(p) ? t.lt(mark) : t.gt(mark)));
};

const positionAndTarget = positionArb.chain((p) => targetArb(p).map((t) => [p, t] as const));

describe('marginForLiquidationPrice: properties', () => {
  it('the liquidation price after the change is at or beyond the target, and one unit less falls short', () => {
    fc.assert(
      fc.property(positionAndTarget, ([p, t]) => {
        const change = signed(marginForLiquidationPrice(p, t, UNBOUNDED));
        if (change === null) return false;
        return atOrBeyond(p, lpWith(p, change), t) && !atOrBeyond(p, lpWith(p, change.minus(UNIT)), t);
      }),
      RUNS,
    );
  });

  it('adjustedPosition with the result gives that liquidation price (what Confirm would send)', () => {
    fc.assert(
      fc.property(positionAndTarget, ([p, t]) => {
        const r = marginForLiquidationPrice(p, t, UNBOUNDED);
        if (r.kind !== 'add' && r.kind !== 'remove') return r.kind === 'atTarget';
        const after = liquidationPrice(adjustedPosition(p, r.kind === 'add' ? 'ADD' : 'REMOVE', r.amount));
        return (after === null && r.liquidationPrice === null) || (after !== null && after.eq(r.liquidationPrice!));
      }),
      RUNS,
    );
  });

  it('round-trips: the liquidation price of a change on the grid solves back to that change', () => {
    const change = decimalString(-0.5, 3, 8);
    fc.assert(
      fc.property(positionArb, change, (p, share) => {
        // A change of `share` × the wallet, on the 8-decimal grid, that keeps the wallet positive.
        const c = new Dec(p.isolatedWallet).times(share).toDecimalPlaces(8, Dec.ROUND_DOWN);
        const lp = lpWith(p, c);
        const mark = new Dec(p.markPrice);
        if (lp === null || (isLong(p) ? lp.gte(mark) : lp.lte(mark))) return true;
        return signed(marginForLiquidationPrice(p, lp, UNBOUNDED))?.eq(c) === true;
      }),
      RUNS,
    );
  });

  it('beyond a max: the closest reachable price solves to an amount within that max', () => {
    fc.assert(
      fc.property(positionAndTarget, decimalString(0, 5000, 8), ([p, t], addable) => {
        const r = marginForLiquidationPrice(p, t, { maxAddable: addable });
        if (r.kind !== 'beyondMax') return true;
        if (!r.amount.gt(r.max)) return false;
        // A position already past its liquidation price at the max has no reachable target at all.
        const mark = new Dec(p.markPrice);
        if (isLong(p) ? r.closest.gte(mark) : r.closest.lte(mark)) return true;
        const back = marginForLiquidationPrice(p, r.closest, { maxAddable: addable });
        return back.kind === 'atTarget' || ((back.kind === 'add' || back.kind === 'remove') && back.amount.lte(r.max));
      }),
      RUNS,
    );
  });

  it('a target on the wrong side of the mark is refused for every position', () => {
    fc.assert(
      fc.property(positionArb, fc.integer({ min: 0, max: 500 }), (p, n) => {
        const mark = new Dec(p.markPrice);
        // At the mark, or up to 50 % past it (above for a long, below for a short).
        const t = mark.times(isLong(p) ? 1000 + n : 1000 - n).div(1000);
        return marginForLiquidationPrice(p, t, UNBOUNDED).kind === 'wrongSide';
      }),
      RUNS,
    );
  });
});
