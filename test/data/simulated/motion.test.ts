import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedExchange, type SimulatedExchange } from '../../../src/data/simulated';
import { findPosition } from '../../../src/engine/account';
import { AdjustMarginError, type AccountSnapshot, type AdjustMarginRequest } from '../../../src/engine/types';

let ex: SimulatedExchange | undefined;

afterEach(() => {
  ex?.dispose();
  vi.useRealTimers();
});

const add100: AdjustMarginRequest = {
  symbol: 'BTCUSDT',
  positionSide: 'LONG',
  type: 'ADD',
  amount: '100',
  clientRequestId: 'r1',
};

/** Runs one ADD 100 with the given order and latency 100 ms; returns what happened, in order, and when. */
async function sequence(order: 'withReply' | 'beforeReply' | 'afterReply'): Promise<string[]> {
  vi.useFakeTimers();
  const exchange = createSimulatedExchange({ latencyMs: 100 });
  ex = exchange;
  exchange.setAccountUpdateOrder(order);
  const events: string[] = [];
  const start = Date.now();
  exchange.subscribeAccount((a: AccountSnapshot) =>
    events.push(`account ${findPosition(a, 'BTCUSDT', 'LONG')!.isolatedWallet} at ${Date.now() - start}`),
  );
  const reply = exchange.adjustMargin(add100).then(() => events.push(`reply at ${Date.now() - start}`));
  await vi.advanceTimersByTimeAsync(400);
  await reply;
  return events;
}

describe('the simulated exchange in motion', () => {
  it('delivers the account update with the reply by default', async () => {
    expect(await sequence('withReply')).toEqual(['account 3100 at 100', 'reply at 100']);
  });

  it('can deliver the account update one latency before the reply', async () => {
    expect(await sequence('beforeReply')).toEqual(['account 3100 at 100', 'reply at 200']);
  });

  it('can deliver the account update one latency after the reply', async () => {
    expect(await sequence('afterReply')).toEqual(['reply at 100', 'account 3100 at 200']);
  });

  it('a trend moves every walked price by its ticks per step, and a removal is judged at the mark it arrives at', async () => {
    vi.useFakeTimers();
    const exchange = createSimulatedExchange({ latencyMs: 100, rateHz: 20 });
    ex = exchange;
    exchange.setTrend({ direction: 'down', ticksPerStep: 100 });
    exchange.step();
    expect(exchange.getMarkPrice('BTCUSDT')).toBe('61999.00');
    // BTCUSDT Long 0.5 @ 60000, 10×, wallet 3000: at 61999 max removable 3000 + 999.5 − 3099.95 = 899.55.
    exchange.start();
    const removal = exchange.adjustMargin({ ...add100, type: 'REMOVE', amount: '899.55' });
    const settled = removal.then(
      () => 'accepted',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(100); // two steps of $1 down before it arrives: the limit fell
    const outcome = await settled;
    expect(outcome).toBeInstanceOf(AdjustMarginError);
    expect((outcome as AdjustMarginError).code).toBe(-4051);
  });

  it('refuses a trend step that is not a whole number of ticks ≥ 1', () => {
    ex = createSimulatedExchange();
    expect(() => ex!.setTrend({ direction: 'up', ticksPerStep: 0 })).toThrow(RangeError);
    expect(() => ex!.setTrend({ direction: 'up', ticksPerStep: 1.5 })).toThrow(RangeError);
  });
});
