import type { DecimalInput } from './decimal';

/** USDⓈ-M (linear, margin in the quote asset) or COIN-M (inverse, margin in the coin). */
export type ContractType = 'linear' | 'inverse';

/**
 * One tier of a leverage-bracket table (`GET /fapi/v1/leverageBracket`, `/dapi/v2/leverageBracket`).
 * USDⓈ-M tiers are in notional (quote asset); COIN-M tiers are in coin (`qtyFloor`/`qtyCap` there).
 */
export interface Bracket {
  notionalFloor: DecimalInput;
  notionalCap: DecimalInput;
  maintMarginRatio: DecimalInput;
  cum: DecimalInput;
}

/** An isolated position as the margin math needs it. Field names are the Binance API's. */
export interface PositionInput {
  contractType: ContractType;
  /** Signed quantity: + long, − short. Base units (USDⓈ-M) or contracts (COIN-M). */
  positionAmt: DecimalInput;
  entryPrice: DecimalInput;
  markPrice: DecimalInput;
  leverage: DecimalInput;
  /** The position's isolated wallet balance (`isolatedWallet`, `iw`). */
  isolatedWallet: DecimalInput;
  /** COIN-M only: contract size in USD (100 for BTCUSD, 10 for ETHUSD). */
  contractSize?: DecimalInput;
  brackets: readonly Bracket[];
}

/** Cross-account sums for one margin asset. */
export interface CrossInput {
  crossWalletBalance: DecimalInput;
  /** Σ unrealized PnL of the cross positions. */
  crossUnrealizedPnl: DecimalInput;
  /** Σ initial margin of the cross positions. */
  crossInitialMargin: DecimalInput;
  /** Σ maintenance margin of the cross positions. */
  crossMaintMargin: DecimalInput;
  /** Σ open-order initial margin of the isolated positions. */
  isolatedOpenOrderInitialMargin: DecimalInput;
}

/** Which bound limits how much margin can be removed. */
export type RemoveLimitedBy = 'maintenanceMargin' | 'initialMargin';

/** Add margin to, or remove margin from, an isolated position. */
export type AdjustType = 'ADD' | 'REMOVE';
