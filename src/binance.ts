/**
 * Package entry `adjust-margin-kit/binance`: the Binance Futures data source and its payload mappers.
 * The kit's data-source types are re-exported so an app can import everything from here.
 */
export * from './data/binance';
export { AdjustMarginError } from './engine/types';
export type {
  AccountSnapshot,
  AdjustMarginErrorKind,
  AdjustMarginRequest,
  AdjustMarginResult,
  AssetSnapshot,
  FeedStatus,
  MarginDataSource,
  MarkPriceUpdate,
  PositionSide,
  PositionSnapshot,
  TransferDirection,
  TransferRequest,
  TransferResult,
  Unsubscribe,
} from './engine/types';
