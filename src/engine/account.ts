import { crossSums } from '../core/cross';
import type { CrossInput, PositionInput } from '../core/types';
import type { AccountSnapshot, PositionSide, PositionSnapshot } from './types';

/** Mark prices by symbol; a symbol with no live price falls back to its snapshot's `markPrice`. */
export type MarkPrices = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** The live mark price of a position's symbol, or the snapshot's own when there is none yet. */
export function markOf(marks: MarkPrices | undefined, p: PositionSnapshot): string {
  if (!marks) return p.markPrice;
  // An own property only: a symbol named `constructor` or `__proto__` finds nothing inherited.
  const record = marks as Readonly<Record<string, string>>;
  const live =
    marks instanceof Map ? marks.get(p.symbol) : Object.hasOwn(record, p.symbol) ? record[p.symbol] : undefined;
  return live ?? p.markPrice;
}

/** The margin-math input of a position at a mark price. */
export function toPositionInput(p: PositionSnapshot, markPrice: string = p.markPrice): PositionInput {
  return {
    contractType: p.contractType,
    positionAmt: p.positionAmt,
    entryPrice: p.entryPrice,
    markPrice,
    leverage: p.leverage,
    isolatedWallet: p.isolatedWallet,
    contractSize: p.contractSize,
    brackets: p.brackets,
  };
}

/** The one position of `symbol` on `positionSide`, or `undefined` when it is closed or never existed. */
export function findPosition(
  account: AccountSnapshot,
  symbol: string,
  positionSide: PositionSide,
): PositionSnapshot | undefined {
  return account.positions.find((p) => p.symbol === symbol && p.positionSide === positionSide);
}

/**
 * The cross-account sums of one margin asset at the given mark prices: the cross positions' PnL,
 * initial and maintenance margin, and the open-order margin reserved by isolated positions.
 */
export function crossInputFor(account: AccountSnapshot, asset: string, marks?: MarkPrices): CrossInput {
  const inAsset = account.positions.filter((p) => p.marginAsset === asset);
  return crossSums({
    crossWalletBalance: account.assets.find((a) => a.asset === asset)?.crossWalletBalance ?? '0',
    crossPositions: inAsset.filter((p) => p.marginType === 'cross').map((p) => toPositionInput(p, markOf(marks, p))),
    isolatedOpenOrderInitialMargins: inAsset
      .filter((p) => p.marginType === 'isolated')
      .map((p) => p.openOrderInitialMargin),
  });
}
