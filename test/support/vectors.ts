import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bracket, ContractType } from '../../src/core/types';

/** `../shared/spec/vectors.json`, read at test time from beside the repo (tests run from the repo root). */
const path = resolve(process.env.SHARED_DIR ?? resolve(process.cwd(), '..', 'shared'), 'spec', 'vectors.json');

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

export const vectors = JSON.parse(readFileSync(path, 'utf8')) as {
  brackets: Record<string, Bracket[]>;
  isolated: IsolatedVector[];
  cross: CrossVector[];
};
