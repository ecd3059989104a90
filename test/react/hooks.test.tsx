import { act, render, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdjustMarginError } from '../../src/engine/types';
import { confirmAdjustment } from '../../src/engine/confirm';
import { useMarginSource } from '../../src/react/MarginSourceProvider';
import { useAdjustment } from '../../src/react/useAdjustment';
import { useMarginLimits } from '../../src/react/useMarginLimits';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';
import { sourceWrapper } from '../support/renderWithSource';

function setup(staleAfterMs = 10_000) {
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source);
  const hook = renderHook(() => ({ limits: useMarginLimits('BTCUSDT', 'BOTH', { staleAfterMs }) }), {
    wrapper: Wrapper,
  });
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
    await act(async () => source.tick('BTCUSDT', '61000'));
    expect(hook.result.current.limits.limits?.markPrice).toBe('61000');
    expect(hook.result.current.limits.limits?.maxRemovable.amount.toFixed()).toBe('450');
    expect(hook.result.current.limits.limits?.maxRemovable.limitedBy).toBe('initialMargin');
  });

  it('turns stale after the threshold without a tick, and fresh again on the next tick', async () => {
    const { source, hook } = setup(60);
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    await act(async () => source.tick('BTCUSDT', '62000'));
    expect(hook.result.current.limits.isStale).toBe(false);
    await waitFor(() => expect(hook.result.current.limits.isStale).toBe(true));
    await act(async () => source.tick('BTCUSDT', '62001'));
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
    await act(async () => source.tick('ETHUSDT', '3100'));
    expect(renders).toBe(before);
    // SOLUSDT is a cross position in USDT: its PnL moves max addable, so the reader must update.
    const addable = view.container.textContent;
    await act(async () => source.tick('SOLUSDT', '90'));
    expect(renders).toBeGreaterThan(before);
    expect(view.container.textContent).not.toBe(addable);
  });
});

describe('useAdjustment', () => {
  it('shows the request in flight to every reader of the position, and its outcome', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { Wrapper } = sourceWrapper(source);
    const hook = renderHook(
      () => ({
        session: useMarginSource().session,
        limits: useMarginLimits('BTCUSDT', 'BOTH'),
        adjustment: useAdjustment('BTCUSDT', 'BOTH'),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(hook.result.current.limits.status).toBe('ready'));
    act(() => {
      confirmAdjustment(hook.result.current.session, {
        symbol: 'BTCUSDT',
        positionSide: 'BOTH',
        type: 'REMOVE',
        text: '100',
      });
    });
    expect(hook.result.current.adjustment.kind).toBe('pending');
    expect(hook.result.current.limits.adjustment.kind).toBe('pending');
    const error = new AdjustMarginError('insufficientIsolatedBalance', 'The limit moved', { code: -4051 });
    await act(async () => source.rejectNext(error));
    const state = hook.result.current.adjustment;
    expect(state.kind === 'failed' && state.error).toBe(error);
    // The limits stay as they were.
    expect(hook.result.current.limits.limits?.maxRemovable.amount.toFixed()).toBe('900');
  });
});

describe('the account in the query cache', () => {
  it('takes a snapshot with deeply nested unknown keys without walking them', async () => {
    const deep = () => {
      let nested: Record<string, unknown> = {};
      for (let i = 0; i < 100_000; i++) nested = { next: nested };
      return nested;
    };
    const source = createFakeSource({ ...accountOf([btcLong()]), extra: deep() } as ReturnType<typeof accountOf>);
    const { Wrapper } = sourceWrapper(source);
    const hook = renderHook(() => useMarginLimits('BTCUSDT', 'BOTH'), { wrapper: Wrapper });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    // A second snapshot, compared with the first by the query cache and checked by the session.
    act(() => source.setAccount({ ...accountOf([btcLong({ isolatedWallet: '2900' })]), extra: deep() } as never));
    await waitFor(() => expect(hook.result.current.limits?.current.isolatedWallet.toFixed()).toBe('2900'));
  });
});
