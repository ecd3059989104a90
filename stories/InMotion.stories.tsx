import type { Meta, StoryObj } from '@storybook/react-vite';
import { dialogMeta, type DialogArgs, type Loaded } from './support/dialogMeta';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/**
 * The dialog in motion: a request in flight (the form frozen on the request and on the figures it
 * was checked against), the receipt after success, and the one-click recovery after the exchange
 * answers "over the limit".
 */
const meta = { ...dialogMeta, title: 'Adjust Margin/In motion' } satisfies Meta<DialogArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function ready(canvasElement: HTMLElement) {
  const d = within(within(canvasElement).getByRole('dialog', { name: 'Adjust Margin' }));
  await waitFor(() => expect(d.getByText(/^Max (addable|removable):/)).toHaveTextContent(/\d/));
  return {
    d,
    amount: d.getByRole('textbox', { name: 'Amount' }),
    confirm: d.getByRole('button', { name: /^(Add|Remove|Adding|Removing) / }),
  };
}

/** In flight: mode, amount and Max are read-only; Confirm names the request and says why it waits. */
export const Pending: Story = {
  name: 'Pending',
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).sim.setLatency(3_600_000);
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '100');
    await userEvent.click(confirm);
    await waitFor(() => expect(confirm).toHaveTextContent('Adding 100.00 USDT…'));
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await expect(confirm).toHaveAccessibleDescription(/Waiting for the exchange’s answer/);
    await expect(amount).toHaveAttribute('readonly');
    await expect(d.getByRole('radio', { name: 'Remove' })).toHaveAttribute('aria-disabled', 'true');
    await expect(d.getByRole('button', { name: 'Max' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Accepted: what changed, the side named, margin and est. liq. price before → after; Done focused. */
export const Receipt: Story = {
  name: 'Receipt',
  args: { defaultMode: 'REMOVE' },
  play: async ({ canvasElement }) => {
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '200');
    await userEvent.click(confirm);
    const done = await d.findByRole('button', { name: 'Done' });
    await expect(done).toHaveFocus();
    // V1 by hand: margin 3000 + 0.5 · 2000 = 4000 → 3800; liquidation (3000 − 30000) / (0.5 · −0.996)
    // = 54216.867… → (2800 − 30000) / −0.498 = 54618.473…; a long's shown rounded up, toward the mark.
    await expect(d.getByRole('status')).toHaveTextContent(
      'Removed 200.00 USDT from BTCUSDT Long' +
        'margin 4,000.00 USDT → 3,800.00 USDT' +
        'est. liq. price 54,216.87 → 54,618.48',
    );
  },
};

/** The exchange answered "over the limit" (-4051): the amount is kept; one click sends the freshest Max. */
export const Recovery: Story = {
  name: 'Recovery after -4051',
  args: { defaultMode: 'REMOVE' },
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).sim.injectFailure({ kind: 'reject', code: -4051 });
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '880');
    await userEvent.click(confirm);
    await waitFor(() => expect(d.getByRole('alert')).toHaveTextContent(/^BTCUSDT Long not adjusted: /));
    await expect(amount).toHaveValue('880');
    await expect(d.getByRole('button', { name: 'Use new max and confirm' })).toBeVisible();
  },
};
