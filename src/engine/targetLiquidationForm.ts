import { adjustedPosition } from '../core/adjustment';
import { parseAmount, type AmountError } from '../core/amount';
import { Dec, toDecimal, type Decimal } from '../core/decimal';
import { amountInputValue } from '../core/format';
import { liquidationPrice } from '../core/liquidation';
import { positionSign } from '../core/position';
import { marginForLiquidationPrice } from '../core/targetLiquidation';
import type { AdjustType } from '../core/types';
import type { MarginLimits } from './marginLimits';

/** Why a typed target gives no amount: not a price, or a target the position cannot reach. */
export type TargetError =
  | { code: 'price'; error: AmountError }
  | { code: 'wrongSide' | 'noLiquidation' | 'atTarget' }
  /**
   * The amount shows (and fails validation as over the limit); `closest` is the nearest reachable
   * target, `closestText` the same as the target field takes it ("Use closest" fills it in).
   */
  | { code: 'beyondMax'; type: AdjustType; closest: Decimal | null; closestText: string | null };

/** A typed target liquidation price, solved against the live limits. */
export interface TargetSolution {
  /** The parsed target, or null when the text is not a price. */
  price: Decimal | null;
  /** Add or Remove, when the target needs a change. */
  type: AdjustType | null;
  /** The amount the Amount field shows and Confirm validates: '' when there is none. */
  amountText: string;
  error: TargetError | null;
}

/** Where the ladder's "after" marker may go, on the symbol's price grid. */
export interface TargetRange {
  min: Decimal;
  max: Decimal;
  /** One price tick (10^-pricePrecision): the arrow keys. */
  step: Decimal;
  /** About 1 % of the mark price, on the grid: Page Up / Page Down. */
  bigStep: Decimal;
}

const tickOf = (limits: MarginLimits): Decimal => new Dec(10).pow(-limits.position.pricePrecision);

const toGrid = (price: Decimal, limits: MarginLimits, up: boolean): Decimal =>
  price.toDecimalPlaces(limits.position.pricePrecision, up ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR);

/** A price as the target field takes it: the symbol's decimals, the locale's separator, no grouping. */
export function priceInputValue(price: Decimal, limits: MarginLimits, locale?: string): string {
  return amountInputValue(price, limits.position.pricePrecision, locale);
}

/**
 * The price grid point next to `price` that needs no more margin than `price` itself: toward the
 * mark for an Add (less to add), away from it for a Remove (less to remove). So a target taken from
 * a valid amount, or the closest reachable one, stays within the max.
 */
function reachableOnGrid(price: Decimal, type: AdjustType, limits: MarginLimits): Decimal {
  return toGrid(price, limits, (type === 'ADD') === (positionSign(limits.input) === 1));
}

/**
 * The liquidation price after an amount, as the target field shows it while the amount leads: on
 * the price grid, rounded as {@link reachableOnGrid}, so switching to the target keeps the amount
 * within the max; '' when there is none.
 */
export function liquidationTargetText(
  price: Decimal | null,
  type: AdjustType,
  limits: MarginLimits,
  locale?: string,
): string {
  return price === null ? '' : priceInputValue(reachableOnGrid(price, type, limits), limits, locale);
}

/**
 * The closest reachable target on the price grid, rounded so it stays reachable (see
 * {@link reachableOnGrid}). Null when that price is itself no target (a position already past its
 * liquidation price).
 */
function closestTarget(closest: Decimal, type: AdjustType, limits: MarginLimits): Decimal | null {
  const price = reachableOnGrid(closest, type, limits);
  const check = marginForLiquidationPrice(limits.input, price, solverLimits(limits));
  return check.kind === 'add' || check.kind === 'remove' || check.kind === 'atTarget' ? price : null;
}

function solverLimits(limits: MarginLimits) {
  return {
    decimals: limits.position.marginAssetPrecision,
    maxAddable: limits.maxAddable,
    maxRemovable: limits.maxRemovable.amount,
  };
}

/**
 * Reads a typed target liquidation price with the amount parser (same rules: the locale's
 * separators, no sign, no exponent, at most the symbol's price decimals) and solves it with
 * `marginForLiquidationPrice` against the live limits. The amount it gives is written as the
 * amount field would write it, so Confirm validates and sends that text like any typed amount.
 */
export function solveTarget(text: string, limits: MarginLimits, locale?: string): TargetSolution {
  const parsed = parseAmount(text, { locale, decimals: limits.position.pricePrecision });
  if (!parsed.ok) return { price: null, type: null, amountText: '', error: { code: 'price', error: parsed.error } };
  const price = new Dec(parsed.value);
  const decimals = limits.position.marginAssetPrecision;
  const r = marginForLiquidationPrice(limits.input, price, solverLimits(limits));
  const none = { price, type: null, amountText: '' };
  switch (r.kind) {
    case 'add':
    case 'remove':
      return {
        price,
        type: r.kind === 'add' ? 'ADD' : 'REMOVE',
        amountText: amountInputValue(r.amount, decimals, locale),
        error: null,
      };
    case 'beyondMax': {
      const closest = closestTarget(r.closest, r.type, limits);
      const closestText = closest === null ? null : priceInputValue(closest, limits, locale);
      return {
        price,
        type: r.type,
        amountText: amountInputValue(r.amount, decimals, locale),
        error: { code: 'beyondMax', type: r.type, closest, closestText },
      };
    }
    default:
      return { ...none, error: { code: r.kind } };
  }
}

/**
 * The reachable targets: from the liquidation price with the max added to the one with the max
 * removed, on the price grid and strictly on the position's side of the mark. A short that the max
 * addable would fully cover reaches up to twice the mark. Null when nothing is reachable (the
 * position stays without a liquidation price even after the max removal).
 */
export function targetRange(limits: MarginLimits): TargetRange | null {
  const tick = tickOf(limits);
  const mark = toDecimal(limits.markPrice);
  const atAdd = liquidationPrice(adjustedPosition(limits.input, 'ADD', limits.maxAddable));
  const atRemove = liquidationPrice(adjustedPosition(limits.input, 'REMOVE', limits.maxRemovable.amount));
  if (atRemove === null) return null;
  let min: Decimal;
  let max: Decimal;
  if (positionSign(limits.input) === 1) {
    min = atAdd === null ? tick : Dec.max(tick, toGrid(atAdd, limits, true));
    max = Dec.min(toGrid(atRemove, limits, false), toGrid(mark, limits, true).minus(tick));
  } else {
    min = Dec.max(toGrid(atRemove, limits, true), toGrid(mark, limits, false).plus(tick));
    max = toGrid(atAdd ?? mark.times(2), limits, false);
  }
  if (min.gt(max)) return null;
  const bigStep = Dec.max(tick, toGrid(mark.div(100), limits, false));
  return { min, max, step: tick, bigStep };
}
