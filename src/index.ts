/**
 * adjust-margin-kit: the Adjust Margin dialog for isolated perpetual-futures positions.
 *
 * - Everything of `adjust-margin-kit/headless` (core math, parsing, formatting; the framework-free
 *   session and engine).
 * - React: the provider and thin hooks over the session.
 * - UI: the dialog and the positions table. Import the stylesheet from `adjust-margin-kit/styles.css`.
 *
 * The simulated exchange and the Binance adapter are separate entries:
 * `adjust-margin-kit/simulated`, `adjust-margin-kit/binance`.
 * @packageDocumentation
 */
export * from './headless';

// React
export { accountQueryOptions, marginKeys } from './react/queries';
export {
  MarginSourceProvider,
  useMarginSource,
  type MarginSourceContextValue,
  type MarginSourceProviderProps,
} from './react/MarginSourceProvider';
export { useAccount } from './react/useAccount';
export { useAccountSummary } from './react/useAccountSummary';
export { useTransfer } from './react/useTransfer';
export { useTransferOutcomes } from './react/useTransferOutcomes';
export {
  useTransferForm,
  type TransferFormState,
  type TransferSubmitState,
  type UseTransferFormOptions,
} from './react/useTransferForm';
export { useAdjustment } from './react/useAdjustment';
export { useAdjustmentOutcomes } from './react/useAdjustmentOutcomes';
export { useFeedStatus } from './react/useFeedStatus';
export { useMarginLimits } from './react/useMarginLimits';
export { useMarkPrice } from './react/useMarkPrice';
export { useMarkPriceValue } from './react/useMarkPriceValue';
export { usePositionFigures } from './react/usePositionFigures';
export {
  useAdjustMarginForm,
  type AdjustMarginFormState,
  type SubmitState,
  type UseAdjustMarginFormOptions,
} from './react/useAdjustMarginForm';

// UI
export { AdjustMarginDialog, type AdjustMarginDialogProps } from './ui/dialog/AdjustMarginDialog';
export { PositionsTable, type PositionsTableProps } from './ui/PositionsTable';
export type { PositionsTableColumn } from './ui/table/columns';
export { AccountSummary, type AccountSummaryProps } from './ui/summary/AccountSummary';
export { TransferOutDialog, type TransferOutDialogProps } from './ui/transfer/TransferOutDialog';
export {
  amountErrorMessages,
  amountErrorText,
  defaultMessages,
  resolveMessages,
  type AdjustErrorMessages,
  type AccountMessages,
  type AdjustMarginMessages,
  type AmountErrorMessages,
  type FeedState,
  type KitLocale,
  type SnapshotProblemMessages,
} from './ui/messages';
