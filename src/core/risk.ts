import { toDecimal, type Decimal, type DecimalInput } from './decimal';
import { maintenanceMargin, positionMargin } from './position';
import type { PositionInput } from './types';

/** How close an isolated position is to liquidation, at its mark price. Fractions: 0.05 is 5 %. */
export interface RiskFigures {
  /** Maintenance margin ÷ (isolated wallet + uPnL); 1 is liquidation. `null` when the margin balance is not positive. */
  marginRatio: Decimal | null;
  /** |mark − liquidation price| ÷ mark; `null` when there is no liquidation price. */
  liquidationDistance: Decimal | null;
}

/**
 * Margin ratio of an isolated position as Binance defines it: `MM / (WB + uPnL)`, with the
 * maintenance margin of the bracket at the mark. At 1 (100 %) the position is liquidated; `null`
 * when the margin balance `WB + uPnL` is 0 or less (no ratio is meaningful there).
 */
export function marginRatio(position: PositionInput): Decimal | null {
  const margin = positionMargin(position);
  if (margin.lte(0)) return null;
  return maintenanceMargin(position).div(margin);
}

/** Distance from the mark to the liquidation price, `|mark − LP| / mark`; `null` without a liquidation price. */
export function liquidationDistance(markPrice: DecimalInput, liquidationPrice: DecimalInput | null): Decimal | null {
  if (liquidationPrice === null) return null;
  const mark = toDecimal(markPrice);
  return mark.minus(toDecimal(liquidationPrice)).abs().div(mark);
}

/** Both risk figures of a position whose liquidation price is known (it does not depend on the mark). */
export function riskFigures(position: PositionInput, liquidationPrice: Decimal | null): RiskFigures {
  return {
    marginRatio: marginRatio(position),
    liquidationDistance: liquidationDistance(position.markPrice, liquidationPrice),
  };
}

/**
 * True when `distance` (a fraction) is at most `thresholdPct` percent: the liquidation price is that
 * close to the mark. A threshold of 0 (or less) never warns; no liquidation price never warns.
 */
export function isNearLiquidation(distance: Decimal | null, thresholdPct: DecimalInput): boolean {
  const threshold = toDecimal(thresholdPct);
  return distance !== null && threshold.gt(0) && distance.lte(threshold.div(100));
}
