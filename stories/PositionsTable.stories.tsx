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
    // Narrower than the table: it scrolls sideways, and every cell still shows its whole text.
    wrap.style.width = '320px';
    await expect(wrap.scrollWidth).toBeGreaterThan(wrap.clientWidth);
    for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
      await expect(cell.scrollWidth, cell.textContent ?? '').toBeLessThanOrEqual(cell.clientWidth);
    }
  },
};
