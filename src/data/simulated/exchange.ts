import { Dec, toDecimal } from '../../core/decimal';
import { unrealizedPnl } from '../../core/position';
import { findPosition, toPositionInput } from '../../engine/account';
import type {
  AccountSnapshot,
  AdjustMarginRequest,
  AdjustMarginResult,
  FeedStatus,
  MarkPriceUpdate,
  PositionSnapshot,
  TransferRequest,
  TransferResult,
  Unsubscribe,
} from '../../engine/types';
import { clampRate, type AccountUpdateOrder, type SimulatedExchange, type SimulatedExchangeOptions } from './api';
import { errorForCode, networkError, timeoutError } from './errors';
import { FailureQueue } from './failures';
import { prngStateFromSeed } from './prng';
import { applyAdjustment, type AdjustmentOutcome } from './rules';
import { applyTransfer } from './transfer';
import { defaultScenario } from './scenario';
import { accountAtMarks, freezeAccount, marksOf } from './snapshot';
import { cloneState, validateState, type SimulatedMarket, type SimulatedState } from './state';
import { TimerSet } from './timers';
import { toMarketPrice, trendStep, walkStep, type MarkTrend } from './walk';

function nonNegative(name: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} must be a finite number ≥ 0: ${ms}`);
  return ms;
}

const DISPOSED = 'The simulated exchange was disposed.';

/**
 * The most markets a state may hold (`importState`, `options.state`): more than Binance lists. The
 * walk steps only the markets positions use, so markets nobody holds cost nothing per tick.
 */
export const MAX_MARKETS = 500;

/** The symbols the positions use, sorted: the markets the walk steps. */
function walkedSymbols(account: AccountSnapshot, markets: Readonly<Record<string, SimulatedMarket>>): string[] {
  const used = new Set(account.positions.map((p) => p.symbol));
  return [...used].filter((symbol) => Object.hasOwn(markets, symbol)).sort();
}

/**
 * Creates a simulated exchange. Deterministic: the same state (seed, PRNG state, markets, account)
 * gives the same prices and the same answers. Behaviour worth knowing:
 * - Subscribing does not start the walk; the host calls `start()` (or passes `autoStart`).
 * - `getAccount`, `adjustMargin` and `transfer` answer after the latency (0 → on a microtask, no timer).
 * - `adjustMargin` and `transfer` apply the rules when the request arrives: after the latency, at
 *   the marks of that moment (see `applyAdjustment`, `applyTransfer`); injected failures apply to both.
 * - Every request that arrives is applied (as Binance does for positionMargin): a retry with the
 *   same `clientRequestId` is applied again. The kit's session owns the one idempotency layer.
 * - A tick steps and emits the marks of the symbols positions use (other markets keep their
 *   price); account listeners hear adjustments, closes, playground edits and imports, not ticks
 *   (as with Binance's user stream).
 * - A state holds at most `MAX_MARKETS` markets.
 */
export function createSimulatedExchange(options: SimulatedExchangeOptions = {}): SimulatedExchange {
  const timers = new TimerSet();
  const failures = new FailureQueue();
  const markListeners = new Map<string, Set<(u: MarkPriceUpdate) => void>>();
  const accountListeners = new Set<(a: AccountSnapshot) => void>();
  const statusListeners = new Set<(s: FeedStatus) => void>();

  let seed = 0;
  let prngState = 0;
  let rateHz = 1;
  let latencyMs = 0;
  let timeoutMs = 10_000;
  let account: AccountSnapshot = freezeAccount({ assets: [], positions: [], updateTime: 0 });
  let markets: Record<string, SimulatedMarket> = {};
  let walked: string[] = [];
  let running = false;
  let disposed = false;
  let feedStatus: FeedStatus = 'live';
  let updatedAt = 0;
  let cached: AccountSnapshot | undefined;
  let accountUpdateOrder: AccountUpdateOrder = 'withReply';
  let trend: MarkTrend | null = null;

  function load(state: SimulatedState): void {
    validateState(state);
    const count = Object.keys(state.markets).length;
    if (count > MAX_MARKETS) {
      throw new RangeError(`Invalid simulated state: ${count} markets, at most ${MAX_MARKETS}`);
    }
    const s = cloneState(state);
    seed = s.seed;
    prngState = s.prngState;
    rateHz = clampRate(s.rateHz);
    latencyMs = s.latencyMs;
    timeoutMs = s.timeoutMs;
    markets = s.markets;
    account = freezeAccount(s.account);
    walked = walkedSymbols(account, markets);
    failures.clear();
    changed();
  }

  function changed(): void {
    cached = undefined;
    updatedAt = Date.now();
  }

  function snapshot(): AccountSnapshot {
    cached ??= accountAtMarks(account, marksOf(markets), updatedAt);
    return cached;
  }

  function emitAccount(): void {
    const snap = snapshot();
    for (const l of [...accountListeners]) l(snap);
  }

  function emitMark(symbol: string, now: number): void {
    const listeners = markListeners.get(symbol);
    const market = Object.hasOwn(markets, symbol) ? markets[symbol] : undefined;
    if (!listeners || !market || feedStatus !== 'live') return;
    const update: MarkPriceUpdate = Object.freeze({ symbol, markPrice: market.markPrice, eventTime: now });
    for (const l of [...listeners]) l(update);
  }

  function emitAllMarks(): void {
    const now = Date.now();
    for (const symbol of Object.keys(markets).sort()) emitMark(symbol, now);
  }

  function tick(): void {
    const current = Object.fromEntries(walked.map((symbol) => [symbol, markets[symbol]!]));
    if (trend) {
      markets = { ...markets, ...trendStep(current, trend) };
    } else {
      const next = walkStep(current, prngState);
      markets = { ...markets, ...next.markets };
      prngState = next.prngState;
    }
    changed();
    const now = Date.now();
    for (const symbol of walked) emitMark(symbol, now);
  }

  function restartInterval(): void {
    if (running) timers.every(Math.round(1000 / rateHz), tick);
  }

  /** The exchange's state with `withAccount` as its account (not a copy). */
  function stateWith(withAccount: AccountSnapshot): SimulatedState {
    return { version: 1, seed, prngState, rateHz, latencyMs, timeoutMs, account: withAccount, markets };
  }

  function replaceAccount(next: AccountSnapshot, emit = true): void {
    account = freezeAccount({ ...next, updateTime: Date.now() });
    walked = walkedSymbols(account, markets);
    changed();
    if (emit) emitAccount();
  }

  function setWallet(assets: AccountSnapshot['assets'], asset: string, amount: string) {
    const has = assets.some((a) => a.asset === asset);
    const list = has ? assets : [...assets, { asset, crossWalletBalance: '0' }];
    return list.map((a) => (a.asset === asset ? { ...a, crossWalletBalance: amount } : a));
  }

  /**
   * A request's answer after the latency: the next injected failure if any, else the rules'
   * outcome (`apply`, run when the request arrives), which replaces the account on success.
   */
  function answer<T extends object>(apply: () => AdjustmentOutcome, result: T): Promise<T> {
    if (disposed) return Promise.reject(networkError(DISPOSED));
    const failure = failures.take();
    if (failure?.kind === 'timeout') {
      const ms = timeoutMs;
      return timers.later(ms, () => {
        throw timeoutError(ms);
      });
    }
    const order = accountUpdateOrder;
    const arrived = timers.later(latencyMs, () => {
      if (disposed) throw networkError(DISPOSED);
      if (failure?.kind === 'network') throw networkError();
      if (failure?.kind === 'reject') throw errorForCode(failure.code, failure.msg);
      const outcome = apply();
      if (!outcome.ok) throw errorForCode(outcome.code);
      if (order === 'afterReply') {
        // Booked now; the account update reaches listeners one latency after the reply.
        replaceAccount(outcome.account, false);
        void timers.later(latencyMs, emitAccount).catch(() => undefined);
      } else {
        replaceAccount(outcome.account);
      }
      return Object.freeze(result);
    });
    // 'beforeReply': the account update goes out when the request is applied, the reply one latency later.
    return order === 'beforeReply' ? arrived.then((reply) => timers.later(latencyMs, () => reply)) : arrived;
  }

  function subscribe<T>(set: Set<T>, listener: T): Unsubscribe {
    if (disposed) return () => {};
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  const base = options.state ?? defaultScenario();
  load(base);
  if (options.seed !== undefined) {
    seed = options.seed;
    prngState = prngStateFromSeed(options.seed);
  }
  if (options.rateHz !== undefined) rateHz = clampRate(options.rateHz);
  if (options.latencyMs !== undefined) latencyMs = nonNegative('latencyMs', options.latencyMs);
  if (options.timeoutMs !== undefined) timeoutMs = nonNegative('timeoutMs', options.timeoutMs);

  const exchange: SimulatedExchange = {
    getAccount() {
      if (disposed) return Promise.reject(networkError(DISPOSED));
      return timers.later(latencyMs, () => {
        if (disposed) throw networkError(DISPOSED);
        return snapshot();
      });
    },

    subscribeMarkPrice(symbol, onUpdate) {
      if (disposed) return () => {};
      let set = markListeners.get(symbol);
      if (!set) markListeners.set(symbol, (set = new Set()));
      set.add(onUpdate);
      return () => {
        const current = markListeners.get(symbol);
        if (!current) return;
        current.delete(onUpdate);
        if (current.size === 0) markListeners.delete(symbol);
      };
    },

    subscribeAccount: (onUpdate) => subscribe(accountListeners, onUpdate),
    subscribeFeedStatus(onStatus) {
      const off = subscribe(statusListeners, onStatus);
      if (feedStatus !== 'live' && !disposed) onStatus(feedStatus);
      return off;
    },

    adjustMargin(request: AdjustMarginRequest) {
      return answer(() => applyAdjustment(account, marksOf(markets), request, Date.now()), {
        symbol: request.symbol,
        positionSide: request.positionSide,
        type: request.type,
        amount: request.amount,
        clientRequestId: request.clientRequestId,
      } satisfies AdjustMarginResult);
    },

    transfer(request: TransferRequest) {
      return answer(() => applyTransfer(account, marksOf(markets), request, Date.now()), {
        asset: request.asset,
        amount: request.amount,
        direction: request.direction,
        clientRequestId: request.clientRequestId,
      } satisfies TransferResult);
    },

    start() {
      if (running || disposed) return;
      running = true;
      restartInterval();
    },

    pause() {
      running = false;
      timers.stopInterval();
    },

    step() {
      if (!disposed) tick();
    },

    isRunning: () => running,

    setRate(hz) {
      rateHz = clampRate(hz);
      restartInterval();
      return rateHz;
    },

    getRate: () => rateHz,

    setLatency(ms) {
      latencyMs = nonNegative('latencyMs', ms);
    },

    setAccountUpdateOrder(order) {
      accountUpdateOrder = order;
    },

    setTrend(next) {
      if (next && (!Number.isInteger(next.ticksPerStep) || next.ticksPerStep < 1)) {
        throw new RangeError(`ticksPerStep must be a whole number ≥ 1: ${next.ticksPerStep}`);
      }
      trend = next && { ...next };
    },

    setTimeoutMs(ms) {
      timeoutMs = nonNegative('timeoutMs', ms);
    },

    setMarkPrice(symbol, price) {
      const market = markets[symbol];
      if (!market) throw new RangeError(`Unknown symbol: ${symbol}`);
      const markPrice = toMarketPrice(price, market.pricePrecision);
      markets = { ...markets, [symbol]: { ...market, markPrice } };
      changed();
      emitMark(symbol, Date.now());
      return markPrice;
    },

    getMarkPrice: (symbol) => markets[symbol]?.markPrice,

    injectFailure(failure) {
      failures.push(failure);
    },

    clearFailures() {
      failures.clear();
    },

    closePosition(symbol, positionSide, closeOptions = {}) {
      const position = findPosition(account, symbol, positionSide);
      if (!position) return false;
      const mark = markets[symbol]?.markPrice ?? position.markPrice;
      const pnl = unrealizedPnl(toPositionInput(position, mark));
      const isolated = position.marginType === 'isolated';
      const liquidated = closeOptions.reason === 'liquidated';
      const exact = isolated ? (liquidated ? toDecimal(0) : toDecimal(position.isolatedWallet).plus(pnl)) : pnl;
      // Realized at the asset's decimals, as an exchange books it (rounded toward −∞: never more than earned).
      const credit = exact.toDecimalPlaces(position.marginAssetPrecision, Dec.ROUND_FLOOR);
      const wallet = account.assets.find((a) => a.asset === position.marginAsset)?.crossWalletBalance ?? '0';
      replaceAccount({
        assets: setWallet(account.assets, position.marginAsset, toDecimal(wallet).plus(credit).toFixed()),
        positions: account.positions.filter((p) => p !== position),
        updateTime: 0,
      });
      return true;
    },

    updatePosition(symbol, positionSide, patch) {
      const position = findPosition(account, symbol, positionSide);
      if (!position) throw new RangeError(`No position ${symbol} ${positionSide}`);
      const next: PositionSnapshot = { ...position, ...patch };
      for (const key of [
        'positionAmt',
        'entryPrice',
        'leverage',
        'isolatedWallet',
        'openOrderInitialMargin',
      ] as const) {
        const v = patch[key];
        if (v !== undefined) next[key] = toDecimal(v).toFixed();
      }
      if (toDecimal(next.positionAmt).isZero())
        throw new RangeError('A position amount of 0 is no position: use closePosition');
      const updated = { ...account, positions: account.positions.map((p) => (p === position ? next : p)) };
      // The same rules as an imported state, so what exportState() gives can always be imported.
      validateState(stateWith(updated));
      replaceAccount(updated);
    },

    setCrossWallet(asset, amount) {
      replaceAccount({ ...account, assets: setWallet(account.assets, asset, toDecimal(amount).toFixed()) });
    },

    setFeedStatus(status) {
      if (status === feedStatus) return;
      feedStatus = status;
      for (const l of [...statusListeners]) l(status);
      if (status === 'live') emitAllMarks();
    },

    exportState() {
      return cloneState(stateWith(snapshot()));
    },

    importState(state) {
      if (disposed) return;
      load(state);
      restartInterval();
      emitAccount();
      emitAllMarks();
    },

    activeTimerCount: () => timers.count(),

    listenerCount() {
      let markPrice = 0;
      for (const set of markListeners.values()) markPrice += set.size;
      const total = markPrice + accountListeners.size + statusListeners.size;
      return { markPrice, account: accountListeners.size, feedStatus: statusListeners.size, total };
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      running = false;
      timers.clearAll(networkError(DISPOSED));
      markListeners.clear();
      accountListeners.clear();
      statusListeners.clear();
    },
  };

  if (options.autoStart) exchange.start();
  return exchange;
}
