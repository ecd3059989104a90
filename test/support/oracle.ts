import { positionFigures } from '../../src/core/adjustment';
import { liquidationPrice } from '../../src/core/liquidation';
import { maxAddable, maxRemovable } from '../../src/core/limits';
import { unrealizedPnl } from '../../src/core/position';
import { crossInputFor, markOf, toPositionInput, type MarkPrices } from '../../src/engine/account';
import type { MarginLimits } from '../../src/engine/marginLimits';
import type { AccountSnapshot, PositionSnapshot } from '../../src/engine/types';

/**
 * The test oracle: the limits of one isolated position recomputed from scratch by the core
 * functions, the straightforward way. The kit's runtime path is the live engine; tests (and the
 * bench's baseline) check it against this.
 */
export function computeMarginLimits(
  account: AccountSnapshot,
  position: PositionSnapshot,
  marks: MarkPrices,
): MarginLimits {
  const input = toPositionInput(position, markOf(marks, position));
  const decimals = position.marginAssetPrecision;
  return {
    position,
    input,
    markPrice: input.markPrice as string,
    maxAddable: maxAddable(crossInputFor(account, position.marginAsset, marks), decimals),
    maxRemovable: maxRemovable(input, decimals),
    current: positionFigures(input, liquidationPrice(input)),
    unrealizedPnl: unrealizedPnl(input),
  };
}
