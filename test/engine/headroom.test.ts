import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../src/core/decimal';
import { maxAddable } from '../../src/core/limits';
import { initialMarginAtMark, maintenanceMargin, unrealizedPnl } from '../../src/core/position';
import { roundDown } from '../../src/core/rounding';
import { crossInputFor, toPositionInput } from '../../src/engine/account';
import { offeredMax } from '../../src/engine/headroom';
import { createLiveAccount } from '../../src/engine/liveAccount';
import type { AccountSnapshot, PositionSnapshot } from '../../src/engine/types';
import { btcLong, ethCrossLong } from '../support/fakeSource';

const BPS = 10;

/**
 * Max addable with headroom worked out from the core functions alone: each cross position of the
 * asset with its mark moved 0.1 % down and 0.1 % up, its maintenance margin at the higher and its
 * uPnL − IM at the lower of the two, summed in account order; the lower of the two bounds, rounded
 * down, never above the exact max.
 */
function expectedAddable(account: AccountSnapshot, marks: ReadonlyMap<string, string>, asset: string): Decimal {
  const by = new Dec(BPS).div(10_000);
  let maint = new Dec(0);
  let free = new Dec(0);
  for (const p of account.positions) {
    if (p.marginType !== 'cross' || p.marginAsset !== asset) continue;
    const mark = new Dec(marks.get(p.symbol) ?? p.markPrice);
    const ends = [mark.times(new Dec(1).minus(by)), mark.times(new Dec(1).plus(by))].map((moved) => {
      const input = toPositionInput(p, moved.toFixed());
      return { mm: maintenanceMargin(input), free: unrealizedPnl(input).minus(initialMarginAtMark(input)) };
    });
    maint = maint.plus(Dec.max(ends[0]!.mm, ends[1]!.mm));
    free = free.plus(Dec.min(ends[0]!.free, ends[1]!.free));
  }
  const sums = crossInputFor(account, asset, marks);
  const cwb = new Dec(sums.crossWalletBalance).minus(sums.isolatedOpenOrderInitialMargin);
  const bound = Dec.min(cwb.minus(maint), cwb.plus(free));
  return Dec.min(roundDown(Dec.max(0, bound), 8), maxAddable(sums, 8));
}

/** A small deterministic generator (no Math.random: the same marks on every run). */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
}

/**
 * Brackets whose maintenance margin drops at the first cap (50,000 × 0.004 = 200 below it,
 * 50,000 × 0.005 − 100 = 150 above it): there the higher notional is not the higher margin.
 */
const DROPPING = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
  { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '100' },
];

/**
 * 30 cross USDT positions, long and short, some of them near the first bracket's cap (50,000) so
 * that a move of 0.1 % takes them into the next bracket, and an isolated BTCUSDT long (the dialog's).
 * In profit (entries 40 % on the good side of the mark) the maintenance bound is the lower one;
 * at a loss (40 % on the bad side) the bound of uPnL − IM.
 */
function crossAccount(inProfit: boolean): AccountSnapshot {
  const next = prng(7);
  const positions: PositionSnapshot[] = [btcLong()];
  for (let i = 0; i < 30; i++) {
    const price = 100 + (next() % 5000);
    // Every third position holds about 50,000 of notional: at the first bracket's cap.
    const size = i % 3 === 0 ? (50_000 / price).toFixed(3) : String(1 + (next() % 20));
    const long = i % 2 === 0;
    const entry = long === inProfit ? price * 0.6 : price * 1.4;
    positions.push(
      ethCrossLong({
        symbol: `C${i}USDT`,
        positionAmt: long ? size : `-${size}`,
        entryPrice: entry.toFixed(2),
        markPrice: String(price),
        ...(i % 6 === 0 ? { brackets: DROPPING } : {}),
      }),
    );
  }
  return { assets: [{ asset: 'USDT', crossWalletBalance: '2000000' }], positions, updateTime: 1 };
}

describe('Max addable with headroom over many ticks', () => {
  it.each([
    ['in profit (the maintenance bound)', true],
    ['at a loss (the bound of uPnL − IM)', false],
  ])(
    '%s: equals the core functions at both moved marks after every all-market message and every tick',
    (_, inProfit) => {
      const account = crossAccount(inProfit);
      const live = createLiveAccount(account);
      const marks = new Map(account.positions.map((p) => [p.symbol, p.markPrice]));
      const next = prng(11);
      const cross = account.positions.filter((p) => p.marginType === 'cross').map((p) => p.symbol);
      const move = (symbol: string) => {
        // Up to ±0.5 %, to cents: positions walk across the bracket cap and back.
        const mark = new Dec(marks.get(symbol)!);
        const step = mark.times((next() % 101) - 50).div(10_000);
        marks.set(symbol, mark.plus(step).toDecimalPlaces(2).toFixed());
      };
      const check = () => {
        const limits = live.limits('BTCUSDT', 'BOTH')!;
        expect(offeredMax(live, limits, 'ADD', BPS).toFixed()).toBe(expectedAddable(account, marks, 'USDT').toFixed());
      };
      check();
      for (let round = 0; round < 40; round++) {
        if (round % 2 === 0) {
          // An all-market message: every symbol moves, every part of the sum is new.
          for (const s of cross) move(s);
          live.applyMarks(marks);
        } else {
          // One symbol's tick: one part of the sum changes, the others are kept.
          const s = cross[next() % cross.length]!;
          move(s);
          live.applyTick(s, marks.get(s)!);
        }
        check();
        // A second read between ticks gives the same.
        check();
      }
    },
  );
});

describe('crossPositions', () => {
  it("gives the asset's cross positions' figures in account order, a new array only when one of them moved", () => {
    const account: AccountSnapshot = {
      assets: [{ asset: 'USDT', crossWalletBalance: '10000' }],
      positions: [
        ethCrossLong({ symbol: 'AUSDT' }),
        btcLong(),
        ethCrossLong({ symbol: 'BUSDT', positionAmt: '-2' }),
        ethCrossLong({ symbol: 'CUSDC', marginAsset: 'USDC' }),
      ],
      updateTime: 1,
    };
    const live = createLiveAccount(account);
    const first = live.crossPositions('USDT');
    expect(first.map((f) => f.key)).toEqual([live.position('AUSDT', 'BOTH')!.key, live.position('BUSDT', 'BOTH')!.key]);
    expect(first[1]).toBe(live.position('BUSDT', 'BOTH'));
    // The isolated BTCUSDT and the USDC cross position move: the USDT list stays.
    live.applyMarks(
      new Map([
        ['BTCUSDT', '61000'],
        ['CUSDC', '3100'],
      ]),
    );
    expect(live.crossPositions('USDT')).toBe(first);
    live.applyTick('BUSDT', '3010');
    const second = live.crossPositions('USDT');
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    // By hand: short 2 from 3,000 at 3,010: uPnL −2 · 10 = −20.
    expect(second[1]!.unrealizedPnl.toFixed()).toBe('-20');
    expect(live.crossPositions('USDC').map((f) => f.position.symbol)).toEqual(['CUSDC']);
  });
});

describe('Max removable with headroom', () => {
  it('is worked out from the limits it is given, also after the engine moved to a new account and mark', () => {
    const account: AccountSnapshot = {
      assets: [{ asset: 'USDT', crossWalletBalance: '10000' }],
      positions: [btcLong()],
      updateTime: 1,
    };
    const live = createLiveAccount(account);
    const limits = live.limits('BTCUSDT', 'BOTH')!;
    // By hand, at the mark 0.1 % lower (61,938): uPnL 0.5 × 1,938 = 969, IM 30,969 / 10 = 3,096.9;
    // 3,000 + 969 − 3,096.9 = 872.1, below the exact max 900 (and far below 3,000 − MM).
    expect(offeredMax(live, limits, 'REMOVE', BPS).toFixed()).toBe('872.1');
    // An account update (new snapshot objects, a larger wallet) and a tick: the old limits still give their own.
    live.setAccount({ ...account, positions: [btcLong({ isolatedWallet: '5000' })], updateTime: 2 });
    live.applyTick('BTCUSDT', '50000');
    expect(offeredMax(live, limits, 'REMOVE', BPS).toFixed()).toBe('872.1');
    // The engine's own limits now: at 49,950, uPnL −5,025, IM 2,497.5: 5,000 − 5,025 − 2,497.5 < 0.
    expect(offeredMax(live, live.limits('BTCUSDT', 'BOTH')!, 'REMOVE', BPS).toFixed()).toBe('0');
  });
});
