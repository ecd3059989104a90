import type { Bracket, ContractType, PositionInput } from '../../src/core/types';
import fixture from '../fixtures/vectors.json';

export interface IsolatedVector {
  id: string;
  note: string;
  contractType: ContractType;
  positionAmt: string;
  entryPrice: string;
  markPrice: string;
  leverage: string;
  isolatedWallet: string;
  brackets: string;
  contractSize?: string;
  expect: {
    maintMargin: string;
    removeTermMaintenance: string;
    removeTermInitial: string;
    maxRemovable: string;
    liquidationPrice: string | null;
    liquidationPriceAfterMaxRemove: string | null;
  };
}

export interface CrossVector {
  id: string;
  note: string;
  crossWalletBalance: string;
  crossUnrealizedPnl: string;
  crossInitialMargin: string;
  crossMaintMargin: string;
  isolatedOpenOrderInitialMargin: string;
  expect: { availableForOrder: string; maxAddable: string; crossMaxWithdrawal: string };
}

/** The public test vectors, from the repo's own copy (test/fixtures/vectors.json). */
export const vectors = fixture as {
  brackets: Record<string, Bracket[]>;
  isolated: IsolatedVector[];
  cross: CrossVector[];
};

/** An isolated vector's position as the core takes it, its bracket table resolved. */
export function positionOf(v: IsolatedVector): PositionInput {
  const brackets = vectors.brackets[v.brackets];
  if (!brackets) throw new Error(`vectors.json names an unknown bracket table ${v.brackets}`);
  return {
    contractType: v.contractType,
    positionAmt: v.positionAmt,
    entryPrice: v.entryPrice,
    markPrice: v.markPrice,
    leverage: v.leverage,
    isolatedWallet: v.isolatedWallet,
    contractSize: v.contractSize,
    brackets,
  };
}

/** The position of the isolated vector `id` (e.g. "V1"). */
export function vectorPosition(id: string): PositionInput {
  const v = vectors.isolated.find((x) => x.id === id);
  if (!v) throw new Error(`vectors.json has no isolated vector ${id}`);
  return positionOf(v);
}
