import type {
  FeedStatus,
  MarginDataSource,
  PositionSide,
  PositionSnapshot,
  TransferRequest,
  TransferResult,
  Unsubscribe,
} from '../../engine/types';
import type { InjectedFailure } from './failures';
import type { MarkTrend } from './walk';
import type { SimulatedState } from './state';

/** The slowest random walk: one tick every 10 s. */
export const MIN_RATE_HZ = 0.1;
/** The fastest random walk: 50 ticks per second. Faster requests are clamped to this. */
export const MAX_RATE_HZ = 50;

/** Options of `createSimulatedExchange`. Each given value overrides the one in `state`. */
export interface SimulatedExchangeOptions {
  /** Where to start (default `defaultScenario()`): e.g. a state saved with `exportState`. */
  state?: SimulatedState;
  /** A new seed: the PRNG restarts from it. */
  seed?: number;
  /** Random-walk ticks per second, clamped to 0.1–50. */
  rateHz?: number;
  /** Simulated latency of `getAccount` and `adjustMargin` in ms (≥ 0). */
  latencyMs?: number;
  /** How long an injected timeout takes, in ms (≥ 0; default 10 000). */
  timeoutMs?: number;
  /** Start the random walk at once (default false: the host calls `start()`). */
  autoStart?: boolean;
}

/** When an accepted request's account update goes out, relative to its reply. */
export type AccountUpdateOrder = 'withReply' | 'beforeReply' | 'afterReply';

/** How a position left the account in `closePosition`. */
export interface ClosePositionOptions {
  /**
   * `'closed'` (default): settled at the current mark; the isolated wallet and the realized PnL go
   * to the cross wallet. `'liquidated'`: the isolated wallet is lost (a cross position's PnL is
   * still realized in the cross wallet).
   */
  reason?: 'closed' | 'liquidated';
}

/** What `updatePosition` may change. Market properties (symbol, prices, contract) stay. */
export type PositionPatch = Partial<
  Pick<
    PositionSnapshot,
    'marginType' | 'positionAmt' | 'entryPrice' | 'leverage' | 'isolatedWallet' | 'openOrderInitialMargin' | 'brackets'
  >
>;

/** Subscriptions currently held, for leak tests. */
export interface SimulatedListenerCounts {
  markPrice: number;
  account: number;
  feedStatus: number;
  total: number;
}

/**
 * A simulated Binance-style futures exchange that runs in the browser: a `MarginDataSource` plus
 * controls for demos, stories and tests.
 */
export interface SimulatedExchange extends MarginDataSource {
  /** The feed's status; it starts `'live'`. A new listener hears 'reconnecting' at once during an outage, then every change. */
  subscribeFeedStatus(onStatus: (status: FeedStatus) => void): Unsubscribe;
  /**
   * Moves an amount out of the asset's cross wallet (to a spot wallet the simulation does not keep),
   * up to its max withdrawable at the marks when the request arrives (-5002 above it; see `applyTransfer`).
   */
  transfer(request: TransferRequest): Promise<TransferResult>;
  /** Starts the random walk at the current rate (no-op when running or disposed). */
  start(): void;
  /** Stops the random walk; prices stay where they are. */
  pause(): void;
  /** One random-walk tick for every symbol now, running or not. */
  step(): void;
  /** Whether the random walk runs. */
  isRunning(): boolean;
  /** Sets the walk's rate, clamped to 0.1–50 Hz; returns the rate in effect. Throws on a non-finite rate. */
  setRate(hz: number): number;
  /** The walk's rate in Hz. */
  getRate(): number;
  /** Sets the latency of `getAccount` and `adjustMargin` (ms ≥ 0). */
  setLatency(ms: number): void;
  /** Sets how long an injected timeout takes (ms ≥ 0). */
  setTimeoutMs(ms: number): void;
  /**
   * When an accepted request's account update reaches `subscribeAccount` listeners: with the reply
   * (default: just before it, as the request is applied), one latency before the reply, or one
   * latency after it. Binance's ACCOUNT_UPDATE may come either side of the REST reply.
   */
  setAccountUpdateOrder(order: AccountUpdateOrder): void;
  /**
   * Replaces the random walk with a steady move (`null`: back to the walk): each tick moves every
   * walked price by `ticksPerStep` ticks up or down. Throws for a step that is not a whole number ≥ 1.
   */
  setTrend(trend: MarkTrend | null): void;
  /** Sets a symbol's mark price (rounded half-up to its precision, at least one tick) and emits it; returns it. */
  setMarkPrice(symbol: string, price: string): string;
  /** A symbol's current mark price, or `undefined` for an unknown symbol. */
  getMarkPrice(symbol: string): string | undefined;
  /** Makes the next `adjustMargin` or `transfer` call (or the next `times` calls) fail; queued after earlier injections. */
  injectFailure(failure: InjectedFailure): void;
  /** Forgets injected failures that have not happened yet. */
  clearFailures(): void;
  /** Removes a position (closed or liquidated) and emits the account. Returns false when there was none. */
  closePosition(symbol: string, positionSide: PositionSide, options?: ClosePositionOptions): boolean;
  /**
   * Changes fields of a position (playground) and emits the account. Decimal fields are normalised
   * to plain decimal strings. Throws when there is no such position or a value is not a number.
   */
  updatePosition(symbol: string, positionSide: PositionSide, patch: PositionPatch): void;
  /** Sets an asset's cross wallet balance (a decimal string, normalised) and emits the account. */
  setCrossWallet(asset: string, amount: string): void;
  /** Simulates a feed outage: while `'reconnecting'` no mark price is delivered; back to `'live'` delivers the current ones. */
  setFeedStatus(status: FeedStatus): void;
  /** The whole state as plain JSON (seed, PRNG state, rate, latency, account, markets). */
  exportState(): SimulatedState;
  /** Replaces the state (see `SimulatedState`); keeps running or paused; emits the account and the marks. */
  importState(state: SimulatedState): void;
  /** Live timers: the walk's interval plus waiting latency/timeout timers. */
  activeTimerCount(): number;
  /** Live subscriptions by kind. */
  listenerCount(): SimulatedListenerCounts;
  /** Stops every timer, drops every listener and rejects waiting calls (kind `'network'`). Idempotent. */
  dispose(): void;
}

/** Clamps a walk rate to 0.1–50 Hz. Throws a `RangeError` on a non-finite value. */
export function clampRate(hz: number): number {
  if (!Number.isFinite(hz)) throw new RangeError(`The rate must be a finite number: ${hz}`);
  return Math.min(MAX_RATE_HZ, Math.max(MIN_RATE_HZ, hz));
}
