/**
 * The form summary's risk: before → after and the near-liquidation flag, for vector V1 (0.5 BTC
 * long, entry 60,000, mark 62,000, 10×, wallet 3,000; bracket 0.4 %, cum 0). By hand: removing 900
 * leaves LP = 27,900 / 0.498, distance 248 / 2,573 ≈ 9.64 %; removing 100 leaves 3,776 / 30,876 ≈ 12.23 %.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { summarizeAdjustMarginForm } from '../../src/engine/adjustMarginForm';
import type { AdjustType } from '../../src/core/types';
import { accountOf, btcLong } from '../support/fakeSource';
import { computeMarginLimits } from '../support/oracle';

function risk(mode: AdjustType, text: string, warnLiquidationDistancePct?: number) {
  const position = btcLong();
  const limits = computeMarginLimits(accountOf([position]), position, { BTCUSDT: '62000' });
  return summarizeAdjustMarginForm({
    mode,
    intent: { kind: 'typed', text },
    limits,
    isStale: false,
    locale: 'en',
    warnLiquidationDistancePct,
  }).risk!;
}

describe('summary.risk', () => {
  it('before always; after only for a valid amount', () => {
    expect(risk('REMOVE', '').after).toBeNull();
    expect(risk('REMOVE', '').before.marginRatio!.eq(new Dec('0.031'))).toBe(true);
    expect(risk('REMOVE', '900').after!.liquidationDistance!.minus(new Dec(248).div(2573)).abs().lt('1e-30')).toBe(
      true,
    );
  });

  it('near liquidation: a removal within the threshold (inclusive), by default 5 %', () => {
    expect(risk('REMOVE', '900').nearLiquidation).toBe(false); // 9.64 % > 5 %
    expect(risk('REMOVE', '900', 10)).toMatchObject({ nearLiquidation: true, thresholdPct: 10 });
    expect(risk('REMOVE', '100', 10).nearLiquidation).toBe(false); // 12.23 % > 10 %
    expect(risk('REMOVE', '900', 0).nearLiquidation).toBe(false); // 0: off
    expect(risk('REMOVE', '', 10).nearLiquidation).toBe(false); // no amount, no warning
  });

  it('an Add never needs it (it moves the liquidation price away)', () => {
    expect(risk('ADD', '100', 50).nearLiquidation).toBe(false);
  });
});
