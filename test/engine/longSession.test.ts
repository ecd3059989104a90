import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePosition } from '../../src/engine/positionObserver';
import { createMarginSession } from '../../src/engine/session';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

// An app left open all day (issue 15, memory): the dialog opened, edited and closed again and again
// while the prices move. Each close must give back everything the open took, so nothing a session
// holds grows with the number of opens or ticks.

const ethCross = btcLong({
  symbol: 'ETHUSDT',
  marginType: 'cross',
  isolatedWallet: '0',
  positionAmt: '2',
  entryPrice: '3000',
  markPrice: '3100',
});

afterEach(() => vi.useRealTimers());

describe('a session left open', () => {
  it.each([0, 200])(
    'gives back every subscription a closed dialog took, after 200 opens under ticks (throttleMs %i)',
    async (throttleMs) => {
      const source = createFakeSource(accountOf([btcLong(), ethCross]));
      const session = createMarginSession(source, { throttleMs });
      const stop = session.start();
      await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
      vi.useFakeTimers();
      // The table's rows follow both symbols for the whole session.
      const offRows = ['BTCUSDT', 'ETHUSDT'].map((s) => session.watchSymbol(s, () => {}));
      const before = {
        atSource: source.markListeners(),
        inStore: session.marks.listenerCount(),
        symbols: session.marks.activeSymbols(),
      };

      let price = 62000;
      for (let open = 0; open < 200; open++) {
        // The isolated BTCUSDT long's dialog also follows ETHUSDT (its max addable reads the cross sums).
        const dialog = observePosition(session, 'BTCUSDT', 'BOTH');
        let calls = 0;
        const close = dialog.subscribe(() => calls++);
        for (let tick = 0; tick < 5; tick++) {
          price += 1;
          source.tick('BTCUSDT', String(price));
          source.tick('ETHUSDT', String(price / 20));
          vi.advanceTimersByTime(throttleMs + 1);
          // Readers are called once after the message's task.
          await Promise.resolve();
        }
        expect(dialog.getSnapshot().limits?.maxRemovable.amount.gt(0)).toBe(true);
        expect(calls).toBeGreaterThan(0);
        close();
        expect(source.markListeners()).toBe(before.atSource);
        expect(session.marks.listenerCount()).toBe(before.inStore);
        expect(session.marks.activeSymbols()).toBe(before.symbols);
        // A closed dialog hears nothing more.
        const heard = calls;
        source.tick('BTCUSDT', String(price + 0.5));
        vi.advanceTimersByTime(throttleMs + 1);
        await Promise.resolve();
        expect(calls).toBe(heard);
      }

      for (const off of offRows) off();
      stop();
      expect(source.markListeners()).toBe(0);
      expect(session.marks.listenerCount()).toBe(0);
    },
  );
});
