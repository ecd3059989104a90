import { Dec, toDecimal, type Decimal } from './decimal';
import { roundDown } from './rounding';
import { initialMarginAtMark, maintenanceMargin, unrealizedPnl } from './position';
import type { CrossInput, PositionInput, RemoveLimitedBy } from './types';

const ZERO = new Dec(0);

/** Decimals of margin-asset amounts unless the asset says otherwise. */
export const DEFAULT_ASSET_DECIMALS = 8;

/** How much margin can be removed from an isolated position, and why no more. */
export interface MaxRemovable {
  /** The limit offered to the user: `max(0, min(both terms))` rounded down to the asset's decimals. */
  amount: Decimal;
  /** Which bound binds: the wallet must stay ≥ maintenance margin, or wallet + uPnL ≥ initial margin at mark. */
  limitedBy: RemoveLimitedBy;
  /** `isolatedWallet − maintenance margin`, unrounded. */
  maintenanceTerm: Decimal;
  /** `isolatedWallet + uPnL − initial margin at mark`, unrounded. */
  initialTerm: Decimal;
}

/**
 * Max removable margin of an isolated position (USDⓈ-M and COIN-M alike):
 * `max(0, min(iwb − MM, iwb + uPnL − IM_at_mark))`, rounded down to `decimals`.
 * It moves with every mark-price tick.
 */
export function maxRemovable(position: PositionInput, decimals = DEFAULT_ASSET_DECIMALS): MaxRemovable {
  const wallet = toDecimal(position.isolatedWallet);
  const maintenanceTerm = wallet.minus(maintenanceMargin(position));
  const initialTerm = wallet.plus(unrealizedPnl(position)).minus(initialMarginAtMark(position));
  const limitedBy: RemoveLimitedBy = maintenanceTerm.lte(initialTerm) ? 'maintenanceMargin' : 'initialMargin';
  const bound = Dec.min(maintenanceTerm, initialTerm);
  return { amount: roundDown(Dec.max(ZERO, bound), decimals), limitedBy, maintenanceTerm, initialTerm };
}

/** Available for order in single-asset mode: `max(0, cwb + ΣcrossUPnL − (ΣcrossIM + ΣisoOrderIM))`. */
export function availableForOrder(cross: CrossInput): Decimal {
  const v = toDecimal(cross.crossWalletBalance)
    .plus(toDecimal(cross.crossUnrealizedPnl))
    .minus(toDecimal(cross.crossInitialMargin).plus(toDecimal(cross.isolatedOpenOrderInitialMargin)));
  return Dec.max(ZERO, v);
}

/**
 * Max addable margin to an isolated position:
 * `max(0, min(cwb − ΣisoOrderIM − ΣcrossMM, availableForOrder))`, rounded down to `decimals`.
 */
export function maxAddable(cross: CrossInput, decimals = DEFAULT_ASSET_DECIMALS): Decimal {
  const walletTerm = toDecimal(cross.crossWalletBalance)
    .minus(toDecimal(cross.isolatedOpenOrderInitialMargin))
    .minus(toDecimal(cross.crossMaintMargin));
  return roundDown(Dec.max(ZERO, Dec.min(walletTerm, availableForOrder(cross))), decimals);
}

/**
 * Max withdrawal from the cross wallet (no bonus, no Multi-Assets collateral):
 * `max(0, min(cwb − ΣisoOrderIM − ΣcrossMM, cwb + ΣcrossUPnL − ΣcrossIM − ΣisoOrderIM))`, rounded down.
 */
export function crossMaxWithdrawal(cross: CrossInput, decimals = DEFAULT_ASSET_DECIMALS): Decimal {
  const cwb = toDecimal(cross.crossWalletBalance);
  const iso = toDecimal(cross.isolatedOpenOrderInitialMargin);
  const a = cwb.minus(iso).minus(toDecimal(cross.crossMaintMargin));
  const b = cwb.plus(toDecimal(cross.crossUnrealizedPnl)).minus(toDecimal(cross.crossInitialMargin)).minus(iso);
  return roundDown(Dec.max(ZERO, Dec.min(a, b)), decimals);
}
