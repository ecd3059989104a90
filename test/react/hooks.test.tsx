import { act, render, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdjustMarginError } from '../../src/engine/types';
import { useAdjustMargin } from '../../src/react/useAdjustMargin';
import { useMarginLimits } from '../../src/react/useMarginLimits';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';
import { sourceWrapper } from '../support/renderWithSource';

function setup(staleAfterMs = 10_000) {
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source);
  const hook = renderHook(
    () => ({
      limits: useMarginLimits('BTCUSDT', 'BOTH', { staleAfterMs }),
      mutation: useAdjustMargin('BTCUSDT', 'BOTH'),
    }),
    { wrapper: Wrapper },
  );
  return { source, hook };
}

describe('useMarginLimits', () => {
  it('loads the account, then follows mark-price ticks', async () => {
    const { source, hook } = setup();
    expect(hook.result.current.limits.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    // Vector V1 at the snapshot's mark 62000: max removable 900 (initial-margin bound).
    expect(hook.result.current.limits.limits?.maxRemovable.amount.toFixed()).toBe('900');
    expect(hook.result.current.limits.limits?.maxAddable.toFixed()).toBe('10000');
    // At 61000 by hand: uPnL 0.5·1000 = 500, IM 61000·0.5/10 = 3050 → 3000 + 500 − 3050 = 450;
    // MM 30500·0.004 = 122 → 3000 − 122 = 2878. The initial-margin bound binds at 450.
    act(() => source.tick('BTCUSDT', '61000'));
    expect(hook.result.current.limits.limits?.markPrice).toBe('61000');
    expect(hook.result.current.limits.limits?.maxRemovable.amount.toFixed()).toBe('450');
    expect(hook.result.current.limits.limits?.maxRemovable.limitedBy).toBe('initialMargin');
  });

  it('gives the figures after an adjustment', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { Wrapper } = sourceWrapper(source);
    const hook = renderHook(
      ({ amount }) => useMarginLimits('BTCUSDT', 'BOTH', { adjustment: { type: 'REMOVE', amount } }),
      { wrapper: Wrapper, initialProps: { amount: '900' } },
    );
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    // Vector V1: after removing the max (900) the liquidation price is 56024.09638554.
    expect(hook.result.current.after?.liquidationPrice?.toDecimalPlaces(8).toFixed(8)).toBe('56024.09638554');
    expect(hook.result.current.after?.isolatedWallet.toFixed()).toBe('2100');
    hook.rerender({ amount: 'not a number' });
    expect(hook.result.current.after).toBeUndefined();
  });

  it('turns stale after the threshold without a tick, and fresh again on the next tick', async () => {
    const { source, hook } = setup(60);
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => source.tick('BTCUSDT', '62000'));
    expect(hook.result.current.limits.isStale).toBe(false);
    await waitFor(() => expect(hook.result.current.limits.isStale).toBe(true));
    act(() => source.tick('BTCUSDT', '62001'));
    expect(hook.result.current.limits.isStale).toBe(false);
  });

  it('is stale at once while the feed reconnects', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => source.setFeed('reconnecting'));
    expect(hook.result.current.limits.isStale).toBe(true);
    act(() => source.setFeed('live'));
    expect(hook.result.current.limits.isStale).toBe(false);
  });

  it('is stale when it mounts during an outage that began earlier', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    source.setFeed('reconnecting');
    const { Wrapper } = sourceWrapper(source);
    const hook = renderHook(() => useMarginLimits('BTCUSDT', 'BOTH'), { wrapper: Wrapper });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.isStale).toBe(true);
    expect(hook.result.current.feedStatus).toBe('reconnecting');
  });

  it('reports a closed position when it leaves the account', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => source.setAccount(accountOf([])));
    await waitFor(() => expect(hook.result.current.limits.status).toBe('closed'));
    expect(hook.result.current.limits.limits).toBeUndefined();
  });

  it('readLatest sees a tick before React has re-rendered', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    const readLatest = hook.result.current.limits.readLatest;
    source.tick('BTCUSDT', '61000');
    expect(readLatest()?.maxRemovable.amount.toFixed()).toBe('450');
  });

  it('re-renders a reader only when its own symbol, or a cross symbol of its asset, ticks', async () => {
    const source = createFakeSource(
      accountOf([
        btcLong(),
        btcLong({ symbol: 'ETHUSDT', positionAmt: '2', entryPrice: '3000', markPrice: '3000' }),
        btcLong({
          symbol: 'SOLUSDT',
          marginType: 'cross',
          isolatedWallet: '0',
          positionAmt: '10',
          entryPrice: '100',
          markPrice: '100',
        }),
      ]),
    );
    const { Wrapper } = sourceWrapper(source);
    let renders = 0;
    function Reader() {
      renders += 1;
      const s = useMarginLimits('BTCUSDT', 'BOTH');
      return <span>{s.limits?.maxAddable.toFixed() ?? ''}</span>;
    }
    const view = render(<Reader />, { wrapper: Wrapper });
    await waitFor(() => expect(view.container.textContent).not.toBe(''));
    const before = renders;
    act(() => source.tick('ETHUSDT', '3100'));
    expect(renders).toBe(before);
    // SOLUSDT is a cross position in USDT: its PnL moves max addable, so the reader must update.
    const addable = view.container.textContent;
    act(() => source.tick('SOLUSDT', '90'));
    expect(renders).toBeGreaterThan(before);
    expect(view.container.textContent).not.toBe(addable);
  });
});

describe('useAdjustMargin', () => {
  const request = (amount: string, clientRequestId = 'r1') => ({
    symbol: 'BTCUSDT',
    positionSide: 'BOTH' as const,
    type: 'REMOVE' as const,
    amount,
    clientRequestId,
  });

  it('on success refetches the account so the new wallet shows at once', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => hook.result.current.mutation.mutate(request('100')));
    await waitFor(() => expect(source.pending()).toBe(1));
    source.setServerAccount(accountOf([btcLong({ isolatedWallet: '2900' })], '10100'));
    act(() => source.resolveNext());
    await waitFor(() => expect(hook.result.current.limits.limits?.current.isolatedWallet.toFixed()).toBe('2900'));
    expect(source.requests).toEqual([request('100')]);
  });

  it('on failure keeps the limits and exposes the typed error', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    const before = hook.result.current.limits.limits?.maxRemovable.amount.toFixed();
    act(() => hook.result.current.mutation.mutate(request('899')));
    await waitFor(() => expect(source.pending()).toBe(1));
    const error = new AdjustMarginError('insufficientIsolatedBalance', 'The limit moved', { code: -4051 });
    act(() => source.rejectNext(error));
    await waitFor(() => expect(hook.result.current.mutation.isError).toBe(true));
    expect(hook.result.current.mutation.error).toBe(error);
    expect((hook.result.current.mutation.error as AdjustMarginError).code).toBe(-4051);
    expect(hook.result.current.limits.limits?.maxRemovable.amount.toFixed()).toBe(before);
  });

  it('never has two requests for one position in flight', async () => {
    const { source, hook } = setup();
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => {
      hook.result.current.mutation.mutate(request('1', 'a'));
      hook.result.current.mutation.mutate(request('2', 'b'));
    });
    await waitFor(() => expect(source.pending()).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(source.requests.map((r) => r.clientRequestId)).toEqual(['a']);
    act(() => source.resolveNext());
    await waitFor(() => expect(source.requests.map((r) => r.clientRequestId)).toEqual(['a', 'b']));
    act(() => source.resolveNext());
  });
});
