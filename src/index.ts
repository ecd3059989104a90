/**
 * adjust-margin-kit: the Adjust Margin dialog for isolated perpetual-futures positions.
 *
 * - Core (pure TypeScript, decimal.js): Binance's margin math for USDⓈ-M and COIN-M, amount
 *   parsing and validation per locale, formatting.
 * - Data: the `MarginDataSource` interface, the provider and React Query hooks for live limits.
 * - UI: the dialog, its headless hook, the positions table. Import the stylesheet from
 *   `adjust-margin-kit/styles.css`.
 *
 * The simulated exchange and the Binance adapter are separate entries:
 * `adjust-margin-kit/simulated`, `adjust-margin-kit/binance`.
 * @packageDocumentation
 */

// Core
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
export { adjustedPosition, adjustmentPreview, positionFigures, type PositionFigures } from './core/adjustment';
export { crossSums } from './core/cross';
export { roundDown, roundHalfUp } from './core/rounding';
export {
  amountErrorMessages,
  getLocaleSeparators,
  parseAmount,
  validateAmount,
  type AmountError,
  type AmountErrorCode,
  type AmountErrorMessages,
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
  formatPercent,
  formatPrice,
  NO_VALUE,
  type FormatDecimalOptions,
  type Rounding,
} from './core/format';

// Data
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
  type Unsubscribe,
} from './engine/types';
export { crossInputFor, findPosition, markOf, toPositionInput, type MarkPrices } from './engine/account';
export { computeMarginLimits, type MarginLimits } from './engine/marginLimits';
export {
  createLiveAccount,
  positionKey,
  type LiveAccount,
  type LiveAccountChange,
  type LiveCrossSums,
  type LivePositionFigures,
} from './engine/liveAccount';
export {
  createMarkPriceStore,
  DEFAULT_THROTTLE_MS,
  type MarkPriceStore,
  type MarkPriceStoreOptions,
} from './engine/markPriceStore';
export { accountQueryOptions, marginKeys } from './react/queries';
export {
  MarginSourceProvider,
  useMarginSource,
  type MarginSourceContextValue,
  type MarginSourceProviderProps,
} from './react/MarginSourceProvider';
export { useFeedStatus, useMarkPrice, useMarkPrices, useMarkPriceValue } from './react/useMarkPrice';
export {
  DEFAULT_STALE_AFTER_MS,
  useMarginLimits,
  type MarginLimitsState,
  type MarginLimitsStatus,
} from './react/useMarginLimits';
export { useAdjustMargin, type SubmitAdjustMargin } from './react/useAdjustMargin';

// UI
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
  useAdjustMarginForm,
  type AdjustMarginFormState,
  type SubmitState,
  type UseAdjustMarginFormOptions,
} from './react/useAdjustMarginForm';
export { AdjustMarginDialog, type AdjustMarginDialogProps } from './ui/AdjustMarginDialog';
export { PositionsTable, type PositionsTableProps } from './ui/PositionsTable';
export { defaultMessages, resolveMessages, type AdjustMarginMessages } from './ui/messages';
