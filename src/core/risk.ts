import { toDecimal, type Decimal, type DecimalInput } from './decimal';
import { initialMarginAtMark, maintenanceMargin, positionMargin, unrealizedPnl } from './position';
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

/**
 * Return on equity (ROE) as Binance shows it beside a position: unrealized PnL ÷ the initial margin
 * at entry, `uPnL / (|size| × EP × IMR)` (USDⓈ-M) or `uPnL / (|size| × CS × IMR / EP)` (COIN-M), i.e.
 * `initialMarginAtMark` with the entry price for the mark. Source: Binance's Futures Calculator notes
 * ("Initial Margin = Quantity × Entry Price × IMR"; COIN-M "Qty × contract_multiplier × IMR / entry
 * price"; "ROE% = PnL / Initial Margin") and its FAQ "How to Calculate Profit and Loss for Futures
 * Contracts" ("ROE% = Unrealized PNL / entry margin"). A fraction: 0.25 is 25 %. The entry price is
 * above 0 (the snapshot check), so the margin at entry is too.
 */
export function returnOnEquity(position: PositionInput): Decimal {
  return unrealizedPnl(position).div(initialMarginAtMark({ ...position, markPrice: position.entryPrice }));
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
