import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PositionsTable } from '../../../src/ui/PositionsTable';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';
import { markWrites } from '../../support/markWrites';

/** A hand-driven IntersectionObserver: the test says which elements are on screen. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  report(target: Element, isIntersecting: boolean) {
    expect(this.targets.has(target)).toBe(true);
    const entry = { target, isIntersecting } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

const observer = () => {
  expect(FakeIntersectionObserver.instances).toHaveLength(1);
  return FakeIntersectionObserver.instances[0]!;
};

beforeEach(() => {
  FakeIntersectionObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function setup() {
  const source = createFakeSource(
    accountOf([
      btcLong(),
      btcLong({ symbol: 'ETHUSDT', entryPrice: '3000', markPrice: '3100', isolatedWallet: '700' }),
    ]),
  );
  const { Wrapper } = sourceWrapper(source);
  const view = render(<PositionsTable locale="en" />, { wrapper: Wrapper });
  const table = await screen.findByRole('table', { name: 'Positions' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
  const row = (symbol: string) => within(table).getByRole('rowheader', { name: symbol }).closest('tr')!;
  return { source, row, table, unmount: view.unmount };
}

/** Ticks in one task, as a feed's message does, and lets its microtasks run (rows off screen are written at its end). */
async function tickTask(tick: () => void) {
  await act(async () => tick());
}

describe('PositionsTable rows off screen', () => {
  it('one observer watches every row; a row off screen skips ticks, its figures ride a tick about once a second, and it is live again when back', async () => {
    const { source, row, table, unmount } = await setup();
    const io = observer();
    expect(io.targets).toEqual(new Set([row('BTCUSDT'), row('ETHUSDT')]));
    vi.useFakeTimers();
    act(() => io.report(row('BTCUSDT'), false));
    // Off screen, nothing owed: no timer runs.
    expect(vi.getTimerCount()).toBe(0);

    const writes = markWrites(table);
    // Rows off screen not written for a second (never, here): the tick carries it, in its own task.
    await tickTask(() => source.tick('BTCUSDT', '63000'));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));

    // The visible row is live; the row off screen is left alone, its new price owed.
    act(() => vi.advanceTimersByTime(100));
    await tickTask(() => {
      source.tick('BTCUSDT', '64000');
      source.tick('ETHUSDT', '3050');
    });
    expect(row('ETHUSDT')).toHaveTextContent('3,050.00');
    expect(writes()).toEqual(new Map([['ETHUSDT', 1]]));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    // No timer writes it while ticks come: 0.9 s after the last write, the next tick carries it.
    act(() => vi.advanceTimersByTime(700));
    expect(writes()).toEqual(new Map());
    await tickTask(() => source.tick('ETHUSDT', '3060'));
    expect(writes()).toEqual(new Map([['ETHUSDT', 1]]));
    act(() => vi.advanceTimersByTime(100));
    expect(writes()).toEqual(new Map());
    await tickTask(() => source.tick('ETHUSDT', '3070'));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(writes()).toEqual(
      new Map([
        ['ETHUSDT', 1],
        ['BTCUSDT', 1],
      ]),
    );
    // Nothing owed, no timer left.
    expect(vi.getTimerCount()).toBe(0);

    // Back on screen: the latest price at once, live again.
    await tickTask(() => source.tick('BTCUSDT', '65000'));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    act(() => io.report(row('BTCUSDT'), true));
    expect(row('BTCUSDT')).toHaveTextContent('65,000.00');
    expect(vi.getTimerCount()).toBe(0);
    act(() => source.tick('BTCUSDT', '66000'));
    expect(row('BTCUSDT')).toHaveTextContent('66,000.00');

    // Unmounting off screen with a price owed leaves no timer and no observed element.
    act(() => io.report(row('ETHUSDT'), false));
    await tickTask(() => source.tick('ETHUSDT', '3080'));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    // No timer of the table's is left (the query cache's own gc timeout, minutes away, may be).
    const left = vi.getTimerCount();
    act(() => vi.advanceTimersByTime(1000));
    expect(vi.getTimerCount()).toBe(left);
    expect(io.targets.size).toBe(0);
    expect(source.markListeners()).toBe(0);
  });

  it('when the feed goes quiet, a row off screen shows the price it missed a second after it fell behind, and no timer is left', async () => {
    const { source, row, table } = await setup();
    const io = observer();
    vi.useFakeTimers();
    act(() => io.report(row('BTCUSDT'), false));
    await tickTask(() => source.tick('BTCUSDT', '63000'));
    act(() => vi.advanceTimersByTime(300));
    const writes = markWrites(table);
    // The last tick before the feed pauses: owed, and no tick comes to carry it.
    await tickTask(() => source.tick('BTCUSDT', '64000'));
    expect(writes()).toEqual(new Map());
    act(() => vi.advanceTimersByTime(1000));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a row off screen is brought up to date by a scroll or a resize (it may scroll in before the observer says so), and stays off the ticks', async () => {
    const { source, row, table, unmount } = await setup();
    const io = observer();
    vi.useFakeTimers();
    act(() => io.report(row('BTCUSDT'), false));
    await tickTask(() => source.tick('BTCUSDT', '63000'));
    const writes = markWrites(table);
    await tickTask(() => source.tick('BTCUSDT', '63500'));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');

    // A scroll of any container (scroll does not bubble: the table listens while capturing).
    const scroller = document.createElement('div');
    document.body.append(scroller);
    act(() => scroller.dispatchEvent(new Event('scroll')));
    expect(row('BTCUSDT')).toHaveTextContent('63,500.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    // Caught up, it owes nothing: no timer. Nothing moved: a scroll writes nothing.
    expect(vi.getTimerCount()).toBe(0);
    act(() => document.dispatchEvent(new Event('scroll')));
    expect(writes()).toEqual(new Map());

    // Still off screen: the next tick is not written; a resize catches it up.
    await tickTask(() => source.tick('BTCUSDT', '64000'));
    expect(writes()).toEqual(new Map());
    act(() => window.dispatchEvent(new Event('resize')));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(vi.getTimerCount()).toBe(0);

    // The row on screen is live throughout; unmounted, the table no longer listens.
    act(() => source.tick('ETHUSDT', '3050'));
    expect(row('ETHUSDT')).toHaveTextContent('3,050.00');
    const removed = vi.spyOn(document, 'removeEventListener');
    unmount();
    expect(removed).toHaveBeenCalledWith('scroll', expect.any(Function), expect.objectContaining({ capture: true }));
    scroller.remove();
  });

  it('at 5 ticks a second, every row off screen is written together in the task of one tick a second, never by a timer', async () => {
    const symbols = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((s) => `${s}USDT`);
    const source = createFakeSource(accountOf(symbols.map((symbol) => btcLong({ symbol }))));
    const { Wrapper } = sourceWrapper(source);
    render(<PositionsTable locale="en" />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(9));
    const row = (symbol: string) => within(table).getByRole('rowheader', { name: symbol }).closest('tr')!;
    vi.useFakeTimers();
    act(() => symbols.forEach((s) => observer().report(row(s), false)));
    const writes = markWrites(table);
    // Ticks at 0.2, 0.4 … 3.0 s, each moving every symbol: written at 0.2 s (nothing written
    // before), then at the first tick 0.9 s or more after the last write: 1.2 s and 2.2 s.
    const written: number[] = [];
    for (let i = 1; i <= 15; i++) {
      act(() => vi.advanceTimersByTime(200));
      expect(writes()).toEqual(new Map());
      const price = String(63000 + 10 * i);
      await tickTask(() => symbols.forEach((s) => source.tick(s, price)));
      const w = writes();
      if (w.size === 0) continue;
      expect(w).toEqual(new Map(symbols.map((s) => [s, 1])));
      for (const s of symbols) expect(row(s)).toHaveTextContent(`63,${String(10 * i).padStart(3, '0')}.00`);
      written.push(i * 200);
    }
    expect(written).toEqual([200, 1200, 2200]);
  });

  it('a hedge row off screen keeps its price when its other side closes', async () => {
    const long = btcLong({ symbol: 'ETHUSDT', positionSide: 'LONG', entryPrice: '3000', markPrice: '3100' });
    const short = btcLong({
      symbol: 'ETHUSDT',
      positionSide: 'SHORT',
      positionAmt: '-1',
      entryPrice: '3200',
      markPrice: '3100',
    });
    const source = createFakeSource(accountOf([long, short]));
    const { Wrapper } = sourceWrapper(source);
    render(<PositionsTable locale="en" />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    // The SHORT row comes after the LONG one, and is the only one left once the LONG side closes.
    const shortRow = () => within(table).getAllByRole('rowheader', { name: 'ETHUSDT' }).at(-1)!.closest('tr')!;
    vi.useFakeTimers();
    act(() => observer().report(shortRow(), false));
    // The LONG side closes while the SHORT row is off screen: the LONG row goes, and the SHORT row
    // must still hear ETHUSDT's price.
    act(() => {
      source.setAccount(accountOf([short]));
      vi.advanceTimersByTime(0);
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(source.markListeners()).toBeGreaterThan(0);
    await tickTask(() => source.tick('ETHUSDT', '3050'));
    expect(shortRow()).toHaveTextContent('3,050.00');
  });
});

describe('PositionsTable rows the engine skips (content-visibility: auto)', () => {
  // The engine's event, as Chromium fires it on a row whose contents start or stop being skipped.
  const skipped = (row: Element, value: boolean) =>
    row.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: value }));

  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'oncontentvisibilityautostatechange', {
      value: null,
      configurable: true,
      writable: true,
    });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { oncontentvisibilityautostatechange?: unknown })
      .oncontentvisibilityautostatechange;
  });

  it('stay observed: a skipped row that comes on screen with no word from the engine (the cards render every row) is live', async () => {
    const { source, row, unmount } = await setup();
    const io = observer();
    vi.useFakeTimers();
    act(() => {
      skipped(row('BTCUSDT'), true);
      io.report(row('BTCUSDT'), false);
    });
    expect(io.targets).toEqual(new Set([row('BTCUSDT'), row('ETHUSDT')]));
    // The table turns into cards, whose rows are never skipped: Chromium fires no event for that;
    // the observer sees the row on screen.
    await tickTask(() => source.tick('BTCUSDT', '64000'));
    act(() => io.report(row('BTCUSDT'), true));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    act(() => source.tick('BTCUSDT', '65000'));
    expect(row('BTCUSDT')).toHaveTextContent('65,000.00');
    unmount();
    expect(io.targets.size).toBe(0);
  });
});
