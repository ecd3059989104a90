import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedExchange } from '../../../src/data/simulated';
import { AdjustMarginError } from '../../../src/engine/types';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('dispose', () => {
  it('leaves no timers and no listeners, and rejects calls still waiting', async () => {
    const ex = createSimulatedExchange({ latencyMs: 1000, autoStart: true });
    const unsub = ex.subscribeMarkPrice('BTCUSDT', () => {});
    ex.subscribeMarkPrice('ETHUSDT', () => {});
    ex.subscribeAccount(() => {});
    ex.subscribeFeedStatus(() => {});
    const account = ex.getAccount();
    ex.injectFailure({ kind: 'timeout' });
    const timedOut = ex.adjustMargin({
      symbol: 'BTCUSDT',
      positionSide: 'LONG',
      type: 'ADD',
      amount: '1',
      clientRequestId: 'a',
    });
    const adjust = ex.adjustMargin({
      symbol: 'BTCUSDT',
      positionSide: 'LONG',
      type: 'ADD',
      amount: '1',
      clientRequestId: 'b',
    });
    expect(ex.activeTimerCount()).toBe(4);
    expect(vi.getTimerCount()).toBe(4);
    expect(ex.listenerCount()).toEqual({ markPrice: 2, account: 1, feedStatus: 1, total: 4 });
    unsub();
    expect(ex.listenerCount().markPrice).toBe(1);

    ex.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(ex.activeTimerCount()).toBe(0);
    expect(ex.listenerCount().total).toBe(0);
    expect(ex.isRunning()).toBe(false);
    for (const p of [account, timedOut, adjust]) {
      await expect(p).rejects.toBeInstanceOf(AdjustMarginError);
    }
    await expect(adjust).rejects.toMatchObject({ kind: 'network' });
  });

  it('after dispose nothing starts or subscribes, and calls reject', async () => {
    const ex = createSimulatedExchange();
    ex.dispose();
    ex.dispose();
    ex.start();
    ex.subscribeMarkPrice('BTCUSDT', () => {});
    ex.subscribeAccount(() => {});
    expect(vi.getTimerCount()).toBe(0);
    expect(ex.listenerCount().total).toBe(0);
    await expect(ex.getAccount()).rejects.toMatchObject({ kind: 'network' });
  });

  it('pause stops the timer; unsubscribing every listener leaves none', () => {
    const ex = createSimulatedExchange();
    ex.start();
    ex.start();
    expect(vi.getTimerCount()).toBe(1);
    ex.setRate(10);
    expect(vi.getTimerCount()).toBe(1);
    ex.pause();
    expect(vi.getTimerCount()).toBe(0);
    const offs = [
      ex.subscribeMarkPrice('BTCUSDT', () => {}),
      ex.subscribeAccount(() => {}),
      ex.subscribeFeedStatus(() => {}),
    ];
    offs.forEach((off) => off());
    offs.forEach((off) => off());
    expect(ex.listenerCount().total).toBe(0);
    ex.dispose();
  });

  it('latency 0 answers without timers', async () => {
    const ex = createSimulatedExchange({ latencyMs: 0 });
    const p = ex.getAccount();
    expect(vi.getTimerCount()).toBe(0);
    await p;
    ex.dispose();
  });
});
