/** The Binance Futures adapter: `createBinanceSource` and the pure payload mappers it is built from. */
export { createBinanceSource, DEFAULT_ADJUST_TIMEOUT_MS, DEFAULT_SILENT_AFTER_MS, type BinanceSource } from './source';
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
export { createProxyRequest, type ProxyRequestOptions } from './proxy-request';
export { backOffOnRateLimit, DEFAULT_RETRY_AFTER_SECONDS } from './rate-limit';
export {
  accountPositionRows,
  contractTypeOf,
  DEFAULT_ASSET_PRECISION,
  mapAccountAssets,
  mapAccountSnapshot,
  mapMarginType,
  mapPositionRisk,
  mapPositionRow,
  mapPositionSide,
  openPositionSymbols,
  rowsBySymbol,
  type BinanceAccountSnapshot,
  type PositionContext,
  type UnavailablePosition,
} from './account';
export { applyAccountUpdate, parseAccountUpdate, type AccountUpdate, type MergedAccount } from './account-update';
export { mapBracketTiers, mapBrackets } from './brackets';
export { mapExchangeInfo, type BinanceSymbolInfo } from './exchange-info';
export {
  ALL_MARKET_MARK_PRICE_STREAM,
  DEFAULT_ALL_MARKET_ABOVE,
  markPriceStream,
  markPriceStreams,
  parseMarkPriceFrame,
  parseMarkPriceFrames,
} from './mark-price';
export { MAX_FRAMES_PER_SECOND, MAX_STREAMS_PER_CONNECTION } from './stream-subscriptions';
export { DEFAULT_STREAM_BASE_URL, marketStreamUrl, userStreamUrl } from './stream-urls';
export { DEFAULT_LISTEN_KEY_KEEP_ALIVE_MS } from './user-stream';
export { errorInSuccessBody, positionMarginParams } from './adjust';
export { ASSET_TRANSFER_PATH, assetTransferParams, futuresToSpotType, tranIdOf } from './transfer';
export { binancePaths, type BinancePaths } from './paths';
export { decimalString } from './decimal-string';
export {
  BinanceFieldError,
  fieldProblemOf,
  type BinanceFieldProblem,
  type BinanceFieldProblemCode,
} from './field-error';
export { reconnectDelay, DEFAULT_INITIAL_DELAY_MS, DEFAULT_MAX_DELAY_MS } from './backoff';
export { BINANCE_CODES, binanceCode, binanceCodeError, type BinanceCode } from '../binance-codes';
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
  RawSymbolConfig,
  RawUpdateBalance,
  RawUpdatePosition,
} from './payloads';
