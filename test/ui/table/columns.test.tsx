/**
 * The positions table's `columns` prop, its new columns (Leverage, Margin ratio, ROE), the side
 * cell's separator and the size's unit. Expected figures are derived by hand in each test from the
 * fixture positions (margin ratio = MM ÷ (wallet + uPnL); ROE = uPnL ÷ initial margin at entry).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../../src/engine/types';
import { PositionsTable, type PositionsTableProps } from '../../../src/ui/PositionsTable';
import { accountOf, btcLong, coinShort, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

function account(): AccountSnapshot {
  const positions = [
    // V1: 0.5 BTC long at 60,000, mark 62,000, 10×, wallet 3,000 USDT; no baseAsset (from the symbol).
    btcLong(),
    btcLong({
      symbol: 'ETHUSDT_260327',
      baseAsset: 'ETH',
      positionSide: 'LONG',
      positionAmt: '2',
      entryPrice: '3000',
      markPrice: '3100',
      isolatedWallet: '700',
    }),
    btcLong({
      symbol: 'ETHUSDT_260327',
      baseAsset: 'ETH',
      positionSide: 'SHORT',
      positionAmt: '-1',
      entryPrice: '3200',
      markPrice: '3100',
      isolatedWallet: '640',
    }),
    // Cross: −10 at 150, mark 140, 10×; a symbol whose base cannot be told and no baseAsset.
    btcLong({
      symbol: 'SOL_X',
      marginType: 'cross',
      isolatedWallet: '0',
      positionAmt: '-10',
      entryPrice: '150',
      markPrice: '140',
    }),
    coinShort(),
  ];
  return {
    ...accountOf(positions),
    assets: [
      { asset: 'USDT', crossWalletBalance: '10000' },
      { asset: 'BTC', crossWalletBalance: '1' },
    ],
  };
}

async function setup(props: Partial<PositionsTableProps> = {}) {
  const source = createFakeSource(account());
  const { Wrapper } = sourceWrapper(source);
  render(<PositionsTable locale="en" {...props} />, { wrapper: Wrapper });
  const table = await screen.findByRole('table', { name: 'Positions' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(6));
  return { source, table, user: userEvent.setup() };
}

const rowOf = (table: HTMLElement, symbol: string, index = 0) =>
  within(table).getAllByRole('rowheader', { name: symbol })[index]!.closest('tr')!;

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('PositionsTable columns', () => {
  it('shows the chosen columns in the order given, after Symbol, with Margin (and [Edit]) added when left out', async () => {
    const { table } = await setup({ columns: ['roe', 'leverage', 'marginRatio', 'markPrice'] });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Symbol', 'ROE', 'Leverage', 'Margin ratio', 'Mark price', 'Margin']);
    // BTCUSDT (V1): uPnL 0.5 × (62,000 − 60,000) = 1,000; initial margin at entry 0.5 × 60,000 / 10 = 3,000:
    // ROE 33.33 %. Notional 31,000 sits in the first bracket: MM 31,000 × 0.004 = 124; margin 3,000 + 1,000
    // = 4,000: margin ratio 124 / 4,000 = 3.10 %.
    expect(cellTexts(rowOf(table, 'BTCUSDT'))).toEqual(['+33.33%', '10×', '3.10%', '62,000.00', '4,000.00 USDT']);
    expect(screen.getByRole('button', { name: 'Edit margin for BTCUSDT Long' })).toBeInTheDocument();
    // Cross SOL_X: no isolated margin ratio; ROE: uPnL −10 × (140 − 150) = 100 over 10 × 150 / 10 = 150: 66.67 %.
    const sol = cellTexts(rowOf(table, 'SOL_X'));
    expect(sol.slice(0, 3)).toEqual(['+66.67%', '10×', '—']);
  });

  it('writes Margin ratio and ROE on each mark price, like the other live cells', async () => {
    const { table, source } = await setup({ columns: ['marginRatio', 'roe'] });
    const btc = rowOf(table, 'BTCUSDT');
    act(() => source.tick('BTCUSDT', '63000'));
    // uPnL 0.5 × 3,000 = 1,500: ROE 1,500 / 3,000 = 50 %; MM 31,500 × 0.004 = 126 over 4,500: 2.80 %.
    expect(cellTexts(btc).slice(0, 2)).toEqual(['2.80%', '+50.00%']);
    act(() => source.tick('BTCUSDT', '57000'));
    // uPnL 0.5 × −3,000 = −1,500: ROE −50 %; MM 28,500 × 0.004 = 114 over 1,500: 7.60 %.
    expect(cellTexts(btc).slice(0, 2)).toEqual(['7.60%', '−50.00%']);
    expect(within(btc).getByText('−50.00%')).toHaveClass('amk-side-short');
  });

  it('each cell is announced under its column: a cell of the ROE column is found by the header', async () => {
    const { table } = await setup({ columns: ['roe'] });
    expect(within(table).getByRole('columnheader', { name: 'ROE' })).toBeInTheDocument();
    expect(within(rowOf(table, 'BTCUSDT')).getByRole('cell', { name: '+33.33%' })).toHaveAttribute('data-label', 'ROE');
  });

  it('a new array with the same columns keeps the rows (no new row constants)', async () => {
    const source = createFakeSource(account());
    const { Wrapper } = sourceWrapper(source);
    const { rerender } = render(<PositionsTable locale="en" columns={['roe']} />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(6));
    const cell = within(rowOf(table, 'BTCUSDT')).getByRole('cell', { name: '+33.33%' });
    rerender(<PositionsTable locale="en" columns={['roe']} />);
    expect(within(rowOf(table, 'BTCUSDT')).getByRole('cell', { name: '+33.33%' })).toBe(cell);
  });
});

describe('PositionsTable side and size', () => {
  it('reads a hedge side with its separator: "Long · Hedge", "Short · Hedge"; a one-way side alone', async () => {
    const { table } = await setup();
    expect(within(rowOf(table, 'ETHUSDT_260327', 0)).getByRole('cell', { name: 'Long · Hedge' })).toBeInTheDocument();
    expect(within(rowOf(table, 'ETHUSDT_260327', 1)).getByRole('cell', { name: 'Short · Hedge' })).toBeInTheDocument();
    expect(within(rowOf(table, 'BTCUSDT')).getByRole('cell', { name: 'Long' })).toBeInTheDocument();
  });

  it('sizes carry their unit: COIN-M in contracts, USDⓈ-M in the base asset (given, or the symbol less its margin asset)', async () => {
    const { table } = await setup({ columns: ['size'] });
    expect(cellTexts(rowOf(table, 'BTCUSD_PERP'))[0]).toBe('10 Cont');
    expect(cellTexts(rowOf(table, 'BTCUSDT'))[0]).toBe('0.5 BTC');
    expect(cellTexts(rowOf(table, 'ETHUSDT_260327', 1))[0]).toBe('1 ETH');
    // Neither given nor told by the symbol: the number alone, never a guess.
    expect(cellTexts(rowOf(table, 'SOL_X'))[0]).toBe('10');
  });
});
