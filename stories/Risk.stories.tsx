import type { Meta, StoryObj } from '@storybook/react-vite';
import { dialogMeta, type DialogArgs } from './support/dialogMeta';
import { expect, userEvent, waitFor, within } from 'storybook/test';

const ACKNOWLEDGE = 'I understand the position may be liquidated after a small price move';

/**
 * Risk framing: margin ratio and the mark's distance to liquidation, before → after. A removal that
 * brings the liquidation price within `warnLiquidationDistancePct` (default 5 %) of the mark needs
 * "I understand…" before Confirm sends. The scenario's ETHUSDT Long is 20×: removing the max leaves
 * the liquidation price about 4.3 % under the mark.
 */
const meta = {
  ...dialogMeta,
  title: 'Adjust Margin/Risk',
  args: { ...dialogMeta.args, symbol: 'ETHUSDT', defaultMode: 'REMOVE' },
  argTypes: {
    ...dialogMeta.argTypes,
    warnLiquidationDistancePct: { control: { type: 'number', min: 0, max: 50, step: 0.5 } },
  },
} satisfies Meta<DialogArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function withMax(canvasElement: HTMLElement) {
  const dialog = within(canvasElement).getByRole('dialog', { name: 'Adjust Margin' });
  const d = within(dialog);
  await waitFor(() => expect(d.getByText(/^Max removable:/)).toHaveTextContent(/\d/));
  await userEvent.click(d.getByRole('button', { name: 'Max' }));
  return d;
}

/** Removal warning: the max removal comes within 5 % of the mark; Confirm waits for "I understand…". */
export const RemovalWarning: Story = {
  play: async ({ canvasElement }) => {
    const d = await withMax(canvasElement);
    await expect(d.getByText(/^Close to liquidation: after this removal/)).toHaveAttribute('role', 'status');
    const box = d.getByRole('checkbox', { name: ACKNOWLEDGE });
    await expect(box).not.toBeChecked();
    const confirm = d.getByRole('button', { name: /^Remove \d/ });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(box);
    await expect(confirm).not.toHaveAttribute('aria-disabled');
  },
};

/** The same, light theme. */
export const RemovalWarningLight: Story = {
  ...RemovalWarning,
  args: { theme: 'light' },
};

/** With `warnLiquidationDistancePct` 0 the second step is off; the risk figures still show. */
export const WarningOff: Story = {
  args: { warnLiquidationDistancePct: 0 },
  play: async ({ canvasElement }) => {
    const d = await withMax(canvasElement);
    await expect(d.queryByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeInTheDocument();
    await expect(d.getByText('Margin ratio', { selector: 'dt' }).closest('div')).toHaveTextContent('→');
  },
};
