/** The Binance Futures adapter: `createBinanceSource` and the pure payload mappers it is built from. */
export { createBinanceSource, DEFAULT_ADJUST_TIMEOUT_MS, type BinanceSource } from './source';
export type {
  BinanceMarket,
  BinanceRequest,
  BinanceSourceOptions,
  ReconnectOptions,
  SocketHandler,
  UserStreamOptions,
  WebSocketFactory,
  WebSocketLike,
} from './options';
export { BinanceHttpError, mapBinanceError, readBinanceError, type BinanceErrorFields } from './errors';
export {
  contractTypeOf,
  DEFAULT_ASSET_PRECISION,
  mapAccountAssets,
  mapAccountSnapshot,
  mapMarginType,
  mapOpenOrderMargins,
  mapPositionRisk,
  mapPositionSide,
  openPositionSymbols,
  positionKey,
  type PositionContext,
} from './account';
export { applyAccountUpdate, parseAccountUpdate, type AccountUpdate, type MergedAccount } from './account-update';
export { mapBracketTiers, mapBrackets } from './brackets';
export { mapExchangeInfo, type BinanceSymbolInfo } from './exchange-info';
export { markPriceStream, parseMarkPriceFrame } from './mark-price';
export { errorInSuccessBody, positionMarginParams } from './adjust';
export { binancePaths, type BinancePaths } from './paths';
export { decimalString } from './decimal-string';
export { reconnectDelay, DEFAULT_INITIAL_DELAY_MS, DEFAULT_MAX_DELAY_MS } from './backoff';
export type {
  RawAccount,
  RawAccountAsset,
  RawAccountPosition,
  RawAccountUpdate,
  RawBracketTier,
  RawExchangeSymbol,
  RawMarkPriceUpdate,
  RawPositionRisk,
  RawSymbolBrackets,
  RawUpdateBalance,
  RawUpdatePosition,
} from './payloads';
