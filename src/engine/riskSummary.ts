import type { PositionFigures } from '../core/adjustment';
import { isNearLiquidation, riskFigures, type RiskFigures } from '../core/risk';
import type { AdjustType, PositionInput } from '../core/types';
import type { MarginLimits } from './marginLimits';

/** A removal that brings the liquidation price within this many percent of the mark needs a second confirmation. */
export const DEFAULT_WARN_LIQUIDATION_DISTANCE_PCT = 5;

/** The risk before → after an adjustment, and whether it needs an explicit acknowledgement. */
export interface RiskSummary {
  before: RiskFigures;
  /** After the amount, when it is valid. */
  after: RiskFigures | null;
  /**
   * A removal whose liquidation price after is within `thresholdPct` % of the mark: Confirm waits
   * for the user to acknowledge it.
   */
  nearLiquidation: boolean;
  /** The threshold in percent (0: never). */
  thresholdPct: number;
}

/**
 * Margin ratio and distance to liquidation before and after (the `adjusted` position and its
 * figures, for a valid amount), and whether a removal comes within `thresholdPct` % of the mark.
 */
export function riskSummary(
  limits: MarginLimits,
  mode: AdjustType,
  adjusted: { position: PositionInput; figures: PositionFigures } | null,
  thresholdPct: number = DEFAULT_WARN_LIQUIDATION_DISTANCE_PCT,
): RiskSummary {
  const after = adjusted ? riskFigures(adjusted.position, adjusted.figures.liquidationPrice) : null;
  return {
    before: riskFigures(limits.input, limits.current.liquidationPrice),
    after,
    nearLiquidation: mode === 'REMOVE' && after !== null && isNearLiquidation(after.liquidationDistance, thresholdPct),
    thresholdPct,
  };
}
