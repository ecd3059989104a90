/**
 * Deterministic benchmark fixtures: a large account (linear and inverse, long and short, cross and
 * isolated, hedge pairs and one-way positions, four margin assets) and all-market mark-price ticks.
 * Every amount and price is built as a decimal string from integers; no JS float holds one.
 */
import { Dec } from '../../src/core/decimal';
import { initialMarginAtMark, unrealizedPnl } from '../../src/core/position';
import type { Bracket } from '../../src/core/types';
import { toPositionInput } from '../../src/engine/account';
import { SIMULATED_BRACKETS } from '../../src/data/simulated/scenario';
import type { SimulatedMarket, SimulatedState } from '../../src/data/simulated/state';
import type { AccountSnapshot, PositionSide, PositionSnapshot } from '../../src/engine/types';

/** mulberry32: a small seeded PRNG of unsigned 32-bit integers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An integer in [min, max]. */
function int(next: () => number, min: number, max: number): number {
  return min + (next() % (max - min + 1));
}

/** `units × 10^-scale` as a plain decimal string. */
function scaled(units: number | bigint, scale: number): string {
  return new Dec(String(units)).div(new Dec(10).pow(scale)).toFixed(scale);
}

interface Market {
  symbol: string;
  linear: boolean;
  asset: string;
  pricePrecision: number;
  markPrice: string;
  brackets: readonly Bracket[];
  contractSize?: string;
  /** One random-walk step is at most this many ticks. */
  maxStepTicks: number;
  marginType: 'isolated' | 'cross';
  hedge: boolean;
}

const LINEAR_TABLES = [SIMULATED_BRACKETS.BTCUSDT!, SIMULATED_BRACKETS.ETHUSDT!, SIMULATED_BRACKETS.SOLUSDT!];
const COINS = ['BTC', 'ETH'] as const;

/** Markets for about `positions` positions: three in five hedge-mode symbols (two positions each). */
function markets(positions: number, next: () => number): Market[] {
  const out: Market[] = [];
  let count = 0;
  let i = 0;
  while (count < positions) {
    const kind = i % 10; // 0–5 USDT, 6–7 USDC, 8–9 COIN-M
    const linear = kind < 8;
    const hedge = i % 5 < 3;
    const named = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'][i];
    let symbol: string;
    let asset: string;
    let contractSize: string | undefined;
    let brackets: readonly Bracket[];
    let pricePrecision: number;
    let markPrice: string;
    if (linear) {
      asset = kind < 6 ? 'USDT' : 'USDC';
      symbol = named ?? `X${String(i).padStart(3, '0')}${asset}`;
      brackets = LINEAR_TABLES[i % 3]!;
      const magnitude = int(next, 0, 5); // 1 … 100 000
      pricePrecision = Math.max(1, 5 - magnitude);
      markPrice = new Dec(scaled(int(next, 10_000, 99_999) * 10 ** magnitude, 4)).toFixed(
        pricePrecision,
        Dec.ROUND_DOWN,
      );
    } else {
      const coin = COINS[i % 2]!;
      asset = coin;
      symbol = `${coin}USD_${i === 8 || i === 9 ? 'PERP' : String(260000 + i)}`;
      contractSize = coin === 'BTC' ? '100' : '10';
      brackets = coin === 'BTC' ? SIMULATED_BRACKETS.BTCUSD! : SIMULATED_BRACKETS.ETHUSD!;
      pricePrecision = coin === 'BTC' ? 1 : 2;
      markPrice = coin === 'BTC' ? scaled(int(next, 580_000, 640_000), 1) : scaled(int(next, 290_000, 330_000), 2);
    }
    const first = i === 0;
    out.push({
      symbol,
      linear,
      asset,
      pricePrecision,
      markPrice,
      brackets,
      contractSize,
      maxStepTicks: Math.max(1, int(next, 1, 40)),
      marginType: first || next() % 2 === 0 ? 'isolated' : 'cross',
      hedge,
    });
    count += hedge ? 2 : 1;
    i++;
  }
  return out;
}

function position(m: Market, side: PositionSide, long: boolean, next: () => number): PositionSnapshot {
  const mp = new Dec(m.markPrice);
  // Entry within ±8 % of the mark, on the price grid.
  const ep = mp.times(new Dec(int(next, 920, 1080)).div(1000)).toDecimalPlaces(m.pricePrecision);
  const leverage = String([2, 3, 5, 10, 20, 25, 50][int(next, 0, 6)]);
  let qty: string;
  let notionalAtEntry;
  if (m.linear) {
    // Notional between 500 and 1.5 M quote: every bracket of the tables gets used.
    const target = new Dec(int(next, 5, 15_000)).times(100);
    qty = target.div(ep).toDecimalPlaces(3, Dec.ROUND_DOWN).toFixed();
    if (new Dec(qty).isZero()) qty = '0.001';
    notionalAtEntry = new Dec(qty).times(ep);
  } else {
    qty = String(int(next, 1, 1500));
    notionalAtEntry = new Dec(qty).times(m.contractSize!).div(ep);
  }
  const isolated = m.marginType === 'isolated';
  // Wallet between 0.7× and 3× the initial margin at entry: some positions near liquidation.
  const wallet = notionalAtEntry
    .div(leverage)
    .times(int(next, 70, 300))
    .div(100)
    .toDecimalPlaces(8);
  return {
    symbol: m.symbol,
    positionSide: side,
    marginType: m.marginType,
    contractType: m.linear ? 'linear' : 'inverse',
    contractSize: m.contractSize,
    positionAmt: long ? qty : `-${qty}`,
    entryPrice: ep.toFixed(m.pricePrecision),
    markPrice: m.markPrice,
    leverage,
    isolatedWallet: isolated ? wallet.toFixed() : '0',
    openOrderInitialMargin: isolated && next() % 4 === 0 ? wallet.div(10).toDecimalPlaces(8).toFixed() : '0',
    brackets: m.brackets,
    marginAsset: m.asset,
    marginAssetPrecision: 8,
    pricePrecision: m.pricePrecision,
  };
}

/** A deterministic account of exactly `n` positions and the markets behind it. */
export function generateAccount(
  n: number,
  seed = 1,
): { account: AccountSnapshot; markets: Record<string, SimulatedMarket> } {
  const next = prng(seed);
  const ms = markets(n, next);
  const positions: PositionSnapshot[] = [];
  for (const m of ms) {
    if (m.hedge) {
      positions.push(position(m, 'LONG', true, next));
      if (positions.length < n) positions.push(position(m, 'SHORT', false, next));
    } else {
      positions.push(position(m, 'BOTH', next() % 2 === 0, next));
    }
  }
  positions.length = n;
  const used = new Set(positions.map((p) => p.symbol));
  const marketsOut: Record<string, SimulatedMarket> = {};
  for (const m of ms) {
    if (used.has(m.symbol))
      marketsOut[m.symbol] = { markPrice: m.markPrice, pricePrecision: m.pricePrecision, maxStepTicks: m.maxStepTicks };
  }
  // Cross wallets: twice what the cross positions and the isolated open orders tie up at the snapshot's
  // marks, so max addable is well above 0 and moves with the cross positions' PnL.
  const assets = ['USDT', 'USDC', 'BTC', 'ETH'].map((asset) => {
    let tied = new Dec(0);
    for (const p of positions) {
      if (p.marginAsset !== asset) continue;
      if (p.marginType === 'isolated') tied = tied.plus(p.openOrderInitialMargin);
      else tied = tied.plus(initialMarginAtMark(toPositionInput(p))).plus(unrealizedPnl(toPositionInput(p)).negated());
    }
    const wallet = Dec.max(tied.times(2), asset === 'USDT' || asset === 'USDC' ? 10_000 : 1);
    return {
      asset,
      crossWalletBalance: wallet.toDecimalPlaces(asset === 'USDT' || asset === 'USDC' ? 2 : 4, Dec.ROUND_UP).toFixed(),
    };
  });
  return { account: { assets, positions, updateTime: 0 }, markets: marketsOut };
}

/** A simulated-exchange state of `n` positions (see `validateState`), paused, no latency. */
export function generateState(n: number, seed = 1): SimulatedState {
  const { account, markets } = generateAccount(n, seed);
  return { version: 1, seed, prngState: seed >>> 0, rateHz: 50, latencyMs: 0, timeoutMs: 10_000, account, markets };
}

/**
 * `count` all-market ticks (Binance's `!markPrice@arr`): in each, every symbol moves by 1 to
 * `maxStepTicks` ticks up or down, never below one tick.
 */
export function allMarketTicks(
  markets: Record<string, SimulatedMarket>,
  count: number,
  seed = 2,
): Map<string, string>[] {
  const next = prng(seed);
  const current = new Map(Object.entries(markets).map(([s, m]) => [s, new Dec(m.markPrice)]));
  const out: Map<string, string>[] = [];
  for (let t = 0; t < count; t++) {
    const marks = new Map<string, string>();
    for (const [symbol, m] of Object.entries(markets)) {
      const tick = new Dec(10).pow(-m.pricePrecision);
      const k = int(next, 1, m.maxStepTicks) * (next() % 2 === 0 ? 1 : -1);
      let moved = current.get(symbol)!.plus(tick.times(k));
      if (moved.lt(tick)) moved = current.get(symbol)!.plus(tick.times(-k));
      current.set(symbol, moved);
      marks.set(symbol, moved.toFixed(m.pricePrecision));
    }
    out.push(marks);
  }
  return out;
}
