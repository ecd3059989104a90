import type { Bracket, ContractType } from '../../src/core/types';
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
