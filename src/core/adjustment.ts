import { toDecimal, type Decimal, type DecimalInput } from './decimal';
import { liquidationPrice } from './liquidation';
import { effectiveLeverage, positionMargin } from './position';
import type { AdjustType, PositionInput } from './types';

/** The figures a trader compares before and after an adjustment. */
export interface PositionFigures {
  /** The isolated wallet balance. */
  isolatedWallet: Decimal;
  /** Margin balance: isolated wallet + unrealized PnL. */
  margin: Decimal;
  /** Notional ÷ margin balance; `null` when the margin balance is not positive. */
  effectiveLeverage: Decimal | null;
  /** Estimated liquidation price; `null` when there is none. */
  liquidationPrice: Decimal | null;
}

/** The position with its isolated wallet changed by the adjustment: `iwb + amount` or `iwb − amount`. */
export function adjustedPosition<P extends PositionInput>(position: P, type: AdjustType, amount: DecimalInput): P {
  const wallet = toDecimal(position.isolatedWallet);
  const a = toDecimal(amount);
  return { ...position, isolatedWallet: type === 'ADD' ? wallet.plus(a) : wallet.minus(a) };
}

/**
 * Margin, effective leverage and liquidation price of a position as it stands. The liquidation
 * price does not depend on the mark price: a caller that already has it for this wallet may pass it.
 */
export function positionFigures(
  position: PositionInput,
  knownLiquidationPrice: Decimal | null = liquidationPrice(position),
): PositionFigures {
  return {
    isolatedWallet: toDecimal(position.isolatedWallet),
    margin: positionMargin(position),
    effectiveLeverage: effectiveLeverage(position),
    liquidationPrice: knownLiquidationPrice,
  };
}
