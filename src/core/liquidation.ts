import { Dec, toDecimal, type Decimal } from './decimal';
import { notionalAt } from './position';
import type { Bracket, PositionInput } from './types';

const ZERO = new Dec(0);

/** The part of a position the liquidation price depends on (not the mark price). */
export type LiquidationInput = Pick<
  PositionInput,
  'contractType' | 'positionAmt' | 'entryPrice' | 'isolatedWallet' | 'contractSize' | 'brackets'
>;

function candidate(position: LiquidationInput, bracket: Bracket): Decimal | null {
  const q = toDecimal(position.positionAmt).abs();
  const side = toDecimal(position.positionAmt).isNegative() ? -1 : 1;
  const ep = toDecimal(position.entryPrice);
  const wb = toDecimal(position.isolatedWallet);
  const mmr = toDecimal(bracket.maintMarginRatio);
  const cum = toDecimal(bracket.cum);
  let num: Decimal;
  let den: Decimal;
  if (position.contractType === 'linear') {
    // LP = (WB + cum − side·Q·EP) / (Q·MMR − side·Q)
    num = wb.plus(cum).minus(q.times(ep).times(side));
    den = q.times(mmr).minus(q.times(side));
  } else {
    // LP = Q·CS·(MMR + side) / (WB + cum + side·Q·CS/EP)
    const qcs = q.times(toDecimal(position.contractSize ?? 0));
    num = qcs.times(mmr.plus(side));
    den = wb.plus(cum).plus(qcs.div(ep).times(side));
  }
  if (den.isZero()) return null;
  const lp = num.div(den);
  return lp.gt(ZERO) ? lp : null;
}

/**
 * Estimated liquidation price of an isolated position at its `isolatedWallet`
 * (for the price after an adjustment, pass the adjusted wallet).
 *
 * The maintenance bracket is the one holding the notional **at the liquidation price**: each
 * bracket's candidate is kept only if its notional at that price falls inside the bracket.
 * `null` when there is none: a USDⓈ-M long whose price would be ≤ 0, or a COIN-M short whose
 * wallet covers the whole position. It does not depend on the mark price.
 */
export function liquidationPrice(position: LiquidationInput): Decimal | null {
  if (toDecimal(position.positionAmt).isZero()) return null;
  const brackets = position.brackets;
  for (let i = 0; i < brackets.length; i++) {
    const b = brackets[i]!;
    const lp = candidate(position, b);
    if (lp === null) continue;
    const n = notionalAt(position, lp);
    const isFirst = i === 0;
    const isLast = i === brackets.length - 1;
    if ((isFirst || n.gte(toDecimal(b.notionalFloor))) && (isLast || n.lt(toDecimal(b.notionalCap)))) return lp;
  }
  return null;
}
