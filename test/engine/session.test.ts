import { afterEach, describe, expect, it, vi } from 'vitest';
import { summarizeAdjustMarginForm } from '../../src/engine/adjustMarginForm';
import { confirmAdjustment } from '../../src/engine/confirm';
import { observePosition } from '../../src/engine/positionObserver';
import { createMarginSession, type MarginSession } from '../../src/engine/session';
import { AdjustMarginError, type AccountSnapshot } from '../../src/engine/types';
import { accountOf, btcLong, createFakeSource, type FakeSource } from '../support/fakeSource';

/** A session over a fake source, started, with the account loaded. Every tick wakes readers (`throttleMs` 0) unless asked. */
async function started(account: AccountSnapshot = accountOf([btcLong()]), throttleMs = 0) {
  const source = createFakeSource(account);
  const getAccount = vi.spyOn(source, 'getAccount');
  const session = createMarginSession(source, { throttleMs });
  const stop = session.start();
  await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
  return { source, session, stop, getAccount };
}

function removeAt(session: MarginSession, text: string) {
  return confirmAdjustment(session, { symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'REMOVE', text, locale: 'en' });
}

afterEach(() => vi.useRealTimers());

describe('the session', () => {
  it('computes a position from the account and follows its ticks', async () => {
    const { source, session } = await started();
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    const seen: string[] = [];
    observer.subscribe(() => seen.push(observer.getSnapshot().limits!.maxRemovable.amount.toFixed()));
    // Vector V1 at the snapshot's mark 62000: max removable 900 (initial-margin bound).
    expect(observer.getSnapshot().status).toBe('ready');
    expect(observer.getSnapshot().limits?.maxRemovable.amount.toFixed()).toBe('900');
    // At 61000 by hand: uPnL 0.5·1000 = 500, IM 61000·0.5/10 = 3050 → 3000 + 500 − 3050 = 450.
    source.tick('BTCUSDT', '61000');
    // Readers are called once after the message's task.
    await Promise.resolve();
    expect(seen).toContain('450');
    expect(observer.getSnapshot().limits?.maxRemovable.limitedBy).toBe('initialMargin');
  });

  it('returns the same snapshot until something shown changes', async () => {
    const { source, session } = await started();
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    const off = observer.subscribe(() => {});
    const first = observer.getSnapshot();
    expect(observer.getSnapshot()).toBe(first);
    source.tick('BTCUSDT', '62000', first.markPriceTime);
    expect(observer.getSnapshot()).toBe(first);
    source.tick('BTCUSDT', '61000');
    expect(observer.getSnapshot()).not.toBe(first);
    off();
  });

  it('readLatest sees a tick the throttle still holds back from the readers', async () => {
    const { source, session } = await started(accountOf([btcLong()]), 60_000);
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    const off = observer.subscribe(() => {});
    source.tick('BTCUSDT', '62000');
    source.tick('BTCUSDT', '61000');
    expect(observer.getSnapshot().limits?.markPrice).not.toBe('61000');
    expect(session.readLatest('BTCUSDT', 'BOTH')?.maxRemovable.amount.toFixed()).toBe('450');
    off();
  });

  it('follows a cross position of the same asset for max addable, and only that', async () => {
    const cross = btcLong({
      symbol: 'SOLUSDT',
      marginType: 'cross',
      isolatedWallet: '0',
      positionAmt: '10',
      entryPrice: '100',
      markPrice: '100',
    });
    const { source, session } = await started(
      accountOf([
        btcLong(),
        btcLong({ symbol: 'ETHUSDT', positionAmt: '2', entryPrice: '3000', markPrice: '3000' }),
        cross,
      ]),
    );
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    let calls = 0;
    observer.subscribe(() => calls++);
    // By hand: cwb 10000; SOLUSDT cross at 100: uPnL 0, IM 10·100/10 = 100, MM 1000·0.004 = 4.
    // Available = 10000 + 0 − 100 = 9900; maxAddable = min(10000 − 0 − 4, 9900) = 9900.
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9900');
    source.tick('ETHUSDT', '3100');
    await Promise.resolve();
    expect(calls).toBe(0);
    // At 90: uPnL 10·(90 − 100) = −100, IM 90, MM 3.6 → available 10000 − 100 − 90 = 9810;
    // min(10000 − 3.6, 9810) = 9810.
    source.tick('SOLUSDT', '90');
    await Promise.resolve();
    expect(calls).toBe(1);
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9810');
  });

  it('turns stale when the mark in use is older than the threshold, a throttle longer than it included', async () => {
    const { source, session } = await started(accountOf([btcLong()]), 0);
    vi.useFakeTimers({ now: Date.now() });
    const observer = observePosition(session, 'BTCUSDT', 'BOTH', { staleAfterMs: 1000 });
    const off = observer.subscribe(() => {});
    source.tick('BTCUSDT', '62001');
    expect(observer.getSnapshot().isStale).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(observer.getSnapshot().isStale).toBe(true);
    source.tick('BTCUSDT', '62002');
    expect(observer.getSnapshot().isStale).toBe(false);
    // Ticks keep coming, but the display is held back for longer than the threshold: what is shown is stale.
    session.setThrottleMs(5000);
    for (let i = 0; i < 12; i++) {
      vi.advanceTimersByTime(100);
      source.tick('BTCUSDT', String(62010 + i));
    }
    vi.advanceTimersByTime(1000);
    expect(observer.getSnapshot().isStale).toBe(true);
    off();
  });

  it('leaves nothing subscribed at the source once its readers are gone', async () => {
    const { source, session, stop } = await started();
    const a = observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    const b = observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    expect(source.markListeners()).toBe(1);
    a();
    b();
    stop();
    expect(source.markListeners()).toBe(0);
    expect(session.marks.listenerCount()).toBe(0);
  });
});

describe('Confirm through the session', () => {
  it('sends exactly the validated text, one request in flight per position', async () => {
    const { source, session } = await started();
    const first = removeAt(session, '100');
    expect(first.kind).toBe('sent');
    expect(removeAt(session, '200').kind).toBe('busy');
    expect(source.requests.map((r) => [r.type, r.amount])).toEqual([['REMOVE', '100']]);
    source.resolveNext();
    if (first.kind === 'sent') expect((await first.done).kind).toBe('succeeded');
  });

  it('refreshes the account exactly once per accepted adjustment', async () => {
    const { source, session, getAccount } = await started();
    const loads = getAccount.mock.calls.length;
    const sent = removeAt(session, '100');
    source.setServerAccount(accountOf([btcLong({ isolatedWallet: '2900' })], '10100'));
    source.resolveNext();
    if (sent.kind === 'sent') await sent.done;
    await vi.waitFor(() => expect(session.figures('BTCUSDT', 'BOTH')?.position.isolatedWallet).toBe('2900'));
    expect(getAccount.mock.calls.length - loads).toBe(1);
  });

  it('reuses the request id when the same amount is retried after a failure, and only then', async () => {
    const { source, session } = await started();
    const fail = async (text: string) => {
      const sent = removeAt(session, text);
      source.rejectNext(new AdjustMarginError('network', 'offline'));
      if (sent.kind === 'sent') return sent.done;
    };
    const outcome = await fail('100');
    expect(outcome?.kind).toBe('failed');
    await fail('100');
    await fail('101');
    const [a, b, c] = source.requests.map((r) => r.clientRequestId);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('keeps a source error as it is and turns anything else into an unknown failure without its text', async () => {
    const { source, session } = await started();
    const sent = removeAt(session, '100');
    source.rejectNext(new TypeError('Failed to fetch'));
    const state = sent.kind === 'sent' ? await sent.done : undefined;
    expect(state?.kind === 'failed' && state.error.kind).toBe('unknown');
    expect(state?.kind === 'failed' && state.error.exchangeMessage).toBeUndefined();
  });

  it('refuses an amount over the freshest limit without sending, and says the new max', async () => {
    const { source, session } = await started(accountOf([btcLong()]), 60_000);
    observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    // The throttled screen still shows 900; a tick to 61000 made it 450 (by hand above).
    source.tick('BTCUSDT', '62000');
    source.tick('BTCUSDT', '61000');
    const outcome = removeAt(session, '900');
    // The new max is what Max offers: the default 0.1 % headroom, at 61000 − 0.1 % = 60939:
    // uPnL 0.5 · 939 = 469.5, IM 60939 · 0.5 / 10 = 3046.95 → 3000 + 469.5 − 3046.95 = 422.55.
    expect(outcome.kind === 'limitMoved' && outcome.newMax.toFixed()).toBe('422.55');
    expect(source.requests).toEqual([]);
  });

  it('refuses Remove on a stale price and while the feed reconnects', async () => {
    const { source, session } = await started();
    source.setFeed('reconnecting');
    expect(removeAt(session, '1').kind).toBe('stale');
    expect(source.requests).toEqual([]);
  });
});

describe('the form summary', () => {
  it('shows the figures after removing the max of vector V1', async () => {
    const { session } = await started();
    const limits = session.readLatest('BTCUSDT', 'BOTH');
    const summary = summarizeAdjustMarginForm({
      mode: 'REMOVE',
      intent: { kind: 'percent', percent: 100 },
      limits,
      isStale: false,
      locale: 'en',
    });
    // Vector V1: after removing the max (900) the wallet is 2100 and the liquidation price 56024.09638554.
    expect(summary.after?.isolatedWallet.toFixed()).toBe('2100');
    expect(summary.after?.liquidationPrice?.toDecimalPlaces(8).toFixed(8)).toBe('56024.09638554');
  });
});

describe('the source', () => {
  it('has no mark subscription left by a source that pushes an account the check refuses', async () => {
    const source: FakeSource = createFakeSource(accountOf([btcLong()]));
    const session = createMarginSession(source, { throttleMs: 0 });
    const stop = session.start();
    await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
    source.setAccount({ assets: 'nope', positions: null } as unknown as AccountSnapshot);
    expect(session.getAccountState().status).toBe('error');
    stop();
    expect(source.markListeners()).toBe(0);
  });
});
