import type { Bracket } from '../../core/types';
import type { PositionSnapshot } from '../../engine/types';
import { prngStateFromSeed } from './prng';
import type { SimulatedMarket, SimulatedState } from './state';

/** The seed of the default scenario. */
export const DEFAULT_SEED = 0x5eed;

/**
 * Illustrative leverage-bracket tables (shapes from the spec's `vectors.json`, not live Binance tiers).
 * Each `cum` is continuous: `cum_n = cum_{n−1} + floor_n × (MMR_n − MMR_{n−1})`.
 * USDⓈ-M tables are in quote notional, COIN-M tables in coin.
 */
export const SIMULATED_BRACKETS: Readonly<Record<string, readonly Bracket[]>> = {
  BTCUSDT: [
    { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
    { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
    { notionalFloor: '250000', notionalCap: '1000000', maintMarginRatio: '0.01', cum: '1300' },
    { notionalFloor: '1000000', notionalCap: '10000000', maintMarginRatio: '0.025', cum: '16300' },
  ],
  ETHUSDT: [
    { notionalFloor: '0', notionalCap: '10000', maintMarginRatio: '0.0065', cum: '0' },
    { notionalFloor: '10000', notionalCap: '100000', maintMarginRatio: '0.01', cum: '35' },
    { notionalFloor: '100000', notionalCap: '500000', maintMarginRatio: '0.02', cum: '1035' },
  ],
  SOLUSDT: [
    { notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.01', cum: '0' },
    { notionalFloor: '5000', notionalCap: '50000', maintMarginRatio: '0.025', cum: '75' },
  ],
  BTCUSD: [
    { notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.004', cum: '0' },
    { notionalFloor: '5', notionalCap: '10', maintMarginRatio: '0.005', cum: '0.005' },
  ],
  ETHUSD: [{ notionalFloor: '0', notionalCap: '100', maintMarginRatio: '0.005', cum: '0' }],
};

type Fields = Pick<
  PositionSnapshot,
  | 'symbol'
  | 'positionSide'
  | 'marginType'
  | 'positionAmt'
  | 'entryPrice'
  | 'leverage'
  | 'isolatedWallet'
  | 'openOrderInitialMargin'
>;

function copy(brackets: readonly Bracket[]): Bracket[] {
  return brackets.map((b) => ({ ...b }));
}

function linear(f: Fields, brackets: readonly Bracket[], markPrice: string, pricePrecision: number): PositionSnapshot {
  return {
    ...f,
    contractType: 'linear',
    markPrice,
    brackets: copy(brackets),
    marginAsset: 'USDT',
    baseAsset: f.symbol.slice(0, -'USDT'.length),
    marginAssetPrecision: 8,
    pricePrecision,
  };
}

function inverse(f: Fields, coin: 'BTC' | 'ETH', markPrice: string, pricePrecision: number): PositionSnapshot {
  return {
    ...f,
    contractType: 'inverse',
    contractSize: coin === 'BTC' ? '100' : '10',
    markPrice,
    brackets: copy(coin === 'BTC' ? SIMULATED_BRACKETS.BTCUSD! : SIMULATED_BRACKETS.ETHUSD!),
    marginAsset: coin,
    marginAssetPrecision: 8,
    pricePrecision,
  };
}

const MARKETS: Record<string, SimulatedMarket> = {
  BTCUSDT: { markPrice: '62000.00', pricePrecision: 2, maxStepTicks: 1000 },
  ETHUSDT: { markPrice: '3100.00', pricePrecision: 2, maxStepTicks: 50 },
  SOLUSDT: { markPrice: '145.00', pricePrecision: 2, maxStepTicks: 5 },
  BTCUSD_PERP: { markPrice: '61000.0', pricePrecision: 1, maxStepTicks: 100 },
  ETHUSD_PERP: { markPrice: '3100.00', pricePrecision: 2, maxStepTicks: 50 },
  BTCUSD_260626: { markPrice: '61200.0', pricePrecision: 1, maxStepTicks: 100 },
  ETHUSD_260626: { markPrice: '3110.00', pricePrecision: 2, maxStepTicks: 50 },
};

function positions(): PositionSnapshot[] {
  const m = (s: string) => MARKETS[s]!.markPrice;
  const iso = { marginType: 'isolated' as const };
  const cross = { marginType: 'cross' as const, isolatedWallet: '0', openOrderInitialMargin: '0' };
  return [
    // USDⓈ-M account in hedge mode.
    linear(
      {
        ...iso,
        symbol: 'BTCUSDT',
        positionSide: 'LONG',
        positionAmt: '0.5',
        entryPrice: '60000',
        leverage: '10',
        isolatedWallet: '3000',
        openOrderInitialMargin: '125.4',
      },
      SIMULATED_BRACKETS.BTCUSDT!,
      m('BTCUSDT'),
      2,
    ),
    linear(
      {
        ...iso,
        symbol: 'ETHUSDT',
        positionSide: 'LONG',
        positionAmt: '4',
        entryPrice: '3050.25',
        leverage: '20',
        isolatedWallet: '700',
        openOrderInitialMargin: '0',
      },
      SIMULATED_BRACKETS.ETHUSDT!,
      m('ETHUSDT'),
      2,
    ),
    linear(
      {
        ...iso,
        symbol: 'ETHUSDT',
        positionSide: 'SHORT',
        positionAmt: '-2.5',
        entryPrice: '3180',
        leverage: '20',
        isolatedWallet: '400',
        openOrderInitialMargin: '40',
      },
      SIMULATED_BRACKETS.ETHUSDT!,
      m('ETHUSDT'),
      2,
    ),
    linear(
      { ...cross, symbol: 'SOLUSDT', positionSide: 'SHORT', positionAmt: '-30', entryPrice: '140', leverage: '10' },
      SIMULATED_BRACKETS.SOLUSDT!,
      m('SOLUSDT'),
      2,
    ),
    // COIN-M account in one-way mode.
    inverse(
      {
        ...iso,
        symbol: 'BTCUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '-20',
        entryPrice: '63500',
        leverage: '20',
        isolatedWallet: '0.0025',
        openOrderInitialMargin: '0.0004',
      },
      'BTC',
      m('BTCUSD_PERP'),
      1,
    ),
    inverse(
      {
        ...iso,
        symbol: 'ETHUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '30',
        entryPrice: '2950',
        leverage: '10',
        isolatedWallet: '0.012',
        openOrderInitialMargin: '0.003',
      },
      'ETH',
      m('ETHUSD_PERP'),
      2,
    ),
    inverse(
      {
        ...cross,
        symbol: 'BTCUSD_260626',
        positionSide: 'BOTH',
        positionAmt: '15',
        entryPrice: '60500',
        leverage: '20',
      },
      'BTC',
      m('BTCUSD_260626'),
      1,
    ),
    inverse(
      {
        ...cross,
        symbol: 'ETHUSD_260626',
        positionSide: 'BOTH',
        positionAmt: '-40',
        entryPrice: '3000',
        leverage: '10',
      },
      'ETH',
      m('ETHUSD_260626'),
      2,
    ),
  ];
}

/**
 * The default scenario: cross wallets in USDT, BTC and ETH and eight positions —
 *
 * USDⓈ-M (hedge mode): BTCUSDT LONG isolated (open-order IM 125.4), ETHUSDT LONG and SHORT
 * isolated (a hedge pair, the SHORT with open-order IM 40), SOLUSDT SHORT cross (a loss).
 * COIN-M (one-way): BTCUSD_PERP short isolated, ETHUSD_PERP long isolated (both with open-order IM),
 * BTCUSD_260626 long cross and ETHUSD_260626 short cross (quarterlies, one in profit, one in loss).
 *
 * So every term of the formulas is non-zero for every margin asset. A fresh object on each call.
 */
export function defaultScenario(seed: number = DEFAULT_SEED): SimulatedState {
  return {
    version: 1,
    seed,
    prngState: prngStateFromSeed(seed),
    rateHz: 1,
    latencyMs: 250,
    timeoutMs: 10_000,
    account: {
      assets: [
        { asset: 'USDT', crossWalletBalance: '10000' },
        { asset: 'BTC', crossWalletBalance: '0.05' },
        { asset: 'ETH', crossWalletBalance: '2' },
      ],
      positions: positions(),
      updateTime: 0,
    },
    markets: Object.fromEntries(Object.entries(MARKETS).map(([k, v]) => [k, { ...v }])),
  };
}
