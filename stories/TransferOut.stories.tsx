import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SimulatedExchange } from '../src/simulated';
import { TransferOutDialog } from '../src/ui/transfer/TransferOutDialog';
import { makeSim, SimStage } from './support/SimStage';

type Loaded = { sim: SimulatedExchange };
type Args = React.ComponentProps<typeof TransferOutDialog>;

// The default scenario's USDT: max withdrawable 9249.6 (wallet 10000 − SOL short's loss 150 and
// initial margin 435 − isolated open-order margin 165.4).

const meta = {
  title: 'Adjust Margin/Transfer out',
  component: TransferOutDialog,
  args: { asset: 'USDT', theme: 'dark', locale: 'en', onClose: () => {} },
  argTypes: {
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    locale: { control: 'select', options: ['en', 'de', 'fr'] },
    asset: { control: 'inline-radio', options: ['USDT', 'BTC', 'ETH'] },
  },
  loaders: [async () => ({ sim: makeSim({ latencyMs: 300 }) })],
  render: (args, { loaded }) => (
    <SimStage sim={(loaded as Loaded).sim} theme={args.theme}>
      <TransferOutDialog {...args} />
    </SimStage>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open: the amount field focused, Max withdrawable beside it. */
export const Open: Story = {
  name: 'Open',
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByText('9,249.60 USDT', { selector: 'strong' })).toBeInTheDocument());
    await expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveFocus();
  },
};

/** Light theme. */
export const Light: Story = { name: 'Light theme', args: { theme: 'light' } };

/** Max: max withdrawable, rounded down, in the field; Confirm names the amount. */
export const Max: Story = {
  name: 'Max',
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Max' })).toBeEnabled());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Max' }));
    await expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('9249.6');
    await expect(within(dialog).getByRole('button', { name: 'Transfer 9,249.60 USDT' })).toBeInTheDocument();
  },
};

/** Over the limit as typed: the field says so, with Use max. */
export const OverLimit: Story = {
  name: 'Amount over max withdrawable',
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Max' })).toBeEnabled());
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '10000');
    await expect(within(dialog).getByText('Enter at most 9,249.60 USDT')).toBeInTheDocument();
  },
};

/** In flight: the request shown, read-only, Confirm busy (the exchange never answers here). */
export const Pending: Story = {
  name: 'Pending',
  loaders: [
    async () => {
      // The account loads at once; the transfer gets no answer (an injected timeout of an hour).
      const sim = makeSim();
      sim.setTimeoutMs(3_600_000);
      sim.injectFailure({ kind: 'timeout' });
      return { sim };
    },
  ],
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Max' })).toBeEnabled());
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '1200');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Transfer 1,200.00 USDT' }));
    const busy = await within(dialog).findByRole('button', { name: 'Transferring 1,200.00 USDT…' });
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveAttribute('readonly');
  },
};

/** Accepted: the receipt, Done focused. */
export const Receipt: Story = {
  name: 'Receipt',
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Max' })).toBeEnabled());
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '1200');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Transfer 1,200.00 USDT' }));
    await expect(await within(dialog).findByText('Transferred 1,200.00 USDT to the spot wallet.')).toBeInTheDocument();
    await expect(within(dialog).getByText('cross wallet 10,000.00 USDT → 8,800.00 USDT')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus());
  },
};

/** The exchange refused it as over the limit (-5002): a clear sentence, its words, the amount kept. */
export const Refused: Story = {
  name: 'Refused over the limit',
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).sim.injectFailure({ kind: 'reject', code: -5002 });
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Transfer out' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Max' })).toBeEnabled());
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '5000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Transfer 5,000.00 USDT' }));
    const alert = within(dialog).getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Not transferred'));
    await expect(alert).toHaveTextContent('Exchange (code -5002): You have insufficient balance.');
    await expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('5000');
  },
};
