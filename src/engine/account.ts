import { crossSums } from '../core/cross';
import { toDecimal, type Decimal } from '../core/decimal';
import type { CrossInput, PositionInput } from '../core/types';
import { perSnapshot } from './perSnapshot';
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

/**
 * The margin-math input of a position without the mark price, its decimal strings parsed once per
 * snapshot (the core functions take Decimals as they take strings, and compute the same digits).
 */
export const parsedPositionInput = perSnapshot((p: PositionSnapshot): Omit<PositionInput, 'markPrice'> => ({
  contractType: p.contractType,
  positionAmt: toDecimal(p.positionAmt),
  entryPrice: toDecimal(p.entryPrice),
  leverage: toDecimal(p.leverage),
  isolatedWallet: toDecimal(p.isolatedWallet),
  contractSize: p.contractSize === undefined ? undefined : toDecimal(p.contractSize),
  brackets: p.brackets,
}));

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
  const parts = crossPartsOf(account, asset);
  return crossSums({
    crossWalletBalance: parts.wallet,
    crossPositions: parts.cross.map(({ position, input }) => ({ ...input, markPrice: markOf(marks, position) })),
    isolatedOpenOrderInitialMargins: parts.isolatedOpenOrderInitialMargins,
  });
}

/** What the cross sums of one asset take from a snapshot, its decimal strings parsed once. */
interface CrossParts {
  wallet: Decimal;
  cross: { position: PositionSnapshot; input: Omit<PositionInput, 'markPrice'> }[];
  isolatedOpenOrderInitialMargins: Decimal[];
}

// Per account snapshot and asset: the dialog recomputes the sums on every tick of a cross symbol,
// and the snapshot's own numbers do not change between ticks.
const crossPartsByAsset = perSnapshot((_account: AccountSnapshot) => new Map<string, CrossParts>());

function crossPartsOf(account: AccountSnapshot, asset: string): CrossParts {
  const byAsset = crossPartsByAsset(account);
  let parts = byAsset.get(asset);
  if (!parts) {
    const inAsset = account.positions.filter((p) => p.marginAsset === asset);
    parts = {
      wallet: toDecimal(account.assets.find((a) => a.asset === asset)?.crossWalletBalance ?? '0'),
      cross: inAsset
        .filter((p) => p.marginType === 'cross')
        .map((position) => ({ position, input: parsedPositionInput(position) })),
      isolatedOpenOrderInitialMargins: inAsset
        .filter((p) => p.marginType === 'isolated')
        .map((p) => toDecimal(p.openOrderInitialMargin)),
    };
    byAsset.set(asset, parts);
  }
  return parts;
}
