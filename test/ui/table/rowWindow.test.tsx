import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PositionsTable } from '../../../src/ui/PositionsTable';
import { WINDOW_FROM } from '../../../src/ui/table/useRowWindow';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

/** The height jsdom's rows stand for (jsdom lays nothing out: the table's estimate, 43 px, is used). */
const ROW_PX = 43;

/** `n` isolated positions, P0USDT … P{n-1}USDT, in that order. */
function account(n: number) {
  return accountOf(Array.from({ length: n }, (_, i) => btcLong({ symbol: `P${i}USDT` })));
}

async function setup(n: number) {
  const source = createFakeSource(account(n));
  const { Wrapper } = sourceWrapper(source);
  render(<PositionsTable locale="en" />, { wrapper: Wrapper });
  const table = await screen.findByRole('table', { name: 'Positions' });
  await within(table).findByRole('rowheader', { name: 'P0USDT' });
  return { source, table, user: userEvent.setup() };
}

/** Scrolls the page so that the table's body starts `rows` rows above the viewport's top. */
function scrollTo(table: HTMLElement, rows: number) {
  const body = within(table).getAllByRole('rowgroup')[1]!;
  vi.spyOn(body, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, -rows * ROW_PX, 1000, 0));
  act(() => {
    fireEvent.scroll(document);
  });
}

const rowOf = (table: HTMLElement, symbol: string) =>
  within(table).getByRole('rowheader', { name: symbol }).closest('tr')!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a long positions table keeps only the rows near the viewport in the DOM', () => {
  it('below the threshold every row is there, with no row count to announce', async () => {
    const { table } = await setup(WINDOW_FROM - 1);
    expect(within(table).getAllByRole('row')).toHaveLength(WINDOW_FROM);
    expect(table).not.toHaveAttribute('aria-rowcount');
  });

  it('tells assistive technology how many rows there are and where each rendered row stands', async () => {
    const n = WINDOW_FROM + 50;
    const { table } = await setup(n);
    // Every position and the header row.
    expect(table).toHaveAttribute('aria-rowcount', String(n + 1));
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeLessThan(n / 2);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '1');
    // The position at account index i is row i + 2 (after the header).
    for (const row of rows.slice(1)) {
      const symbol = within(row).getByRole('rowheader').textContent!;
      expect(row).toHaveAttribute('aria-rowindex', String(Number(/^P(\d+)USDT$/.exec(symbol)![1]) + 2));
    }
    // The rows left out are hidden gaps, not rows.
    expect(table.querySelectorAll('tbody > tr[aria-hidden="true"]').length).toBeGreaterThan(0);
  });

  it('scrolling brings the rows into the DOM with their live figures and [Edit]', async () => {
    const { table, source } = await setup(WINDOW_FROM + 50);
    expect(within(table).queryByRole('rowheader', { name: 'P120USDT' })).toBeNull();
    scrollTo(table, 118);
    const row = await waitFor(() => rowOf(table, 'P120USDT'));
    expect(row).toHaveAttribute('aria-rowindex', '122');
    expect(within(row).getByRole('button', { name: 'Edit margin for P120USDT Long' })).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: 'P0USDT' })).toBeNull();
    // The row follows its symbol's ticks: mark 62,000 → 63,000.
    act(() => source.tick('P120USDT', '63000'));
    expect(within(row).getByRole('cell', { name: /63,000\.00/ })).toBeInTheDocument();
    // The end of the table: its last row, and the rows before it.
    scrollTo(table, 146);
    await waitFor(() => expect(rowOf(table, 'P149USDT')).toHaveAttribute('aria-rowindex', '151'));
    expect(rowOf(table, 'P140USDT')).toBeInTheDocument();
    // Scrolled past the table: its last rows stay ready.
    scrollTo(table, 400);
    await waitFor(() => expect(rowOf(table, 'P149USDT')).toBeInTheDocument());
    // Back to the top: the first rows are there again.
    scrollTo(table, 0);
    await waitFor(() => rowOf(table, 'P0USDT'));
  });

  it('the open dialog’s row stays however far the table scrolls, so focus returns to its [Edit]', async () => {
    const { table, user } = await setup(WINDOW_FROM + 50);
    const edit = screen.getByRole('button', { name: 'Edit margin for P2USDT Long' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    scrollTo(table, 118);
    await waitFor(() => rowOf(table, 'P120USDT'));
    expect(edit).toBeInTheDocument();
    expect(rowOf(table, 'P2USDT')).toHaveAttribute('aria-rowindex', '4');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(edit).toHaveFocus();
  });
});
