import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PositionsTable } from '../../../src/ui/PositionsTable';
import { AdjustMarginError } from '../../../src/engine/types';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MarginSourceProvider } from '../../../src/react/MarginSourceProvider';
import { DEFAULT_THROTTLE_MS } from '../../../src/engine/markPriceStore';
import { defaultMessages } from '../../../src/ui/messages';
import { sourceWrapper } from '../../support/renderWithSource';
import { markWrites } from '../../support/markWrites';

/** Confirm names the action and the amount: "Add 100.00 USDT", "Remove margin". */
const CONFIRM = /^(Add|Remove) /;

function positions() {
  return [
    btcLong(),
    btcLong({
      symbol: 'ETHUSDT',
      positionSide: 'LONG',
      positionAmt: '2',
      entryPrice: '3000',
      markPrice: '3100',
      isolatedWallet: '700',
    }),
    btcLong({
      symbol: 'ETHUSDT',
      positionSide: 'SHORT',
      positionAmt: '-1',
      entryPrice: '3200',
      markPrice: '3100',
      isolatedWallet: '640',
    }),
    btcLong({
      symbol: 'SOLUSDT',
      marginType: 'cross',
      isolatedWallet: '0',
      positionAmt: '-10',
      entryPrice: '150',
      markPrice: '140',
    }),
  ];
}

async function setup(options: { throttleMs?: number } = {}) {
  const source = createFakeSource(accountOf(positions()));
  const { Wrapper } = sourceWrapper(source, options);
  render(<PositionsTable locale="en" />, { wrapper: Wrapper });
  const table = await screen.findByRole('table', { name: 'Positions' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
  return { source, table, user: userEvent.setup() };
}

const rowOf = (table: HTMLElement, symbol: string, index = 0) =>
  within(table).getAllByRole('rowheader', { name: symbol })[index]!.closest('tr')!;

describe('PositionsTable', () => {
  it('has the columns a trader expects, with live and computed figures', async () => {
    const { table } = await setup();
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Symbol',
      'Side',
      'Size',
      'Entry price',
      'Mark price',
      'Liq. price',
      'Margin',
      'Margin mode',
      'Unrealized PnL',
    ]);
    const btc = rowOf(table, 'BTCUSDT');
    // Vector V1: liquidation 54216.87; margin = wallet 3000 + uPnL 1000 = 4000.
    expect(btc).toHaveTextContent('54,216.87');
    expect(btc).toHaveTextContent('4,000.00 USDT');
    expect(within(rowOf(table, 'ETHUSDT', 0)).getByRole('cell', { name: 'Long · Hedge' })).toBeInTheDocument();
    expect(btc).toHaveTextContent('+1,000.00 USDT');
    expect(btc).toHaveTextContent('Isolated');
  });

  it('offers [Edit] beside isolated margin only, named by symbol and side', async () => {
    await setup();
    expect(screen.getByRole('button', { name: 'Edit margin for BTCUSDT Long' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit margin for ETHUSDT Long' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit margin for ETHUSDT Short' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /SOLUSDT/ })).not.toBeInTheDocument();
  });

  it('a tick changes only the rows of the symbol that moved', async () => {
    const { table, source } = await setup();
    const writes = markWrites(table);
    act(() => source.tick('BTCUSDT', '63000'));
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('63,000.00');
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    act(() => source.tick('ETHUSDT', '3050'));
    // Both hedge sides of ETHUSDT show the new price; nothing else changes.
    expect(writes()).toEqual(new Map([['ETHUSDT', 2]]));
    expect(rowOf(table, 'ETHUSDT', 1)).toHaveTextContent('3,050.00');
  });

  it('at the default throttle, a burst of ticks changes a row once, with the last price, within the throttle', async () => {
    const { table, source } = await setup({ throttleMs: DEFAULT_THROTTLE_MS });
    const writes = markWrites(table);
    // Five ticks in one task (as one all-market message, or a fast feed between two frames).
    await act(async () => {
      for (const price of ['62100', '62200', '62300', '62400', '62500']) source.tick('BTCUSDT', price);
    });
    await waitFor(() => expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('62,500.00'));
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
    // A tick right after is held for the rest of the interval, then shown.
    const shownAt = performance.now();
    await act(async () => source.tick('BTCUSDT', '62600'));
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('62,500.00');
    await waitFor(() => expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('62,600.00'));
    expect(performance.now() - shownAt).toBeLessThan(DEFAULT_THROTTLE_MS + 200);
    expect(writes()).toEqual(new Map([['BTCUSDT', 1]]));
  });

  it('a new throttleMs keeps the prices shown (the store stays; only its throttle changes)', async () => {
    const source = createFakeSource(accountOf(positions()));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const tree = (throttleMs: number) => (
      <QueryClientProvider client={queryClient}>
        <MarginSourceProvider source={source} throttleMs={throttleMs}>
          <PositionsTable locale="en" />
        </MarginSourceProvider>
      </QueryClientProvider>
    );
    const view = render(tree(0));
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    act(() => source.tick('BTCUSDT', '63000'));
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('63,000.00');
    view.rerender(tree(DEFAULT_THROTTLE_MS));
    // No fall-back to the snapshot's 62,000.00 while waiting for the next tick.
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('63,000.00');
    await act(async () => source.tick('BTCUSDT', '63100'));
    await waitFor(() => expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('63,100.00'));
  });

  it('sizes columns for what they show: a live figure that grows widens its column; wide (CJK) labels count double', async () => {
    const source = createFakeSource(accountOf(positions()));
    const { Wrapper } = sourceWrapper(source);
    const columns = { ...defaultMessages.columns, marginMode: '逐仓保证金模式' };
    render(<PositionsTable locale="en" messages={{ columns }} />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    // The minimum of each track, in em, from minmax(calc(<em>em + <px>px), 1fr).
    const mins = () =>
      [...table.style.getPropertyValue('--amk-table-columns').matchAll(/calc\(([\d.]+)em/g)].map((x) => Number(x[1]));
    // Seven CJK characters at 0.9 em are about 6.3 em wide: at least that, not 7 narrow letters' worth.
    expect(mins()[7]).toBeGreaterThanOrEqual(6.3);
    const before = mins()[8]!;
    // BTCUSDT's PnL grows from "+1,000.00 USDT" to "+471,500.00 USDT": 0.5 × (1,003,000 − 60,000).
    act(() => source.tick('BTCUSDT', '1003000'));
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('+471,500.00 USDT');
    expect(mins()[8]).toBeGreaterThan(before);
    // …and stays when the price comes back: a column never shrinks under a moving price.
    const grown = mins()[8];
    act(() => source.tick('BTCUSDT', '62000'));
    expect(mins()[8]).toBe(grown);
  });

  it('a position the source garbled reads "Unavailable" with why, without figures or [Edit]; the others work', async () => {
    const source = createFakeSource(
      accountOf([btcLong(), btcLong({ symbol: 'ETHUSDT', leverage: '-10', entryPrice: '3000', markPrice: '3100' })]),
    );
    const { Wrapper } = sourceWrapper(source);
    render(<PositionsTable locale="en" />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const eth = rowOf(table, 'ETHUSDT');
    expect(eth).toHaveTextContent('Unavailable: the source’s leverage is not above 0.');
    // The symbol, the side it would have (one-way: unknown), and the reason: no figure cells.
    expect(within(eth).getAllByRole('cell')).toHaveLength(2);
    expect(eth).not.toHaveTextContent(/\d USDT/);
    expect(screen.queryByRole('button', { name: /ETHUSDT/ })).not.toBeInTheDocument();
    act(() => source.tick('BTCUSDT', '63000'));
    expect(rowOf(table, 'BTCUSDT')).toHaveTextContent('63,000.00');
    expect(screen.getByRole('button', { name: 'Edit margin for BTCUSDT Long' })).toBeInTheDocument();
  });

  it('[Edit] opens the dialog for that position; success shows the receipt; Done returns focus to [Edit]', async () => {
    const { source, user } = await setup();
    const edit = screen.getByRole('button', { name: 'Edit margin for ETHUSDT Short' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    expect(within(dialog).getByText('Hedge Short')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/\d/));
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '25');
    await user.click(within(dialog).getByRole('button', { name: CONFIRM }));
    expect(source.requests[0]).toMatchObject({ symbol: 'ETHUSDT', positionSide: 'SHORT', type: 'ADD', amount: '25' });
    act(() => source.resolveNext());
    const done = await within(dialog).findByRole('button', { name: 'Done' });
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Added 25\.00 USDT to ETHUSDT Short/);
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(edit).toHaveFocus();
  });

  it('a request whose dialog was closed while pending is announced in the table’s status region', async () => {
    const { source, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Edit margin for ETHUSDT Short' }));
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    await waitFor(() => expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/\d/));
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '25');
    await user.click(within(dialog).getByRole('button', { name: CONFIRM }));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    act(() => source.resolveNext());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Added 25\.00 USDT to ETHUSDT Short · margin /),
    );
    // Dismiss (by keyboard) clears the notice so it covers nothing; the status region stays for the next one.
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Positions' }).parentElement).toHaveFocus();
  });

  it('a failure whose dialog was closed is announced naming the side; reopening shows it with the amount', async () => {
    const { source, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Edit margin for ETHUSDT Short' }));
    let dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    await waitFor(() => expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/\d/));
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '25');
    await user.click(within(dialog).getByRole('button', { name: CONFIRM }));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    act(() => source.rejectNext(new AdjustMarginError('insufficientCrossBalance', 'x', { code: -4050 })));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^ETHUSDT Short not adjusted: /));
    await user.click(screen.getByRole('button', { name: 'Edit margin for ETHUSDT Short' }));
    dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/^ETHUSDT Short not adjusted: /));
    expect(within(dialog).getByRole('button', { name: 'Use new max and confirm' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('25');
    expect(within(dialog).getByRole('radio', { name: 'Add' })).toBeChecked();
  });
});
