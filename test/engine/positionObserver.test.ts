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
  it('calls its readers at the first tick of a message and once after it, with every price of it', async () => {
    const { source, observer, seen } = await watched();
    // cwb 10000; both cross positions at entry: uPnL 0, IM 100 + 100, MM 4 + 4 (1000 · 0.004 each)
    // → max addable min(10000 − 8, 10000 + 0 − 200) = 9800. V1: max removable 900.
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9800');
    // One all-market message: three symbols in one task.
    source.tick('SOLUSDT', '90');
    source.tick('XRPUSDT', '0.9');
    source.tick('BTCUSDT', '61000');
    // Called at once, at the first symbol: SOL at 90: uPnL −100, IM 90, MM 3.6 → min(10000 − 7.6,
    // 10000 − 100 − 190) = 9710; BTCUSDT not moved yet: 900.
    expect(seen).toEqual(['9710/900']);
    await Promise.resolve();
    // Once more after the message: XRP at 0.9: uPnL −100, IM 90 → 10000 − 200 − 180 = 9620 (MM side
    // 10000 − 7.2); BTCUSDT at 61000: uPnL 500, IM 3050 → 3000 + 500 − 3050 = 450.
    expect(seen).toEqual(['9710/900', '9620/450']);
    // The snapshot read between the calls is already the latest.
    expect(observer.getSnapshot().limits?.maxAddable.toFixed()).toBe('9620');
  });

  it('calls its readers once for a message of a single symbol', async () => {
    const { source, seen } = await watched();
    source.tick('BTCUSDT', '61000');
    await Promise.resolve();
    expect(seen).toEqual(['9800/450']);
    // The next message is called at once again.
    source.tick('SOLUSDT', '90');
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
