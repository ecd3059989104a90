import type { PositionFigures } from '../core/adjustment';
import { positionFigures } from '../core/adjustment';
import type { Decimal } from '../core/decimal';
import { liquidationPrice } from '../core/liquidation';
import { maxAddable, maxRemovable, type MaxRemovable } from '../core/limits';
import { unrealizedPnl } from '../core/position';
import type { PositionInput } from '../core/types';
import { crossInputFor, markOf, toPositionInput, type MarkPrices } from './account';
import { perSnapshot } from './perSnapshot';
import type { AccountSnapshot, PositionSnapshot } from './types';

/** Everything the dialog shows and validates against, for one position at one moment. */
export interface MarginLimits {
  position: PositionSnapshot;
  /** The position as the margin math sees it, at the live mark price. */
  input: PositionInput;
  /** The live mark price (or the snapshot's when no tick has arrived yet). */
  markPrice: string;
  /** Max addable from the cross wallet, rounded down to the asset's decimals. */
  maxAddable: Decimal;
  /** Max removable, rounded down, with the bound that binds. */
  maxRemovable: MaxRemovable;
  /** Margin, effective leverage and liquidation price as the position stands. */
  current: PositionFigures;
  unrealizedPnl: Decimal;
}

/**
 * A position's liquidation price (null: none), computed once per snapshot: it depends on the
 * wallet, size, entry and brackets, never on the mark price.
 */
export const snapshotLiquidationPrice = perSnapshot((position: PositionSnapshot) =>
  liquidationPrice(toPositionInput(position)),
);

/**
 * The limits of one isolated position from an account snapshot and live mark prices.
 * Pure: the hooks call it on every tick; the dialog's Confirm re-check calls it again at the click.
 */
export function computeMarginLimits(
  account: AccountSnapshot,
  position: PositionSnapshot,
  marks: MarkPrices,
): MarginLimits {
  const input = toPositionInput(position, markOf(marks, position));
  const markPrice = input.markPrice as string;
  const decimals = position.marginAssetPrecision;
  return {
    position,
    input,
    markPrice,
    maxAddable: maxAddable(crossInputFor(account, position.marginAsset, marks), decimals),
    maxRemovable: maxRemovable(input, decimals),
    current: positionFigures(input, snapshotLiquidationPrice(position)),
    unrealizedPnl: unrealizedPnl(input),
  };
}
