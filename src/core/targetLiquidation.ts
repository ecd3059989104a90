import { adjustedPosition } from './adjustment';
import { Dec, toDecimal, type Decimal, type DecimalInput } from './decimal';
import { DEFAULT_ASSET_DECIMALS, maxRemovable } from './limits';
import { liquidationPrice } from './liquidation';
import { bracketFor, notionalAt, positionSign } from './position';
import type { AdjustType, Bracket, PositionInput } from './types';

const ZERO = new Dec(0);

/**
 * The margin change that puts a position's estimated liquidation price at a target, or why none does.
 * - `add` / `remove`: the amount (on the asset's grid) and the liquidation price it gives, which is
 *   at the target or beyond it (farther from the mark), never short of it.
 * - `atTarget`: the liquidation price is already there (the change rounds to 0).
 * - `wrongSide`: a long's target at or above the mark, a short's at or below it: the position
 *   would be liquidated at once.
 * - `noLiquidation`: the position cannot have a liquidation price at the target within the limits:
 *   it has no size, the target is not above 0, or it stays fully collateralised even after the
 *   max removal.
 * - `beyondMax`: the amount needed exceeds the max addable or removable; `closest` is the
 *   liquidation price at that max, the nearest reachable one.
 */
export type TargetMargin =
  | { kind: 'add' | 'remove'; amount: Decimal; liquidationPrice: Decimal | null }
  | { kind: 'atTarget' }
  | { kind: 'wrongSide' }
  | { kind: 'noLiquidation' }
  | { kind: 'beyondMax'; type: AdjustType; amount: Decimal; max: Decimal; closest: Decimal };

/** Options of {@link marginForLiquidationPrice}. */
export interface TargetMarginOptions {
  /** Decimals of the margin asset; default 8. */
  decimals?: number;
  /** Max addable (rounded down, see `maxAddable`); omitted: adding is not bounded. */
  maxAddable?: DecimalInput;
  /** Max removable; omitted: `maxRemovable(position, decimals)`. */
  maxRemovable?: DecimalInput;
}

/**
 * The isolated wallet whose liquidation price is `target` with `bracket`, the liquidation formula
 * solved for the wallet: USDⓈ-M `T·(Q·MMR − side·Q) − cum + side·Q·EP`;
 * COIN-M `Q·CS·(MMR + side)/T − cum − side·Q·CS/EP`.
 */
function walletAt(position: PositionInput, bracket: Bracket, target: Decimal): Decimal {
  const q = toDecimal(position.positionAmt).abs();
  const side = positionSign(position);
  const ep = toDecimal(position.entryPrice);
  const mmr = toDecimal(bracket.maintMarginRatio);
  const cum = toDecimal(bracket.cum);
  if (position.contractType === 'linear') {
    return target
      .times(q.times(mmr).minus(q.times(side)))
      .minus(cum)
      .plus(q.times(ep).times(side));
  }
  const qcs = q.times(toDecimal(position.contractSize ?? 0));
  return qcs.times(mmr.plus(side)).div(target).minus(cum).minus(qcs.div(ep).times(side));
}

/**
 * Solves exactly for the margin that puts the estimated liquidation price at `target`, with the
 * maintenance bracket that holds the notional at the target (spec: "Wallet for a target
 * liquidation price"). A larger wallet moves the liquidation price away from the mark for both
 * sides, so the signed change is rounded UP to the asset's decimals: an add rounds up, a removal
 * rounds down, and the resulting liquidation price is at the target or beyond it, by less than what
 * one unit of the asset moves it. The result is checked against {@link liquidationPrice} itself, so
 * `liquidationPrice(adjustedPosition(position, type, amount))` is what the trader gets.
 *
 * With `maxAddable` / `maxRemovable` (rounded-down limits), an amount above them is `beyondMax`,
 * with the liquidation price at the max as the closest reachable target. Pure; the mark price is
 * used only to refuse a target on the wrong side of it.
 *
 * @example marginForLiquidationPrice(position, '50000', { maxAddable: limits.maxAddable })
 */
export function marginForLiquidationPrice(
  position: PositionInput,
  target: DecimalInput,
  options: TargetMarginOptions = {},
): TargetMargin {
  const decimals = options.decimals ?? DEFAULT_ASSET_DECIMALS;
  const t = toDecimal(target);
  const side = positionSign(position);
  if (toDecimal(position.positionAmt).isZero() || t.lte(ZERO)) return { kind: 'noLiquidation' };
  const mark = toDecimal(position.markPrice);
  if (side === 1 ? t.gte(mark) : t.lte(mark)) return { kind: 'wrongSide' };

  const wallet = toDecimal(position.isolatedWallet);
  const liquidationAt = (change: Decimal) => liquidationPrice({ ...position, isolatedWallet: wallet.plus(change) });
  // No liquidation price is beyond every target; otherwise a long's must be ≤ T, a short's ≥ T.
  const reaches = (change: Decimal) => {
    const lp = liquidationAt(change);
    return lp === null || (side === 1 ? lp.lte(t) : lp.gte(t));
  };
  const unit = new Dec(1).div(new Dec(10).pow(decimals));
  const bracket = bracketFor(position.brackets, notionalAt(position, t));
  let change = walletAt(position, bracket, t).minus(wallet).toDecimalPlaces(decimals, Dec.ROUND_CEIL);
  // The closed form is exact up to the 40-digit arithmetic; settle the last unit on the forward formula.
  for (let i = 0; i < 4 && !reaches(change); i++) change = change.plus(unit);
  for (let i = 0; i < 4 && reaches(change.minus(unit)); i++) change = change.minus(unit);

  if (change.isZero()) return { kind: 'atTarget' };
  const type: AdjustType = change.gt(ZERO) ? 'ADD' : 'REMOVE';
  const amount = change.abs();
  const limit = type === 'ADD' ? options.maxAddable : (options.maxRemovable ?? maxRemovable(position, decimals).amount);
  if (limit !== undefined) {
    const max = toDecimal(limit).toDecimalPlaces(decimals, Dec.ROUND_DOWN);
    if (amount.gt(max)) {
      const closest = liquidationPrice(adjustedPosition(position, type, max));
      if (closest === null) return { kind: 'noLiquidation' };
      return { kind: 'beyondMax', type, amount, max, closest };
    }
  }
  return { kind: type === 'ADD' ? 'add' : 'remove', amount, liquidationPrice: liquidationAt(change) };
}
