import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { SimulatedExchange } from '../src/simulated';
import { AccountSummary } from '../src/ui/summary/AccountSummary';
import { editPosition, makeSim, SimStage } from './support/SimStage';

type Loaded = { sim: SimulatedExchange };

/** The text beside a label in a group's description list. */
function figure(group: HTMLElement, label: string): string {
  return within(group).getByText(label, { selector: 'dt' }).nextElementSibling!.textContent ?? '';
}

const meta = {
  title: 'Adjust Margin/Account summary',
  component: AccountSummary,
  args: { theme: 'dark', locale: 'en' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    locale: { control: 'select', options: ['en', 'de', 'fr'] },
  },
  loaders: [async () => ({ sim: makeSim() })],
  render: (args, { loaded }) => (
    <SimStage sim={(loaded as Loaded).sim} theme={args.theme}>
      <AccountSummary {...args} />
    </SimStage>
  ),
} satisfies Meta<typeof AccountSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The default scenario's three margin assets, each with its Transfer button. "Max withdrawable"
 * moves with the cross positions' marks (here SOLUSDT's), never with an isolated one's.
 */
export const Default: Story = {
  name: 'Per asset, live',
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loaded as Loaded;
    const canvas = within(canvasElement);
    const region = canvas.getByRole('region', { name: 'Account summary' });
    const usdt = await within(region).findByRole('group', { name: 'USDT' });
    await expect(within(region).getByRole('group', { name: 'BTC' })).toBeInTheDocument();
    await expect(within(region).getByRole('group', { name: 'ETH' })).toBeInTheDocument();
    // The simulated exchange can transfer: one Transfer button per asset.
    await expect(within(region).getAllByRole('button', { name: 'Transfer' })).toHaveLength(3);
    // USDT by hand: wallet 10000; isolated open-order IM 125.4 + 40 = 165.4; SOL short −30 at 140,
    // mark 145: uPnL −150, IM 435 → 10000 − 150 − 435 − 165.4 = 9249.6.
    await waitFor(() => expect(figure(usdt, 'Max withdrawable')).toBe('9,249.60 USDT'));
    // SOL at 150: uPnL −300, IM 450 → 9084.6.
    sim.setMarkPrice('SOLUSDT', '150');
    await waitFor(() => expect(figure(usdt, 'Max withdrawable')).toBe('9,084.60 USDT'));
  },
};

/** Light theme. */
export const Light: Story = { name: 'Light theme', args: { theme: 'light' } };

/** German numbers. */
export const German: Story = { name: 'German locale', args: { locale: 'de' } };

/** A cross position the kit cannot read: the asset's limits are not shown (never a sum without it). */
export const Incomplete: Story = {
  name: 'A position cannot be read',
  loaders: [async () => ({ sim: makeSim({ edit: (s) => editPosition(s, 'SOLUSDT', 'SHORT', { leverage: '0' }) }) })],
  play: async ({ canvasElement }) => {
    const usdt = await within(canvasElement).findByRole('group', { name: 'USDT' });
    await expect(figure(usdt, 'Max withdrawable')).toBe('—');
    await expect(within(usdt).getByText(/could not be read/)).toBeInTheDocument();
  },
};

/** Before the account arrives. */
export const Loading: Story = {
  name: 'Loading',
  loaders: [async () => ({ sim: makeSim({ latencyMs: 3_600_000 }) })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading account…')).toBeInTheDocument();
  },
};
