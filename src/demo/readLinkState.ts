import {
  isSnapshotName,
  type AccountSnapshot,
  type AssetSnapshot,
  type Bracket,
  type PositionSnapshot,
} from '../index';
import { validateState, type SimulatedMarket, type SimulatedState } from '../simulated';
import { LINK_LIMITS } from './linkLimits';
import { LinkProblem } from './linkProblem';

// A link's exchange state, read field by field into a fresh object: only the fields the exchange
// knows are copied (unknown keys, however large or deep, are dropped), every value has its type,
// every count and number is within LINK_LIMITS. A sentence names the setting, never the link's
// text; the offending value goes separately, to be quoted.

type Fields = Record<string, unknown>;

/** Plain decimals as the exchange writes them: no exponent, no sign on zero's own, no "Infinity". */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
function fields(v: unknown, what: string): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LinkProblem(`${what} is not an object`);
  return v as Fields;
}

function list(v: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new LinkProblem(`${what} is not a list`);
  if (v.length > max) throw new LinkProblem(`${what} may hold at most ${max} entries`, String(v.length));
  return v;
}

function name(v: unknown, what: string): string {
  if (typeof v !== 'string' || v === '') throw new LinkProblem(`${what} is missing`);
  if (v.length > LINK_LIMITS.nameLength) {
    throw new LinkProblem(`${what} is longer than ${LINK_LIMITS.nameLength} characters`, v);
  }
  if (!isSnapshotName(v)) throw new LinkProblem(`${what} is not a name (letters, digits, _ - / : . only)`, v);
  return v;
}

function decimal(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new LinkProblem(`${what} is not a decimal string`);
  if (v.length > LINK_LIMITS.decimalLength) {
    throw new LinkProblem(`${what} is longer than ${LINK_LIMITS.decimalLength} characters`, v);
  }
  if (!DECIMAL.test(v)) throw new LinkProblem(`${what} is not a plain decimal number`, v);
  return v;
}

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new LinkProblem(`${what} is not a number`);
  return v;
}

function within(v: unknown, what: string, range: { min: number; max: number }, unit = ''): number {
  const n = finite(v, what);
  if (n < range.min || n > range.max) {
    throw new LinkProblem(`${what} must be ${range.min} to ${range.max}${unit}, as in the playground`, String(n));
  }
  return n;
}

function oneOf<T extends string>(v: unknown, what: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new LinkProblem(`${what} must be one of ${options.join(', ')}`, typeof v === 'string' ? v : undefined);
  }
  return v as T;
}

function readMarket(v: unknown, what: string): SimulatedMarket {
  const m = fields(v, what);
  return {
    markPrice: decimal(m.markPrice, `${what}: markPrice`),
    pricePrecision: finite(m.pricePrecision, `${what}: pricePrecision`),
    maxStepTicks: within(m.maxStepTicks, `${what}: maxStepTicks`, LINK_LIMITS.maxStepTicks),
  };
}

function readBracket(v: unknown, what: string): Bracket {
  const b = fields(v, what);
  return {
    notionalFloor: decimal(b.notionalFloor, `${what}: notionalFloor`),
    notionalCap: decimal(b.notionalCap, `${what}: notionalCap`),
    maintMarginRatio: decimal(b.maintMarginRatio, `${what}: maintMarginRatio`),
    cum: decimal(b.cum, `${what}: cum`),
  };
}

function readPosition(v: unknown, what: string): PositionSnapshot {
  const p = fields(v, what);
  const position: PositionSnapshot = {
    symbol: name(p.symbol, `${what}: symbol`),
    positionSide: oneOf(p.positionSide, `${what}: positionSide`, ['BOTH', 'LONG', 'SHORT']),
    marginType: oneOf(p.marginType, `${what}: marginType`, ['isolated', 'cross']),
    contractType: oneOf(p.contractType, `${what}: contractType`, ['linear', 'inverse']),
    positionAmt: decimal(p.positionAmt, `${what}: positionAmt`),
    entryPrice: decimal(p.entryPrice, `${what}: entryPrice`),
    markPrice: decimal(p.markPrice, `${what}: markPrice`),
    leverage: decimal(p.leverage, `${what}: leverage`),
    isolatedWallet: decimal(p.isolatedWallet, `${what}: isolatedWallet`),
    openOrderInitialMargin: decimal(p.openOrderInitialMargin, `${what}: openOrderInitialMargin`),
    brackets: list(p.brackets, `${what}: brackets`, LINK_LIMITS.bracketsPerPosition).map((b, i) =>
      readBracket(b, `${what}, bracket ${i + 1}`),
    ),
    marginAsset: name(p.marginAsset, `${what}: marginAsset`),
    marginAssetPrecision: finite(p.marginAssetPrecision, `${what}: marginAssetPrecision`),
    pricePrecision: finite(p.pricePrecision, `${what}: pricePrecision`),
  };
  if (p.contractSize !== undefined) position.contractSize = decimal(p.contractSize, `${what}: contractSize`);
  if (p.baseAsset !== undefined) position.baseAsset = name(p.baseAsset, `${what}: baseAsset`);
  return position;
}

function readAsset(v: unknown, what: string): AssetSnapshot {
  const a = fields(v, what);
  return {
    asset: name(a.asset, `${what}: asset`),
    crossWalletBalance: decimal(a.crossWalletBalance, `${what}: balance`),
  };
}

function readAccount(v: unknown): AccountSnapshot {
  const a = fields(v, 'the account');
  return {
    assets: list(a.assets, 'the account’s assets', LINK_LIMITS.assets).map((x, i) => readAsset(x, `asset ${i + 1}`)),
    positions: list(a.positions, 'the account’s positions', LINK_LIMITS.positions).map((x, i) =>
      readPosition(x, `position ${i + 1}`),
    ),
    updateTime: finite(a.updateTime, 'the account’s updateTime'),
  };
}

function readMarkets(v: unknown): Record<string, SimulatedMarket> {
  const m = fields(v, 'the markets');
  const symbols = Object.keys(m);
  if (symbols.length > LINK_LIMITS.markets) {
    throw new LinkProblem(`the markets may hold at most ${LINK_LIMITS.markets} symbols`, String(symbols.length));
  }
  // fromEntries defines own properties: a symbol named "__proto__" stays a market, not a prototype.
  return Object.fromEntries(
    symbols.map((symbol, i) => [name(symbol, `market ${i + 1}`), readMarket(m[symbol], `market ${i + 1}`)]),
  );
}

/**
 * The simulated exchange's state from a link: a fresh copy of its known fields within the
 * playground's bounds, then the exchange's own `validateState`. Throws a `LinkProblem`.
 */
export function readLinkState(v: unknown): SimulatedState {
  const s = fields(v, 'the exchange state');
  if (s.version !== 1) throw new LinkProblem('the exchange state has an unsupported version');
  const state: SimulatedState = {
    version: 1,
    seed: finite(s.seed, 'seed'),
    prngState: finite(s.prngState, 'prngState'),
    rateHz: within(s.rateHz, 'rateHz', LINK_LIMITS.rateHz, ' Hz'),
    latencyMs: within(s.latencyMs, 'latencyMs', LINK_LIMITS.latencyMs, ' ms'),
    timeoutMs: within(s.timeoutMs, 'timeoutMs', LINK_LIMITS.timeoutMs, ' ms'),
    account: readAccount(s.account),
    markets: readMarkets(s.markets),
  };
  state.account.positions.forEach((p, i) => {
    if (!Object.hasOwn(state.markets, p.symbol)) throw new LinkProblem(`position ${i + 1} has no market`);
  });
  try {
    validateState(state);
  } catch (e) {
    // validateState's message names the field; it may hold a symbol, so it is quoted, never shown raw.
    const prefix = 'Invalid simulated state: ';
    const message = e instanceof RangeError ? e.message : '';
    throw new LinkProblem(
      'the exchange state is not valid',
      message.startsWith(prefix) ? message.slice(prefix.length) : undefined,
    );
  }
  return state;
}
