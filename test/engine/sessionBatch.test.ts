import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarginSession } from '../../src/engine/session';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

// A reader that follows several symbols (the dialog's max addable follows every cross symbol of its
// asset) must not pay one read per symbol of an all-market tick: at a throttle, the tick is one batch.
describe('the session in a throttled batch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function started(throttleMs: number) {
    const source = createFakeSource(
      accountOf([
        btcLong(),
        btcLong({ symbol: 'ETHUSDT', markPrice: '3000', entryPrice: '3000' }),
        btcLong({ symbol: 'SOLUSDT', markPrice: '100', entryPrice: '100' }),
      ]),
    );
    const session = createMarginSession(source, { throttleMs });
    session.start();
    await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
    return { source, session };
  }

  it('calls a reader of several symbols once per batch, after the engine has every price of it', async () => {
    const { source, session } = await started(200);
    const seen: string[] = [];
    const reader = () =>
      seen.push(['BTCUSDT', 'ETHUSDT', 'SOLUSDT'].map((s) => session.figures(s, 'BOTH')?.markPrice).join('/'));
    for (const s of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT']) session.watchSymbol(s, reader);
    let btc = 0;
    session.watchSymbol('BTCUSDT', () => btc++);
    // One all-market message: every symbol at once.
    source.tick('BTCUSDT', '61000');
    source.tick('ETHUSDT', '3100');
    source.tick('SOLUSDT', '101');
    vi.advanceTimersByTime(200);
    expect(seen).toEqual(['61000/3100/101']);
    expect(btc).toBe(1);
  });

  it('a reader that stops watching during the batch is not called after it', async () => {
    const { source, session } = await started(200);
    let calls = 0;
    const offs = ['BTCUSDT', 'ETHUSDT'].map((s) => session.watchSymbol(s, () => calls++));
    // Called in the batch itself (the store's own listener): the reader leaves before the batch ends.
    const off = session.marks.subscribe('ETHUSDT', () => offs.forEach((o) => o()));
    source.tick('BTCUSDT', '61000');
    source.tick('ETHUSDT', '3100');
    vi.advanceTimersByTime(200);
    off();
    expect(calls).toBe(0);
  });

  it('at throttleMs 0 every update reaches every reader at once', async () => {
    const { source, session } = await started(0);
    let calls = 0;
    for (const s of ['BTCUSDT', 'ETHUSDT']) session.watchSymbol(s, () => calls++);
    source.tick('BTCUSDT', '61000');
    expect(calls).toBe(1);
    source.tick('ETHUSDT', '3100');
    expect(calls).toBe(2);
  });
});
