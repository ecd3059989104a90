import { Dec, toDecimal, type Decimal, type DecimalInput } from './decimal';
import type { Bracket, PositionInput } from './types';

const ZERO = new Dec(0);
const ONE = new Dec(1);

/** +1 for a long position (positionAmt > 0), −1 for a short one. */
export function positionSign(position: Pick<PositionInput, 'positionAmt'>): 1 | -1 {
  return toDecimal(position.positionAmt).isNegative() ? -1 : 1;
}

function contractSizeOf(position: Pick<PositionInput, 'contractType' | 'contractSize'>): Decimal {
  if (position.contractType === 'linear') return ONE;
  if (position.contractSize === undefined) throw new RangeError('A COIN-M position needs its contractSize');
  return toDecimal(position.contractSize);
}

/**
 * Notional value at a price: USDⓈ-M `|size| × price` (quote asset), COIN-M `|size| × CS / price` (coin).
 * This is what leverage brackets are keyed on.
 */
export function notionalAt(
  position: Pick<PositionInput, 'contractType' | 'contractSize' | 'positionAmt'>,
  price: DecimalInput,
): Decimal {
  const qty = toDecimal(position.positionAmt).abs();
  const p = toDecimal(price);
  return position.contractType === 'linear' ? qty.times(p) : qty.times(contractSizeOf(position)).div(p);
}

/** Notional value at the mark price. */
export function notional(position: PositionInput): Decimal {
  return notionalAt(position, position.markPrice);
}

/**
 * The bracket whose range holds `notionalValue` (`notionalFloor ≤ notional < notionalCap`).
 * Below the first floor the first bracket applies; beyond the last cap, the last one.
 */
export function bracketFor<B extends Bracket>(brackets: readonly B[], notionalValue: DecimalInput): B {
  if (brackets.length === 0) throw new RangeError('A position needs at least one leverage bracket');
  const n = toDecimal(notionalValue);
  for (const b of brackets) {
    if (n.lt(toDecimal(b.notionalCap))) return b;
  }
  return brackets[brackets.length - 1]!;
}

/** Maintenance margin `notional × MMR − cum`, with the bracket that holds the notional at mark. */
export function maintenanceMargin(position: PositionInput): Decimal {
  const n = notional(position);
  const b = bracketFor(position.brackets, n);
  return n.times(toDecimal(b.maintMarginRatio)).minus(toDecimal(b.cum));
}

/**
 * Unrealized PnL at the mark price: USDⓈ-M `size × (MP − EP)`;
 * COIN-M `size × CS × (1/EP − 1/MP)` (in coin).
 */
export function unrealizedPnl(position: PositionInput): Decimal {
  const size = toDecimal(position.positionAmt);
  const ep = toDecimal(position.entryPrice);
  const mp = toDecimal(position.markPrice);
  if (position.contractType === 'linear') return size.times(mp.minus(ep));
  return size.times(contractSizeOf(position)).times(ONE.div(ep).minus(ONE.div(mp)));
}

/** Initial margin at the mark price: USDⓈ-M `MP × |size| / leverage`; COIN-M `|size| × CS / (leverage × MP)`. */
export function initialMarginAtMark(position: PositionInput): Decimal {
  return notional(position).div(toDecimal(position.leverage));
}

/** Margin balance of an isolated position: isolated wallet + unrealized PnL (Binance's `isolatedMargin`). */
export function positionMargin(position: PositionInput): Decimal {
  return toDecimal(position.isolatedWallet).plus(unrealizedPnl(position));
}

/**
 * Effective leverage: notional at mark ÷ margin balance. `null` when the margin balance is not
 * positive (the position is at or beyond liquidation, so no leverage figure is meaningful).
 */
export function effectiveLeverage(position: PositionInput): Decimal | null {
  const margin = positionMargin(position);
  if (margin.lte(ZERO)) return null;
  return notional(position).div(margin);
}
