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

describe('PositionsTable rows off screen', () => {
  it('one observer watches every row; a row off screen skips ticks, updates once a second, and at once when back', async () => {
    const { source, row, table, unmount } = await setup();
    const io = observer();
    expect(io.targets).toEqual(new Set([row('BTCUSDT'), row('ETHUSDT')]));
    vi.useFakeTimers();
    act(() => io.report(row('BTCUSDT'), false));
    expect(vi.getTimerCount()).toBe(1);

    const writes = markWrites(table);
    act(() => source.tick('BTCUSDT', '63000'));
    act(() => source.tick('ETHUSDT', '3050'));
    // The visible row is live; the row off screen is left alone and still shows the old price.
    expect(row('ETHUSDT')).toHaveTextContent('3,050.00');
    expect(writes()).toEqual(new Map([['ETHUSDT', 1]]));
    expect(row('BTCUSDT')).toHaveTextContent('62,000.00');

    // The 1 s clock brings it up to date (one change), and leaves it alone when nothing moved.
    act(() => vi.advanceTimersByTime(1000));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    act(() => vi.advanceTimersByTime(1000));
    expect(writes()).toEqual(new Map());

    // Back on screen: the latest price at once, live again, and the clock stopped.
    act(() => source.tick('BTCUSDT', '64000'));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    act(() => io.report(row('BTCUSDT'), true));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(vi.getTimerCount()).toBe(0);
    act(() => source.tick('BTCUSDT', '65000'));
    expect(row('BTCUSDT')).toHaveTextContent('65,000.00');

    // Unmounting off screen leaves no timer and no observed element.
    act(() => io.report(row('ETHUSDT'), false));
    expect(vi.getTimerCount()).toBe(1);
    const clearInterval = vi.spyOn(globalThis, 'clearInterval');
    unmount();
    // (The query cache's own gc timeout may remain.)
    expect(clearInterval).toHaveBeenCalledTimes(1);
    expect(io.targets.size).toBe(0);
    expect(source.markListeners()).toBe(0);
  });

  it('a row off screen is brought up to date by a scroll or a resize (it may scroll in before the observer says so), and stays off the ticks', async () => {
    const { source, row, table, unmount } = await setup();
    const io = observer();
    vi.useFakeTimers();
    act(() => io.report(row('BTCUSDT'), false));
    const writes = markWrites(table);
    act(() => source.tick('BTCUSDT', '63000'));
    expect(row('BTCUSDT')).toHaveTextContent('62,000.00');

    // A scroll of any container (scroll does not bubble: the table listens while capturing).
    const scroller = document.createElement('div');
    document.body.append(scroller);
    act(() => scroller.dispatchEvent(new Event('scroll')));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    // Nothing moved: a scroll writes nothing.
    act(() => document.dispatchEvent(new Event('scroll')));
    expect(writes()).toEqual(new Map());

    // Still off screen: the next tick is not written, the clock still runs; a resize catches it up.
    act(() => source.tick('BTCUSDT', '64000'));
    expect(writes()).toEqual(new Map());
    expect(vi.getTimerCount()).toBe(1);
    act(() => window.dispatchEvent(new Event('resize')));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(vi.getTimerCount()).toBe(1);

    // The row on screen is live throughout; unmounted, the table no longer listens.
    act(() => source.tick('ETHUSDT', '3050'));
    expect(row('ETHUSDT')).toHaveTextContent('3,050.00');
    const removed = vi.spyOn(document, 'removeEventListener');
    unmount();
    expect(removed).toHaveBeenCalledWith('scroll', expect.any(Function), expect.objectContaining({ capture: true }));
    scroller.remove();
  });

  it('the clock wakes a quarter of the rows off screen on each beat: each row once a second', async () => {
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
    act(() => symbols.forEach((s) => source.tick(s, '63000')));
    expect(writes()).toEqual(new Map());
    // 250 ms: the two rows waiting longest; 1 s: every row once.
    act(() => vi.advanceTimersByTime(250));
    expect(writes()).toEqual(new Map(symbols.slice(0, 2).map((s) => [s, 1])));
    act(() => vi.advanceTimersByTime(750));
    expect(writes()).toEqual(new Map(symbols.slice(2).map((s) => [s, 1])));
    for (const s of symbols) expect(row(s)).toHaveTextContent('63,000.00');
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
    act(() => source.tick('ETHUSDT', '3050'));
    act(() => vi.advanceTimersByTime(1000));
    expect(shortRow()).toHaveTextContent('3,050.00');
  });
});

describe('PositionsTable rows where the engine reports skipped contents (content-visibility: auto)', () => {
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

  it('lets a skipped row go from the observer: updated on the clock, watched again when rendered, live when on screen', async () => {
    const { source, row, table, unmount } = await setup();
    const io = observer();
    expect(io.targets).toEqual(new Set([row('BTCUSDT'), row('ETHUSDT')]));
    vi.useFakeTimers();
    act(() => skipped(row('BTCUSDT'), true));
    // Off screen, and no longer the observer's work.
    expect(io.targets).toEqual(new Set([row('ETHUSDT')]));
    expect(vi.getTimerCount()).toBe(1);

    const writes = markWrites(table);
    act(() => source.tick('BTCUSDT', '63000'));
    act(() => source.tick('ETHUSDT', '3050'));
    expect(writes()).toEqual(new Map([['ETHUSDT', 1]]));
    expect(row('BTCUSDT')).toHaveTextContent('62,000.00');
    act(() => vi.advanceTimersByTime(1000));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');

    // Rendered again (near the screen): watched again; on screen: the latest price at once, live.
    act(() => source.tick('BTCUSDT', '64000'));
    act(() => skipped(row('BTCUSDT'), false));
    expect(io.targets).toEqual(new Set([row('BTCUSDT'), row('ETHUSDT')]));
    expect(row('BTCUSDT')).toHaveTextContent('63,000.00');
    act(() => io.report(row('BTCUSDT'), true));
    expect(row('BTCUSDT')).toHaveTextContent('64,000.00');
    expect(vi.getTimerCount()).toBe(0);
    act(() => source.tick('BTCUSDT', '65000'));
    expect(row('BTCUSDT')).toHaveTextContent('65,000.00');

    // Unmounted while skipped: no clock, nothing observed, no listener left.
    act(() => skipped(row('ETHUSDT'), true));
    const clearInterval = vi.spyOn(globalThis, 'clearInterval');
    unmount();
    expect(clearInterval).toHaveBeenCalledTimes(1);
    expect(io.targets.size).toBe(0);
    expect(source.markListeners()).toBe(0);
  });
});
