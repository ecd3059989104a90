import type { Meta, StoryObj } from '@storybook/react-vite';
import { dialogMeta, type DialogArgs } from './support/dialogMeta';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { makeSim } from './support/SimStage';

/**
 * Stale prices, visibly: the feed's state above the limits says "Stale: …" (a status region, so it
 * is announced), the limit, the before → after figures and the ladder are dimmed and framed, and the
 * mark-price line keeps the dialog's one age readout. Remove is blocked until a live price comes.
 */
const meta = {
  ...dialogMeta,
  title: 'Adjust Margin/Stale',
  args: { ...dialogMeta.args, defaultMode: 'REMOVE', staleAfterMs: 300 },
} satisfies Meta<DialogArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function staleDialog(canvasElement: HTMLElement, sentence: string) {
  const canvas = within(canvasElement);
  const dialog = canvas.getByRole('dialog', { name: 'Adjust Margin' });
  const d = within(dialog);
  await waitFor(() => expect(d.getByText(/^Max removable:/)).toHaveTextContent(/\d/));
  await userEvent.type(d.getByRole('textbox', { name: 'Amount' }), '10');
  const state = await d.findByText(sentence, {}, { timeout: 3000 });
  await expect(state).toHaveAttribute('role', 'status');
  await expect(state.parentElement).toHaveAttribute('data-stale', 'true');
  await expect(d.getByText('Removing margin needs a live mark price.')).toBeInTheDocument();
  return d;
}

/** No new mark price for `staleAfterMs` (the feed is paused): the figures are stale. */
export const NoNewPrice: Story = {
  play: async ({ canvasElement }) => {
    await staleDialog(canvasElement, 'Stale: no new mark price, the figures may be out of date');
  },
};

/** The price feed is reconnecting: stale at once, whatever the last price's age. */
export const Reconnecting: Story = {
  args: { staleAfterMs: 3_600_000 },
  loaders: [
    async () => {
      const sim = makeSim();
      sim.setFeedStatus('reconnecting');
      return { sim };
    },
  ],
  play: async ({ canvasElement }) => {
    await staleDialog(canvasElement, 'Stale: the price feed is reconnecting, the figures may be out of date');
  },
};

/** The same, light theme. */
export const ReconnectingLight: Story = {
  ...Reconnecting,
  args: { ...Reconnecting.args, theme: 'light' },
};
