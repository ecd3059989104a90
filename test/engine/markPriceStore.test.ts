import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkPriceStore, DEFAULT_THROTTLE_MS, GATHER_MS } from '../../src/engine/markPriceStore';
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
    /** A store at the default throttle with one BTCUSDT reader recording each price it is called with. */
    const btcReader = () => {
      const src = source();
      const store = createMarkPriceStore(src);
      const seen: string[] = [];
      store.subscribePrice('BTCUSDT', () => seen.push(store.get('BTCUSDT')!.markPrice));
      return { src, store, seen };
    };

    it('delivers the first tick after a quiet spell within one frame, with what arrived meanwhile, each reader once', () => {
      const src = source();
      const store = createMarkPriceStore(src);
      expect([DEFAULT_THROTTLE_MS, GATHER_MS]).toEqual([200, 16]);
      const seen: string[] = [];
      // One reader of two symbols (as useMarkPrices), one of BTCUSDT only.
      const both = () => seen.push(`both:${store.get('BTCUSDT')?.markPrice}/${store.get('ETHUSDT')?.markPrice}`);
      store.subscribePrice('BTCUSDT', both);
      store.subscribePrice('ETHUSDT', both);
      store.subscribePrice('BTCUSDT', () => seen.push(`btc:${store.get('BTCUSDT')?.markPrice}`));
      // Per-symbol streams: the second's updates arrive as separate messages a few ms apart.
      src.tick('BTCUSDT', '62000', 1000);
      vi.advanceTimersByTime(5);
      src.tick('ETHUSDT', '3100', 1000);
      // The store holds the prices at once; readers are woken once the window closes.
      expect(store.get('BTCUSDT')?.markPrice).toBe('62000');
      vi.advanceTimersByTime(GATHER_MS - 6);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['both:62000/3100', 'btc:62000']);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('coalesces ticks within the interval into one call with the latest price', () => {
      const { src, seen } = btcReader();
      src.tick('BTCUSDT', '60001', 1);
      vi.advanceTimersByTime(GATHER_MS);
      expect(seen).toEqual(['60001']);
      // Four more ticks at 50 Hz: none delivered before 200 ms have passed since the last call.
      for (const [i, price] of ['60002', '60003', '60004', '60005'].entries()) {
        vi.advanceTimersByTime(20);
        src.tick('BTCUSDT', price, 2 + i);
      }
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS - 80 - 1);
      expect(seen).toEqual(['60001']);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['60001', '60005']);
      // Quiet for longer than the interval: the next tick comes within one frame again.
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS * 5);
      src.tick('BTCUSDT', '60006', 10);
      vi.advanceTimersByTime(GATHER_MS);
      expect(seen).toEqual(['60001', '60005', '60006']);
    });

    it('a wall clock set back holds a tick for one interval at most', () => {
      const { src, seen } = btcReader();
      src.tick('BTCUSDT', '60001', 1);
      vi.advanceTimersByTime(GATHER_MS);
      vi.setSystemTime(Date.now() - 3_600_000);
      src.tick('BTCUSDT', '60002', 2);
      vi.advanceTimersByTime(DEFAULT_THROTTLE_MS);
      expect(seen).toEqual(['60001', '60002']);
    });

    it('a reader that throws does not keep the others of its batch from their call', () => {
      const src = source();
      const store = createMarkPriceStore(src);
      const seen: string[] = [];
      store.subscribePrice('BTCUSDT', () => {
        throw new Error('a broken reader');
      });
      store.subscribePrice('ETHUSDT', () => seen.push(store.get('ETHUSDT')!.markPrice));
      src.tick('BTCUSDT', '60001', 1);
      src.tick('ETHUSDT', '3100', 1);
      expect(() => vi.advanceTimersByTime(GATHER_MS)).toThrow('a broken reader');
      expect(seen).toEqual(['3100']);
    });

    it('a reader that leaves is not called; one that comes back before the call, or listens elsewhere, is', () => {
      const src = source();
      const store = createMarkPriceStore(src);
      const calls = { leaving: 0, back: 0, elsewhere: 0 };
      store.subscribePrice('BTCUSDT', () => {});
      const offLeaving = store.subscribePrice('BTCUSDT', () => calls.leaving++);
      const back = () => calls.back++;
      const offBack = store.subscribePrice('BTCUSDT', back);
      const elsewhere = () => calls.elsewhere++;
      const offElsewhere = store.subscribePrice('BTCUSDT', elsewhere);
      store.subscribePrice('ETHUSDT', elsewhere);
      src.tick('BTCUSDT', '60001', 1);
      offLeaving();
      // Re-subscribing (as React does when a subscribe function changes) keeps the owed call.
      offBack();
      store.subscribePrice('BTCUSDT', back);
      offElsewhere();
      vi.advanceTimersByTime(GATHER_MS);
      expect(calls).toEqual({ leaving: 0, back: 1, elsewhere: 1 });
    });

    it('when every reader owed a call leaves, the pending timer goes with them', () => {
      const src = source();
      const store = createMarkPriceStore(src);
      let calls = 0;
      const off = store.subscribePrice('BTCUSDT', () => calls++);
      src.tick('BTCUSDT', '60001', 1);
      vi.advanceTimersByTime(GATHER_MS);
      src.tick('BTCUSDT', '60002', 2);
      expect(vi.getTimerCount()).toBe(1);
      off();
      expect(vi.getTimerCount()).toBe(0);
      expect(calls).toBe(1);
      expect(store.listenerCount()).toBe(0);
    });

    it('a new throttle keeps the prices and readers, and delivers what is owed at once', () => {
      const { src, store, seen } = btcReader();
      src.tick('BTCUSDT', '60001', 1);
      store.setThrottleMs(0);
      expect(seen).toEqual(['60001']);
      expect(vi.getTimerCount()).toBe(0);
      src.tick('BTCUSDT', '60002', 2);
      expect(seen).toEqual(['60001', '60002']);
      expect(store.get('BTCUSDT')?.markPrice).toBe('60002');
    });
  });
});
