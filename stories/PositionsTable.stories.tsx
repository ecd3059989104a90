import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SimulatedExchange } from '../src/simulated';
import { PositionsTable } from '../src/ui/PositionsTable';
import { makeSim, SimStage } from './support/SimStage';

type Loaded = { sim: SimulatedExchange };

function LiveTable(props: React.ComponentProps<typeof PositionsTable> & { sim: SimulatedExchange; rateHz: number }) {
  const { sim, rateHz, ...table } = props;
  useEffect(() => {
    sim.setRate(rateHz);
    sim.start();
    return () => sim.pause();
  }, [sim, rateHz]);
  return (
    <SimStage sim={sim} theme={table.theme}>
      <PositionsTable {...table} />
    </SimStage>
  );
}

const meta = {
  title: 'Adjust Margin/Positions table',
  component: PositionsTable,
  args: { theme: 'dark', locale: 'en', rateHz: 2 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    locale: { control: 'select', options: ['en', 'de', 'fr'] },
    rateHz: { control: { type: 'range', min: 0.1, max: 50, step: 0.1 } },
  },
  loaders: [async () => ({ sim: makeSim() })],
  render: (args, { loaded }) => <LiveTable {...args} sim={(loaded as Loaded).sim} />,
} satisfies Meta<React.ComponentProps<typeof PositionsTable> & { rateHz: number }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Positions tab on the simulated exchange's live feed; [Edit] only beside isolated margin. */
export const LiveFeed: Story = {
  name: 'Live feed',
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loaded as Loaded;
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    // Isolated positions get an edit button; the cross SOLUSDT does not.
    await expect(canvas.getByRole('button', { name: 'Edit margin for BTCUSDT Long' })).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /Edit margin for SOLUSDT/ })).not.toBeInTheDocument();
    const row = canvas.getByRole('rowheader', { name: 'BTCUSDT' }).closest('tr')!;
    // Paused first: the next random step would otherwise replace the price before it is read.
    sim.pause();
    sim.setMarkPrice('BTCUSDT', '65432.10');
    await waitFor(() => expect(row).toHaveTextContent('65,432.10'));
    await userEvent.click(canvas.getByRole('button', { name: 'Edit margin for BTCUSDT Long' }));
    await expect(canvas.getByRole('dialog', { name: 'Adjust Margin' })).toBeInTheDocument();
  },
};

/** Light theme. */
export const Light: Story = { name: 'Light theme', args: { theme: 'light' } };

/** The cells' padding is the theme's --amk-space-3: the columns make room for it, so a text never overflows. */
export const ThemedSpacing: Story = {
  name: 'Themed spacing',
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).sim.pause();
    const table = within(canvasElement).getByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    const wrap = table.closest<HTMLElement>('.amk-table-wrap')!;
    const minWidth = () => parseFloat(getComputedStyle(table).minWidth);
    const before = minWidth();
    wrap.style.setProperty('--amk-space-3', '28px');
    // Nine columns, each padded on both sides: 9 × 2 × (28 − 12) px = 288 px more at its narrowest.
    await expect(minWidth() - before).toBeCloseTo(288, 0);
    // Narrower than the table (but over 640 px, so not cards): it scrolls sideways, and every cell
    // still shows its whole text.
    wrap.style.width = '700px';
    await expect(wrap.scrollWidth).toBeGreaterThan(wrap.clientWidth);
    for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
      await expect(cell.scrollWidth, cell.textContent ?? '').toBeLessThanOrEqual(cell.clientWidth);
    }
  },
};

/** The columns prop: Leverage, Margin ratio and ROE beside the usual figures, in the order given. */
export const ChosenColumns: Story = {
  name: 'Columns: leverage, margin ratio, ROE',
  args: {
    columns: [
      'side',
      'size',
      'leverage',
      'markPrice',
      'liquidationPrice',
      'margin',
      'marginRatio',
      'unrealizedPnl',
      'roe',
    ],
  },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    await expect(headers).toEqual([
      'Symbol',
      'Side',
      'Size',
      'Leverage',
      'Mark price',
      'Liq. price',
      'Margin',
      'Margin ratio',
      'Unrealized PnL',
      'ROE',
    ]);
    // The simulated BTCUSDT Long is 10×; its ROE carries a sign; the cross SOLUSDT has no isolated margin ratio.
    const btc = within(table).getByRole('rowheader', { name: 'BTCUSDT' }).closest('tr')!;
    await expect(within(btc).getAllByRole('cell')[2]).toHaveTextContent(/^10×$/);
    await expect(within(btc).getAllByRole('cell')[8]).toHaveTextContent(/^[+−]\d+\.\d{2}%$/);
    const sol = within(table).getByRole('rowheader', { name: 'SOLUSDT' }).closest('tr')!;
    await expect(within(sol).getAllByRole('cell')[6]).toHaveTextContent(/^—$/);
  },
};

/** In a box narrower than 640 px (here a 360 px panel, not the viewport) each position is a card. */
export const NarrowCards: Story = {
  name: 'Narrow panel (cards)',
  render: (args, context) => <div style={{ inlineSize: 360 }}>{meta.render(args, context)}</div>,
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    const wrap = table.closest<HTMLElement>('.amk-table-wrap')!;
    // No sideways scroll, every [Edit] inside the panel, each field under its column's name.
    await expect(wrap.scrollWidth).toBeLessThanOrEqual(wrap.clientWidth);
    const box = wrap.getBoundingClientRect();
    for (const edit of within(table).getAllByRole('button', { name: /^Edit margin for / })) {
      const r = edit.getBoundingClientRect();
      await expect(r.left >= box.left && r.right <= box.right).toBe(true);
    }
    const side = within(table).getAllByRole('cell', { name: 'Long · Hedge' })[0]!;
    await expect(getComputedStyle(side, '::before').content).toBe('"Side" / ""');
  },
};
