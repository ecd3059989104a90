import type { AccountSnapshot } from '../../engine/types';

/** One symbol's market in the simulation: its mark price and how it walks. */
export interface SimulatedMarket {
  /** Current mark price, a decimal string at `pricePrecision` decimals. */
  markPrice: string;
  /** Decimals of the symbol's prices; one tick is `10^-pricePrecision`. */
  pricePrecision: number;
  /** A random-walk step moves the price by a whole number of ticks in `[-maxStepTicks, maxStepTicks]`. */
  maxStepTicks: number;
}

/**
 * Everything that determines the simulated exchange's future: plain JSON, so a scenario can be
 * saved, shared and replayed exactly (same state → same future prices and the same answers).
 * Position `markPrice`s inside `account` are informational; `markets` holds the live marks.
 */
export interface SimulatedState {
  version: 1;
  /** The seed the PRNG started from (kept for display; `prngState` is what continues the walk). */
  seed: number;
  /** The PRNG's current state (an unsigned 32-bit integer). */
  prngState: number;
  /** Random-walk ticks per second, 0.1–50. */
  rateHz: number;
  /** Simulated round-trip latency of `getAccount` and `adjustMargin`, in ms. */
  latencyMs: number;
  /** How long an injected `{ kind: 'timeout' }` takes to fail, in ms. */
  timeoutMs: number;
  account: AccountSnapshot;
  /** Markets by symbol. Every position's symbol must have one. */
  markets: Record<string, SimulatedMarket>;
}

/** A deep copy through JSON: Decimal values become strings, nothing is shared with the source. */
export function cloneState(state: SimulatedState): SimulatedState {
  return JSON.parse(JSON.stringify(state)) as SimulatedState;
}

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function fail(what: string): never {
  throw new RangeError(`Invalid simulated state: ${what}`);
}

function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Checks that a state (from `exportState`, a file, a URL…) can be imported. Throws a `RangeError`
 * naming the first problem. Structure and decimal strings are checked, not the economics.
 */
export function validateState(state: SimulatedState): void {
  if (typeof state !== 'object' || state === null) fail('not an object');
  if (state.version !== 1) fail(`unsupported version ${String(state.version)}`);
  if (!Number.isInteger(state.prngState) || state.prngState < 0 || state.prngState > 0xffffffff) fail('prngState');
  if (!Number.isFinite(state.seed)) fail('seed');
  for (const key of ['rateHz', 'latencyMs', 'timeoutMs'] as const) {
    if (typeof state[key] !== 'number' || !Number.isFinite(state[key]) || state[key] < 0) fail(key);
  }
  if (typeof state.markets !== 'object' || state.markets === null) fail('markets');
  for (const [symbol, m] of Object.entries(state.markets)) {
    if (!Number.isInteger(m.pricePrecision) || m.pricePrecision < 0 || m.pricePrecision > 16)
      fail(`${symbol}.pricePrecision`);
    if (!Number.isInteger(m.maxStepTicks) || m.maxStepTicks < 0) fail(`${symbol}.maxStepTicks`);
    if (typeof m.markPrice !== 'string' || !DECIMAL.test(m.markPrice) || m.markPrice.startsWith('-')) {
      fail(`${symbol}.markPrice`);
    }
    if (decimalsOf(m.markPrice) > m.pricePrecision || /^0(\.0*)?$/.test(m.markPrice)) fail(`${symbol}.markPrice`);
  }
  const account = state.account;
  if (
    typeof account !== 'object' ||
    account === null ||
    !Array.isArray(account.assets) ||
    !Array.isArray(account.positions)
  ) {
    fail('account');
  }
  for (const a of account.assets) {
    if (
      typeof a.asset !== 'string' ||
      typeof a.crossWalletBalance !== 'string' ||
      !DECIMAL.test(a.crossWalletBalance)
    ) {
      fail(`asset ${String(a.asset)}`);
    }
  }
  const seen = new Set<string>();
  // Per symbol: one-way (BOTH) or hedge (LONG / SHORT), never both.
  const modes = new Map<string, 'oneWay' | 'hedge'>();
  for (const p of account.positions) {
    if (typeof p.symbol !== 'string' || p.symbol === '') fail('a position without a symbol');
    const id = `${p.symbol}/${String(p.positionSide)}`;
    if (!(['BOTH', 'LONG', 'SHORT'] as unknown[]).includes(p.positionSide)) fail(`${id}.positionSide`);
    if (seen.has(id)) fail(`duplicate position ${id}`);
    seen.add(id);
    const mode = p.positionSide === 'BOTH' ? 'oneWay' : 'hedge';
    if ((modes.get(p.symbol) ?? mode) !== mode) fail(`${p.symbol} has both one-way and hedge positions`);
    modes.set(p.symbol, mode);
    if (!Object.hasOwn(state.markets, p.symbol)) fail(`no market for position ${id}`);
    if (!(['isolated', 'cross'] as unknown[]).includes(p.marginType)) fail(`${id}.marginType`);
    if (!(['linear', 'inverse'] as unknown[]).includes(p.contractType)) fail(`${id}.contractType`);
    if (typeof p.marginAsset !== 'string' || p.marginAsset === '') fail(`${id}.marginAsset`);
    if (p.baseAsset !== undefined && (typeof p.baseAsset !== 'string' || p.baseAsset === '')) fail(`${id}.baseAsset`);
    if (!Number.isInteger(p.marginAssetPrecision) || p.marginAssetPrecision < 0 || p.marginAssetPrecision > 18)
      fail(`${id}.marginAssetPrecision`);
    if (p.pricePrecision !== state.markets[p.symbol]!.pricePrecision) fail(`${id}.pricePrecision`);
    for (const f of ['positionAmt', 'entryPrice', 'leverage', 'isolatedWallet', 'openOrderInitialMargin'] as const) {
      if (typeof p[f] !== 'string' || !DECIMAL.test(p[f])) fail(`${id}.${f}`);
    }
    // A hedge side holds its own sign: LONG never short, SHORT never long.
    if (
      (p.positionSide === 'LONG' && p.positionAmt.startsWith('-')) ||
      (p.positionSide === 'SHORT' && /^[1-9]|^0\.\d*[1-9]/.test(p.positionAmt))
    )
      fail(`${id}.positionAmt has the wrong sign for ${p.positionSide}`);
    if (p.contractType === 'inverse' && (typeof p.contractSize !== 'string' || !DECIMAL.test(p.contractSize))) {
      fail(`${id}.contractSize`);
    }
    if (!Array.isArray(p.brackets) || p.brackets.length === 0) fail(`${id}.brackets`);
  }
}
