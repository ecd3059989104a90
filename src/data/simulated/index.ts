/**
 * The simulated exchange: a seeded, in-browser `MarginDataSource` with Binance's adjust-margin rules.
 * @packageDocumentation
 */
export { createSimulatedExchange } from './exchange';
export {
  clampRate,
  MAX_RATE_HZ,
  MIN_RATE_HZ,
  type AccountUpdateOrder,
  type ClosePositionOptions,
  type PositionPatch,
  type SimulatedExchange,
  type SimulatedExchangeOptions,
  type SimulatedListenerCounts,
} from './api';
export { defaultScenario, DEFAULT_SEED, SIMULATED_BRACKETS } from './scenario';
export { validateState, type SimulatedMarket, type SimulatedState } from './state';
export type { InjectedFailure } from './failures';
export { ERROR_CODES, errorForCode, networkError, timeoutError, type ErrorCodeInfo } from './errors';
export { applyAdjustment, type AdjustmentOutcome } from './rules';
export { applyTransfer } from './transfer';
export { amountErrorCode } from './amount';
export { walkStep, trendStep, toMarketPrice, tickSize, type MarkTrend, type WalkResult } from './walk';
export { nextUint32, nextSymmetricInt, prngStateFromSeed, type PrngDraw } from './prng';
