import type { AdjustType, Bracket, ContractType } from '../core/types';

/** `BOTH` in one-way mode; `LONG` or `SHORT` for the two sides of a hedge-mode symbol. */
export type PositionSide = 'BOTH' | 'LONG' | 'SHORT';

/** Margin mode of a position. */
export type MarginType = 'isolated' | 'cross';

/** One position as a data source reports it. Decimal values are exact decimal strings. */
export interface PositionSnapshot {
  symbol: string;
  positionSide: PositionSide;
  marginType: MarginType;
  contractType: ContractType;
  /** COIN-M only: contract size in USD. */
  contractSize?: string;
  /** Signed quantity: + long, − short. */
  positionAmt: string;
  entryPrice: string;
  /** The mark price when the snapshot was taken; live prices come from `subscribeMarkPrice`. */
  markPrice: string;
  leverage: string;
  /** Isolated wallet balance; "0" for a cross position. */
  isolatedWallet: string;
  /** Initial margin reserved by this position's open orders. */
  openOrderInitialMargin: string;
  brackets: readonly Bracket[];
  /** The margin asset: USDT, USDC… (USDⓈ-M) or the coin (COIN-M). */
  marginAsset: string;
  /**
   * Optional, USDⓈ-M: the base asset the size counts (BTC for BTCUSDT; Binance exchangeInfo's
   * `baseAsset`). Without it the table takes the symbol less its margin asset, or shows no unit.
   */
  baseAsset?: string;
  /** Decimals the margin asset's amounts may have (8 unless the asset says otherwise). */
  marginAssetPrecision: number;
  /** Decimals of the symbol's prices. */
  pricePrecision: number;
}

/** The cross wallet of one margin asset. */
export interface AssetSnapshot {
  asset: string;
  crossWalletBalance: string;
}

/** Everything a source knows about the account at one moment. */
export interface AccountSnapshot {
  assets: readonly AssetSnapshot[];
  positions: readonly PositionSnapshot[];
  /** Epoch milliseconds of the snapshot. */
  updateTime: number;
  /**
   * Optional: positions the source could name but not read (a garbled or missing field), each with
   * what is wrong and where. The kit shows them as unavailable, like the rows its own check sets apart.
   */
  unavailable?: readonly SourceUnavailablePosition[];
}

/** A position a source could not read: a code (see `SnapshotProblemCode`) and the field, no sentence. */
export interface SourceUnavailablePosition {
  symbol: string;
  positionSide: PositionSide;
  problem: { code: string; field: string };
}

/** One mark-price update (`markPriceUpdate` on Binance's stream). */
export interface MarkPriceUpdate {
  symbol: string;
  markPrice: string;
  /** Epoch milliseconds of the event. */
  eventTime: number;
}

/** Freshness of a source's mark-price feed for a symbol. */
export type FeedStatus = 'live' | 'reconnecting';

/** What Confirm hands to the source (and to an app's `onConfirm`). */
export interface AdjustMarginRequest {
  symbol: string;
  positionSide: PositionSide;
  type: AdjustType;
  /** The exact decimal string the user confirmed, in the margin asset. */
  amount: string;
  /** Unique per user intent: a retry of the same intent reuses it. */
  clientRequestId: string;
}

/** What a source returns for an accepted adjustment. */
export interface AdjustMarginResult {
  symbol: string;
  positionSide: PositionSide;
  type: AdjustType;
  amount: string;
  clientRequestId: string;
}

/** Where a transfer moves an asset: today only out of the futures (cross) wallet into the spot wallet. */
export type TransferDirection = 'futuresToSpot';

/** What Transfer out hands to the source: an amount of a margin asset, out of the futures wallet. */
export interface TransferRequest {
  /** The margin asset (USDT, BTC…): its cross wallet is what the amount leaves. */
  asset: string;
  /** The exact decimal string the user confirmed. */
  amount: string;
  direction: TransferDirection;
  /** Unique per user intent: a retry of the same intent reuses it. */
  clientRequestId: string;
}

/** What a source returns for an accepted transfer. */
export interface TransferResult extends TransferRequest {
  /** The exchange's id of the transfer, when it gives one (Binance's `tranId`). */
  transactionId?: string;
}

/**
 * The kinds of failure an adjustment can end in. `'timeout'` means the result is unknown (the
 * request may have been applied): check the position before retrying.
 */
export type AdjustMarginErrorKind =
  | 'insufficientCrossBalance'
  | 'insufficientIsolatedBalance'
  | 'noPosition'
  | 'invalidAmount'
  | 'notIsolated'
  | 'liquidating'
  | 'network'
  | 'timeout'
  | 'unknown';

/**
 * A typed adjustment failure that keeps the exchange's own code and message.
 * `message` is a clear sentence for a person; `exchangeMessage` is what the exchange said.
 */
export class AdjustMarginError extends Error {
  readonly kind: AdjustMarginErrorKind;
  readonly code: number | undefined;
  readonly exchangeMessage: string | undefined;

  constructor(kind: AdjustMarginErrorKind, message: string, options: { code?: number; exchangeMessage?: string } = {}) {
    super(message);
    this.name = 'AdjustMarginError';
    this.kind = kind;
    this.code = options.code;
    this.exchangeMessage = options.exchangeMessage;
  }
}

/** Removes a subscription. */
export type Unsubscribe = () => void;

/**
 * Where the numbers come from. An app implements it or picks one from the kit
 * (the simulated exchange, the Binance adapter).
 */
export interface MarginDataSource {
  /** The account: cross wallets per asset and every position. */
  getAccount(): Promise<AccountSnapshot>;
  /** Live mark prices of one symbol. Returns the unsubscribe function. */
  subscribeMarkPrice(symbol: string, onUpdate: (update: MarkPriceUpdate) => void): Unsubscribe;
  /** Account changes: a wallet after an adjustment, funding, a position closed or liquidated. */
  subscribeAccount(onUpdate: (account: AccountSnapshot) => void): Unsubscribe;
  /**
   * Optional: the mark-price feed's connection state ('reconnecting' marks every price stale at once).
   * A new listener must hear 'reconnecting' at once when the feed is down, then every change.
   */
  subscribeFeedStatus?(onStatus: (status: FeedStatus) => void): Unsubscribe;
  /** Submits an adjustment. Rejects with an `AdjustMarginError`. */
  adjustMargin(request: AdjustMarginRequest): Promise<AdjustMarginResult>;
  /**
   * Optional: moves an amount of a margin asset from the futures wallet to the spot wallet. Rejects
   * with an `AdjustMarginError`, kind `'insufficientCrossBalance'` for an amount over what the
   * exchange lets leave the wallet now. Without it the kit offers no Transfer.
   */
  transfer?(request: TransferRequest): Promise<TransferResult>;
}
