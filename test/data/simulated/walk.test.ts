import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { createSimulatedExchange, MAX_RATE_HZ, MIN_RATE_HZ, type SimulatedExchange } from '../../../src/data/simulated';
import type { MarkPriceUpdate } from '../../../src/engine/types';

const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BTCUSD_PERP', 'ETHUSD_PERP', 'BTCUSD_260626', 'ETHUSD_260626'];

function prices(ex: SimulatedExchange, steps: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < steps; i++) {
    ex.step();
    out.push(SYMBOLS.map((s) => ex.getMarkPrice(s)!));
  }
  return out;
}

let made: SimulatedExchange[] = [];
function make(...args: Parameters<typeof createSimulatedExchange>): SimulatedExchange {
  const ex = createSimulatedExchange(...args);
  made.push(ex);
  return ex;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const ex of made) ex.dispose();
  made = [];
  vi.useRealTimers();
});

describe('random walk', () => {
  it('is deterministic for a seed', () => {
    expect(prices(make({ seed: 7 }), 200)).toEqual(prices(make({ seed: 7 }), 200));
    expect(prices(make({ seed: 7 }), 20)).not.toEqual(prices(make({ seed: 8 }), 20));
  });

  it('keeps prices positive, at the symbol precision, within maxStepTicks per step', () => {
    const ex = make({ seed: 3 });
    const markets = ex.exportState().markets;
    const precision = (s: string) => markets[s]!.pricePrecision;
    let before = SYMBOLS.map((s) => ex.getMarkPrice(s)!);
    for (const row of prices(ex, 300)) {
      row.forEach((p, i) => {
        const s = SYMBOLS[i]!;
        const market = markets[s]!;
        expect(p).toMatch(new RegExp(`^\\d+\\.\\d{${precision(s)}}$`));
        expect(new Dec(p).gt(0)).toBe(true);
        const ticks = new Dec(p).minus(before[i]!).abs().times(new Dec(10).pow(market.pricePrecision));
        expect(ticks.lte(market.maxStepTicks)).toBe(true);
      });
      before = row;
    }
  });

  it('never goes below one tick, even on a tiny price with big steps', () => {
    const base = make().exportState();
    base.markets.BTCUSDT = { markPrice: '0.03', pricePrecision: 2, maxStepTicks: 50 };
    const ex = make({ state: base, seed: 11 });
    for (let i = 0; i < 500; i++) {
      ex.step();
      expect(new Dec(ex.getMarkPrice('BTCUSDT')!).gte('0.01')).toBe(true);
    }
  });

  it('ticks at the rate only while started, emitting every symbol with the event time', () => {
    const ex = make({ rateHz: 2 });
    const seen: MarkPriceUpdate[] = [];
    const unsubs = SYMBOLS.map((s) => ex.subscribeMarkPrice(s, (u) => seen.push(u)));
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(0); // subscribing does not start the walk
    expect(ex.isRunning()).toBe(false);
    ex.start();
    expect(ex.isRunning()).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2 * SYMBOLS.length);
    expect(new Set(seen.map((u) => u.symbol))).toEqual(new Set(SYMBOLS));
    expect(seen[0]!.eventTime).toBe(Date.now() - 500);
    expect(seen.at(-1)!.markPrice).toBe(ex.getMarkPrice(seen.at(-1)!.symbol));
    ex.pause();
    expect(ex.isRunning()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(2 * SYMBOLS.length);
    ex.step();
    expect(seen).toHaveLength(3 * SYMBOLS.length);
    unsubs.forEach((u) => u());
  });

  it('delivers only the subscribed symbol to a listener', () => {
    const ex = make();
    const got: string[] = [];
    ex.subscribeMarkPrice('ETHUSDT', (u) => got.push(u.symbol));
    ex.step();
    ex.step();
    expect(got).toEqual(['ETHUSDT', 'ETHUSDT']);
  });

  it('clamps the rate to 0.1–50 Hz', () => {
    const ex = make({ rateHz: 500 });
    expect(ex.getRate()).toBe(MAX_RATE_HZ);
    expect(ex.setRate(1000)).toBe(50);
    expect(ex.setRate(0)).toBe(MIN_RATE_HZ);
    expect(() => ex.setRate(Number.NaN)).toThrow(RangeError);
    ex.setRate(999);
    let n = 0;
    ex.subscribeMarkPrice('BTCUSDT', () => (n += 1));
    ex.start();
    vi.advanceTimersByTime(1000);
    expect(n).toBe(50);
    ex.setRate(4); // applies to the running walk at once
    vi.advanceTimersByTime(1000);
    expect(n).toBe(54);
  });

  it('continues identically after export → import (and through JSON)', () => {
    const a = make({ seed: 42 });
    prices(a, 37);
    const saved = JSON.parse(JSON.stringify(a.exportState()));
    const expected = prices(a, 100);
    const b = make({ state: saved });
    expect(prices(b, 100)).toEqual(expected);
    const c = make({ seed: 1 });
    c.importState(saved);
    expect(prices(c, 100)).toEqual(expected);
  });

  it('setMarkPrice rounds to the tick, emits, and throws for an unknown symbol or a non-positive price', () => {
    const ex = make();
    const got: string[] = [];
    ex.subscribeMarkPrice('BTCUSD_PERP', (u) => got.push(u.markPrice));
    expect(ex.setMarkPrice('BTCUSD_PERP', '60000.05')).toBe('60000.1');
    expect(got).toEqual(['60000.1']);
    expect(ex.getMarkPrice('BTCUSD_PERP')).toBe('60000.1');
    expect(() => ex.setMarkPrice('NOPE', '1')).toThrow(RangeError);
    expect(() => ex.setMarkPrice('BTCUSDT', '0')).toThrow(RangeError);
    expect(() => ex.setMarkPrice('BTCUSDT', '-5')).toThrow(RangeError);
  });

  it('holds mark prices back while the feed is reconnecting, and delivers the current one on return', () => {
    const ex = make();
    const got: string[] = [];
    const status: string[] = [];
    ex.subscribeFeedStatus((s) => status.push(s));
    ex.subscribeMarkPrice('ETHUSDT', (u) => got.push(u.markPrice));
    ex.setFeedStatus('reconnecting');
    ex.step();
    ex.step();
    expect(got).toEqual([]);
    ex.setFeedStatus('live');
    expect(status).toEqual(['reconnecting', 'live']);
    expect(got).toEqual([ex.getMarkPrice('ETHUSDT')]);
  });
});

describe('getAccount', () => {
  it('resolves after the latency with positions at their current marks, as a frozen snapshot', async () => {
    const ex = make({ latencyMs: 300 });
    ex.setMarkPrice('BTCUSDT', '61234.56');
    let done = false;
    const p = ex.getAccount().then((a) => {
      done = true;
      return a;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const account = await p;
    expect(account.positions.find((q) => q.symbol === 'BTCUSDT')!.markPrice).toBe('61234.56');
    expect(Object.isFrozen(account)).toBe(true);
    expect(Object.isFrozen(account.positions[0])).toBe(true);
    ex.step();
    ex.setLatency(0);
    const after = await ex.getAccount();
    expect(after).not.toBe(account);
    expect(account.positions.find((q) => q.symbol === 'BTCUSDT')!.markPrice).toBe('61234.56');
    expect(await ex.getAccount()).toBe(after); // nothing changed → the same object
  });
});

describe('the walk steps only the markets positions use', () => {
  /** The default state plus `count` markets no position uses (IDLE0USDT…). */
  function withIdleMarkets(count: number) {
    const state = make().exportState();
    for (let i = 0; i < count; i++) {
      state.markets[`IDLE${i}USDT`] = { markPrice: '100.00', pricePrecision: 2, maxStepTicks: 1000 };
    }
    return state;
  }

  it('a market no position uses keeps its price, emits nothing and draws nothing from the PRNG', () => {
    const ex = make({ state: withIdleMarkets(3), seed: 5 });
    const idle: string[] = [];
    ex.subscribeMarkPrice('IDLE1USDT', (u) => idle.push(u.markPrice));
    const walked = prices(ex, 50);
    expect(ex.getMarkPrice('IDLE1USDT')).toBe('100.00');
    expect(idle).toEqual([]);
    // The used markets walk exactly as in the same state without the idle ones.
    expect(walked).toEqual(prices(make({ seed: 5 }), 50));
  });

  it('a market stops walking when its last position closes', () => {
    const ex = make({ seed: 9 });
    ex.closePosition('SOLUSDT', 'SHORT');
    const before = ex.getMarkPrice('SOLUSDT');
    prices(ex, 30);
    expect(ex.getMarkPrice('SOLUSDT')).toBe(before);
    expect(ex.getMarkPrice('BTCUSDT')).not.toBe('62000.00'); // maxStepTicks 1000: 30 steps of 0 are all but impossible
  });

  it('holds at most 500 markets: 500 load, 501 are refused', () => {
    // The default scenario has 7 markets.
    expect(() => make({ state: withIdleMarkets(493) })).not.toThrow();
    expect(() => make({ state: withIdleMarkets(494) })).toThrow(/501 markets, at most 500/);
    const ex = make();
    expect(() => ex.importState(withIdleMarkets(494))).toThrow(RangeError);
    expect(ex.getMarkPrice('BTCUSDT')).toBe('62000.00'); // the refused import changed nothing
  });

  it('a symbol named "__proto__" walks like any other (its market is an own property)', () => {
    const state = make().exportState();
    const btc = state.account.positions.find((p) => p.symbol === 'BTCUSDT')!;
    state.account = { ...state.account, positions: [{ ...btc, symbol: '__proto__' }] };
    state.markets = JSON.parse(`{"__proto__": ${JSON.stringify(state.markets.BTCUSDT)}}`);
    const ex = make({ state, seed: 2 });
    const got: string[] = [];
    ex.subscribeMarkPrice('__proto__', (u) => got.push(u.markPrice));
    for (let i = 0; i < 20; i++) ex.step();
    expect(got).toHaveLength(20);
    expect(new Set(got).size).toBeGreaterThan(1);
    expect(ex.getMarkPrice('__proto__')).toBe(got.at(-1));
  });
});
