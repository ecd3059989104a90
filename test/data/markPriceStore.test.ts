import { describe, expect, it } from 'vitest';
import { createMarkPriceStore } from '../../src/data/markPriceStore';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

describe('createMarkPriceStore', () => {
  it('tells price listeners only of a new price, and every listener of a newer event time', () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const store = createMarkPriceStore(source);
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
});
