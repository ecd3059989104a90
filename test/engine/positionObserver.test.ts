import { describe, expect, it, vi } from 'vitest';
import { observePosition } from '../../src/engine/positionObserver';
import { createMarginSession } from '../../src/engine/session';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

// BTCUSDT isolated (vector V1) and two cross positions in USDT whose marks move max addable.
const account = () =>
  accountOf([
    btcLong(),
    btcLong({
      symbol: 'SOLUSDT',
      marginType: 'cross',
      isolatedWallet: '0',
      positionAmt: '10',
      entryPrice: '100',
      markPrice: '100',
    }),
    btcLong({
      symbol: 'XRPUSDT',
      marginType: 'cross',
      isolatedWallet: '0',
      positionAmt: '1000',
      entryPrice: '1',
      markPrice: '1',
    }),
  ]);

async function watched() {
  const source = createFakeSource(account());
  // Every update reaches the readers (no throttle batch): what the dialog sees at `throttleMs` 0.
  const session = createMarginSession(source, { throttleMs: 0 });
  session.start();
  await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
  const observer = observePosition(session, 'BTCUSDT', 'BOTH');
  const seen: string[] = [];
  observer.subscribe(() => {
    const l = observer.getSnapshot().limits!;
    seen.push(`${l.maxAddable.toFixed()}/${l.maxRemovable.amount.toFixed()}`);
  });
  return { source, observer, seen };
}

describe('observePosition at throttleMs 0', () => {
  it('calls its readers once per message, after it, with every price of it', async () => {
    const { source, observer, seen } = await watched();
    // cwb 10000; both cross positions at entry: uPnL 0, IM 100 + 100, MM 4 + 4 (1000 · 0.004 each)
    // → max addable min(10000 − 8, 10000 + 0 − 200) = 9800. V1: max removable 900.
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9800');
    // One all-market message: three symbols in one task.
    source.tick('SOLUSDT', '90');
    source.tick('XRPUSDT', '0.9');
    source.tick('BTCUSDT', '61000');
    // Not called while the message is half applied (SOL moved, XRP and BTC not yet: 9710/900).
    expect(seen).toEqual([]);
    await Promise.resolve();
    // Once after the message: SOL at 90: uPnL −100, IM 90, MM 3.6; XRP at 0.9: uPnL −100, IM 90,
    // MM 3.6 → min(10000 − 7.2, 10000 − 200 − 180) = 9620; BTCUSDT at 61000: uPnL 500, IM 3050
    // → 3000 + 500 − 3050 = 450.
    expect(seen).toEqual(['9620/450']);
    // A read between ticks of a message is of the prices applied so far: SOL at 80 alone (uPnL −200,
    // IM 80, MM 3.2) → min(10000 − 6.8, 10000 − 300 − 170) = 9530.
    source.tick('SOLUSDT', '80');
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9530');
  });

  it('calls its readers once for a message of a single symbol', async () => {
    const { source, seen } = await watched();
    source.tick('BTCUSDT', '61000');
    await Promise.resolve();
    expect(seen).toEqual(['9800/450']);
    // The next message is called once more, after it.
    source.tick('SOLUSDT', '90');
    await Promise.resolve();
    expect(seen).toEqual(['9800/450', '9710/450']);
  });

  it('gives the same snapshot for a tick of a cross symbol that repeats its price', async () => {
    const { source, observer } = await watched();
    const before = observer.getSnapshot();
    source.tick('SOLUSDT', '100');
    await Promise.resolve();
    expect(observer.getSnapshot()).toBe(before);
  });
});
