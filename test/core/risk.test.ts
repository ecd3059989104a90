/**
 * Risk figures, with expected values derived by hand (margin-math.md, "Risk figures"):
 * margin ratio = MM / (WB + uPnL); distance = |mark − LP| / mark.
 */
import { describe, expect, it } from 'vitest';
import { adjustedPosition } from '../../src/core/adjustment';
import { Dec } from '../../src/core/decimal';
import { liquidationPrice } from '../../src/core/liquidation';
import { isNearLiquidation, liquidationDistance, marginRatio, returnOnEquity, riskFigures } from '../../src/core/risk';
import type { PositionInput } from '../../src/core/types';
import { vectorPosition } from '../support/vectors';

/** Vector V1's position: 0.5 BTC long at 60,000, mark 62,000, 10×, wallet 3,000 USDT. */
const linearLong = vectorPosition('V1');

/** COIN-M short: 10 contracts of 100 USD at 50,000, mark 40,000, 20×, wallet 0.01 BTC. */
const inverseShort: PositionInput = {
  contractType: 'inverse',
  positionAmt: '-10',
  entryPrice: '50000',
  markPrice: '40000',
  leverage: '20',
  isolatedWallet: '0.01',
  contractSize: '100',
  brackets: [{ notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.01', cum: '0' }],
};

const exactly = (actual: InstanceType<typeof Dec> | null, expected: InstanceType<typeof Dec>) => {
  expect(actual).not.toBeNull();
  expect(actual!.minus(expected).abs().lte(new Dec('1e-30'))).toBe(true);
};

describe('marginRatio = maintenance margin / (isolated wallet + unrealized PnL)', () => {
  it('USDⓈ-M long: notional 31,000 → MM 124 (0.4 %); uPnL 0.5 × 2,000 = 1,000; 124 / 4,000 = 3.1 %', () => {
    exactly(marginRatio(linearLong), new Dec('0.031'));
  });

  it('after removing 900: the same MM over 2,100 + 1,000 = 3,100 → 4 %', () => {
    exactly(marginRatio(adjustedPosition(linearLong, 'REMOVE', '900')), new Dec('0.04'));
  });

  it('COIN-M short: notional 1,000 / 40,000 = 0.025 BTC → MM 0.00025; uPnL −1,000 × (1/50,000 − 1/40,000) = 0.005; 0.00025 / 0.015 = 1/60', () => {
    exactly(marginRatio(inverseShort), new Dec(1).div(60));
  });

  it('has no value when the margin balance is 0 or less', () => {
    // Wallet 0 and a loss of 1,000 at mark 58,000: WB + uPnL = −1,000.
    expect(marginRatio({ ...linearLong, isolatedWallet: '0', markPrice: '58000' })).toBeNull();
    // Exactly 0: wallet 1,000 against the same loss.
    expect(marginRatio({ ...linearLong, isolatedWallet: '1000', markPrice: '58000' })).toBeNull();
  });
});

describe('liquidationDistance = |mark − LP| / mark', () => {
  it('USDⓈ-M long: LP = (3,000 − 30,000) / (0.002 − 0.5) = 13,500,000 / 249; (62,000 − LP) / 62,000 = 323 / 2,573', () => {
    const lp = liquidationPrice(linearLong);
    exactly(lp, new Dec(13_500_000).div(249));
    exactly(liquidationDistance('62000', lp), new Dec(323).div(2573));
  });

  it('after removing 900: LP = 27,900 / 0.498; distance = (30,876 − 27,900) / 30,876 = 248 / 2,573', () => {
    const after = adjustedPosition(linearLong, 'REMOVE', '900');
    exactly(riskFigures(after, liquidationPrice(after)).liquidationDistance, new Dec(248).div(2573));
  });

  it('COIN-M short: LP = 1,000 × (0.01 − 1) / (0.01 − 1,000 / 50,000) = 99,000; |40,000 − 99,000| / 40,000 = 1.475', () => {
    const lp = liquidationPrice(inverseShort);
    exactly(lp, new Dec(99_000));
    exactly(riskFigures(inverseShort, lp).liquidationDistance, new Dec('1.475'));
  });

  it('has no value without a liquidation price', () => {
    expect(liquidationDistance('62000', null)).toBeNull();
    expect(riskFigures(linearLong, null)).toEqual({ marginRatio: marginRatio(linearLong), liquidationDistance: null });
  });
});

describe('isNearLiquidation: within the threshold, in percent', () => {
  it('warns at or inside the threshold, not beyond it', () => {
    expect(isNearLiquidation(new Dec('0.05'), 5)).toBe(true);
    expect(isNearLiquidation(new Dec('0.0499'), 5)).toBe(true);
    expect(isNearLiquidation(new Dec('0.05000001'), 5)).toBe(false);
    expect(isNearLiquidation(new Dec('0.0963'), '10')).toBe(true);
  });

  it('a threshold of 0 turns it off; no liquidation price never warns', () => {
    expect(isNearLiquidation(new Dec('0'), 0)).toBe(false);
    expect(isNearLiquidation(new Dec('0.001'), 0)).toBe(false);
    expect(isNearLiquidation(null, 5)).toBe(false);
  });
});

describe('returnOnEquity: unrealized PnL ÷ initial margin at entry (Binance ROE)', () => {
  it('USDⓈ-M long: uPnL 0.5 × (62,000 − 60,000) = 1,000 over 0.5 × 60,000 / 10 = 3,000 is 1/3', () => {
    exactly(returnOnEquity(linearLong), new Dec(1).div(3));
  });

  it('COIN-M short: uPnL −10 × 100 × (1/50,000 − 1/40,000) = 0.005 BTC over 10 × 100 / (20 × 50,000) = 0.001 is 5', () => {
    // Binance's shortcut agrees: side × (1 − EP / MP) / IMR = −1 × (1 − 1.25) × 20 = 5.
    exactly(returnOnEquity(inverseShort), new Dec(5));
  });

  it('a loss is negative; at the entry price it is 0', () => {
    exactly(returnOnEquity({ ...linearLong, markPrice: '57000' }), new Dec(-0.5)); // 0.5 × −3,000 / 3,000
    exactly(returnOnEquity({ ...linearLong, markPrice: '60000' }), new Dec(0));
  });
});
