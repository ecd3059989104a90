/**
 * Package entry `adjust-margin-kit/headless`: everything without React. The margin math, amount
 * parsing and formatting (core), and the live state (engine): the data-source interface, the
 * snapshot checks, the incremental engine, mark prices with the throttle, and the session with its
 * position observers and the Confirm lifecycle. Safe on a server and in a worker.
 * @packageDocumentation
 */

// Core: pure math, parsing, formatting
export { Dec, toDecimal, type DecimalInput } from './core/decimal';
export type { AdjustType, Bracket, ContractType, CrossInput, PositionInput, RemoveLimitedBy } from './core/types';
export {
  bracketFor,
  effectiveLeverage,
  initialMarginAtMark,
  maintenanceMargin,
  notional,
  notionalAt,
  positionMargin,
  positionSign,
  unrealizedPnl,
} from './core/position';
export {
  availableForOrder,
  crossMaxWithdrawal,
  DEFAULT_ASSET_DECIMALS,
  maxAddable,
  maxRemovable,
  type MaxRemovable,
} from './core/limits';
export { liquidationPrice, type LiquidationInput } from './core/liquidation';
export { marginForLiquidationPrice, type TargetMargin, type TargetMarginOptions } from './core/targetLiquidation';
export { adjustedPosition, positionFigures, type PositionFigures } from './core/adjustment';
export { DEFAULT_WARN_LIQUIDATION_DISTANCE_PCT, riskSummary, type RiskSummary } from './engine/riskSummary';
export { isNearLiquidation, liquidationDistance, marginRatio, riskFigures, type RiskFigures } from './core/risk';
export { crossSums } from './core/cross';
export { roundDown, roundHalfUp } from './core/rounding';
export {
  getLocaleSeparators,
  MAX_AMOUNT_LENGTH,
  parseAmount,
  validateAmount,
  type AmountError,
  type AmountErrorCode,
  type ParseAmountOptions,
  type ParseResult,
  type ValidateAmountOptions,
  type ValidationResult,
} from './core/amount';
export {
  amountInputValue,
  canonical,
  formatAmount,
  formatDecimal,
  formatLeverage,
  formatLiquidationPrice,
  formatPercent,
  formatPrice,
  NO_VALUE,
  type FormatDecimalOptions,
  type Rounding,
} from './core/format';

// Engine: live state, framework-free
export {
  AdjustMarginError,
  type AccountSnapshot,
  type AdjustMarginErrorKind,
  type AdjustMarginRequest,
  type AdjustMarginResult,
  type AssetSnapshot,
  type FeedStatus,
  type MarginDataSource,
  type MarginType,
  type MarkPriceUpdate,
  type PositionSide,
  type PositionSnapshot,
  type SourceUnavailablePosition,
  type TransferDirection,
  type TransferRequest,
  type TransferResult,
  type Unsubscribe,
} from './engine/types';
export { positionKey } from './engine/positionKey';
export {
  checkAccountSnapshot,
  checkMarkPriceUpdate,
  isSnapshotName,
  SNAPSHOT_LIMITS,
  type CheckedAccount,
  type SnapshotProblem,
  type SnapshotProblemCode,
  type UnavailableAsset,
  type UnavailablePosition,
} from './engine/checkSnapshot';
export { markOf, toPositionInput, type MarkPrices } from './engine/account';
export type { MarginLimits } from './engine/marginLimits';
export {
  createLiveAccount,
  type LiveAccount,
  type LiveAccountChange,
  type LiveCrossSums,
  type LivePositionFigures,
} from './engine/liveAccount';
export {
  createMarkPriceStore,
  DEFAULT_THROTTLE_MS,
  GATHER_MS,
  type MarkPriceStore,
  type MarkPriceStoreOptions,
} from './engine/markPriceStore';
export { createAccountStore, type AccountStore, type AccountStoreState } from './engine/accountStore';
export {
  AccountEngineError,
  createMarginSession,
  type AccountState,
  type MarginSession,
  type MarginSessionOptions,
} from './engine/session';
export { DEFAULT_STALE_AFTER_MS } from './engine/staleness';
export {
  assetDecimals,
  latestAssetSummary,
  observeAccountSummary,
  type AccountSummaryObserver,
  type AccountSummaryState,
  type AssetSummary,
} from './engine/accountSummary';
export {
  summarizeTransferForm,
  transferReceipt,
  transfersOf,
  validateTransfer,
  type SubmitTransfer,
  type TransferFormSummary,
  type TransferReceipt,
  type Transfers,
  type TransferState,
} from './engine/transfers';
export { confirmTransfer, type TransferConfirmInput, type TransferConfirmOutcome } from './engine/confirmTransfer';
export {
  observePosition,
  type OfferedMax,
  type PositionObserver,
  type PositionState,
  type PositionStatus,
} from './engine/positionObserver';
export {
  adjustmentReceipt,
  type AdjustmentReceipt,
  type Adjustments,
  type AdjustmentState,
  type SubmitAdjustMargin,
} from './engine/adjustments';
export {
  createOperations,
  toAdjustMarginError,
  type IdentifiedRequest,
  type Operations,
  type OperationState,
  type SubmitOperation,
} from './engine/operations';
export { DEFAULT_MAX_HEADROOM_BPS, offeredMax } from './engine/headroom';
export { confirmAdjustment, freshMax, type ConfirmInput, type ConfirmOutcome } from './engine/confirm';
export {
  intentText,
  maxFor,
  percentOfMax,
  summarizeAdjustMarginForm,
  validateFor,
  type AdjustMarginFormInputs,
  type AdjustMarginFormSummary,
  type AmountIntent,
  type Percent,
} from './engine/adjustMarginForm';
export {
  solveTarget,
  targetRange,
  type TargetError,
  type TargetRange,
  type TargetSolution,
} from './engine/targetLiquidationForm';
