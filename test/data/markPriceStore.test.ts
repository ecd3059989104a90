import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkPriceStore, DEFAULT_THROTTLE_MS } from '../../src/data/markPriceStore';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

describe('createMarkPriceStore', () => {
  it('tells price listeners only of a new price, and every listener of a newer event time', () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const store = createMarkPriceStore(source, { throttleMs: 0 });
    let all = 0;
    let price = 0;
    const offAll = store.subscribe('BTCUSDT', () => all++);
    const offPrice = store.subscribePrice('BTCUSDT', () => price++);
    expect(store.activeSymbols()).toBe(1);
    expect(store.listenerCount()).toBe(2);
    source.tick('BTCUSDT', '62000', 1000);
    expect([all, price]).toEqual([1, 1]);
    // Same price, newer time: the time is kept (staleness), price readers are not woken.
    source.tick('BTCUSDT', '62000', 2000);
    expect([all, price]).toEqual([2, 1]);
    expect(store.get('BTCUSDT')).toMatchObject({ markPrice: '62000', eventTime: 2000 });
    source.tick('BTCUSDT', '62001', 3000);
    expect([all, price]).toEqual([3, 2]);
    // An older update is dropped.
    source.tick('BTCUSDT', '1', 2500);
    expect([all, price]).toEqual([3, 2]);
    expect(store.get('BTCUSDT')?.markPrice).toBe('62001');
    offAll();
    expect(store.activeSymbols()).toBe(1);
    offPrice();
    expect(store.activeSymbols()).toBe(0);
    expect(store.listenerCount()).toBe(0);
  });

  describe('throttled (the default, 200 ms)', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    const source = () => createFakeSource(accountOf([btcLong(), btcLong({ symbol: 'ETHUSDT', markPrice: '3000' })]));

    it('delivers the first tick after a quiet spell at once, after its burst, each reader once', async () => {
      const src = source();
      const store = createMarkPriceStore(src);
      expect(DEFAULT_THROTTLE_MS).toBe(200);
      const seen: string[] = [];
      // One reader of two symbols (as useMarkPrices), one of BTCUSDT only.
      const both = () => seen.push(`both:${store.get('BTCUSDT')?.markPrice}/${store.get('ETHUSDT')?.markPrice}`);
      store.subscribePrice('BTCUSDT', both);
      store.subscribePrice('ETHUSDT', both);
      store.subscribePrice('BTCUSDT', () => seen.push(`btc:${store.get('BTCUSDT')?.markPrice}`));
      // One all-market message: both symbols in one synchronous burst.
      src.tick('BTCUSDT', '62000', 1000);
      src.tick('ETHUSDT', '3100', 1000);
      // The store holds the prices at once; readers are woken after the burst, not inside it.
      expect(store.get('BTCUSDT')?.markPrice).toBe('62000');
      expect(seen).toEqual([]);
      await Promise.resolve();
      expect(seen).toEqual(['both:62000/3100', 'btc:62000']);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('coalesces ticks within the interval into one call with the latest price', async () => {
      const src = source();
      const store = createMarkPriceStore(src);
      const seen: string[] = [];
      store.subscribePrice('BTCUSDT', () => seen.push(store.get('BTCUSDT')!.markPrice));
      src.tick('BTCUSDT', '60001', 1);
      await Promise.resolve();
      // Four more ticks at 50 Hz: none delivered before 200 ms have passed since the last call.
      for (const [i, price] of ['60002', '60003', '60004', '60005'].entries()) {
        vi.advanceTimersByTime(20);
        src.tick('BTCUSDT', price, 2 + i);
      }
      expect(seen).toEqual(['60001']);
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS - 80 - 1);
      expect(seen).toEqual(['60001']);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['60001', '60005']);
      // Quiet for longer than the interval: the next tick comes at once again.
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS * 5);
      src.tick('BTCUSDT', '60006', 10);
      await Promise.resolve();
      expect(seen).toEqual(['60001', '60005', '60006']);
    });

    it('a wall clock set back holds a tick for one interval at most', async () => {
      const src = source();
      const store = createMarkPriceStore(src);
      const seen: string[] = [];
      store.subscribePrice('BTCUSDT', () => seen.push(store.get('BTCUSDT')!.markPrice));
      src.tick('BTCUSDT', '60001', 1);
      await Promise.resolve();
      vi.setSystemTime(Date.now() - 3_600_000);
      src.tick('BTCUSDT', '60002', 2);
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS);
      expect(seen).toEqual(['60001', '60002']);
    });

    it('a reader that leaves is not called, and no timer is left behind', async () => {
      const src = source();
      const store = createMarkPriceStore(src);
      let leaving = 0;
      let staying = 0;
      const reader = () => staying++;
      store.subscribePrice('BTCUSDT', () => {});
      src.tick('BTCUSDT', '60001', 1);
      await Promise.resolve();
      const off = store.subscribePrice('BTCUSDT', () => leaving++);
      // One function listening to two symbols keeps its owed call when it leaves one of them.
      const offBtc = store.subscribePrice('BTCUSDT', reader);
      store.subscribePrice('ETHUSDT', reader);
      src.tick('BTCUSDT', '60002', 2);
      expect(vi.getTimerCount()).toBe(1);
      off();
      offBtc();
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS);
      expect([leaving, staying]).toEqual([0, 1]);
    });

    it('when every reader owed a call leaves, the pending timer goes with them', async () => {
      const src = source();
      const store = createMarkPriceStore(src);
      let calls = 0;
      const off = store.subscribePrice('BTCUSDT', () => calls++);
      src.tick('BTCUSDT', '60001', 1);
      await Promise.resolve();
      src.tick('BTCUSDT', '60002', 2);
      expect(vi.getTimerCount()).toBe(1);
      off();
      expect(vi.getTimerCount()).toBe(0);
      expect(calls).toBe(1);
      expect(store.listenerCount()).toBe(0);
    });
  });
});
