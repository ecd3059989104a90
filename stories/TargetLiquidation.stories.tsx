import type { Meta, StoryObj } from '@storybook/react-vite';
import { dialogMeta, type DialogArgs } from './support/dialogMeta';
import { expect, userEvent, waitFor, within } from 'storybook/test';

// The default scenario's BTCUSDT long is vector V1 of the spec: 0.5 BTC at 60,000, mark 62,000,
// wallet 3,000 USDT, max removable 900. Its liquidation price with wallet WB is
// (WB − 30,000) / −0.498, so the wallet for a target T is 30,000 − 0.498 × T.
const meta = {
  ...dialogMeta,
  title: 'Adjust Margin/Target liquidation price',
  parameters: { docs: { story: { inline: false, iframeHeight: 800 } } },
} satisfies Meta<DialogArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function ready(canvasElement: HTMLElement) {
  await waitFor(() => expect(within(canvasElement).getByText(/^Max addable:/)).toHaveTextContent(/\d/));
  const d = within(within(canvasElement).getByRole('dialog', { name: 'Adjust Margin' }));
  return {
    d,
    amount: d.getByRole('textbox', { name: 'Amount' }),
    target: d.getByRole('textbox', { name: 'Target liquidation price' }),
    slider: d.getByRole('slider', { name: 'Liquidation price after' }),
  };
}

/** A target nearer the mark: the amount to remove follows, and Remove is chosen. */
export const TypedTarget: Story = {
  name: 'Target liquidation price',
  play: async ({ canvasElement }) => {
    const { d, amount, target } = await ready(canvasElement);
    await userEvent.click(d.getByRole('radio', { name: 'Target liq. price' }));
    await userEvent.type(target, '56000');
    // WB = 30,000 − 0.498 × 56,000 = 2,112: remove 888.
    await expect(amount).toHaveValue('888');
    await expect(d.getByRole('radio', { name: 'Remove' })).toBeChecked();
    await expect(d.getByRole('button', { name: /^Remove 888/ })).toBeVisible();
  },
};

/** The same in the light theme. */
export const TypedTargetLight: Story = {
  ...TypedTarget,
  name: 'Target liquidation price (light)',
  args: { theme: 'light' },
};

/** Beyond the max addable: the closest reachable target, one click away. */
export const BeyondMax: Story = {
  name: 'Beyond the max: Use closest',
  play: async ({ canvasElement }) => {
    const { d, target } = await ready(canvasElement);
    await userEvent.type(target, '1000');
    await expect(target).toHaveAccessibleDescription(/needs more than the max addable; the closest reachable is/);
    await userEvent.click(d.getByRole('button', { name: 'Use closest' }));
    await expect(target).not.toHaveValue('1000');
    await expect(d.getByRole('button', { name: /^Add [\d,.]+ USDT$/ })).not.toHaveAttribute('aria-disabled');
  },
};

/** A long's target at or above the mark: it would be liquidated at once. */
export const WrongSide: Story = {
  name: 'Target on the wrong side of the mark',
  play: async ({ canvasElement }) => {
    const { target } = await ready(canvasElement);
    await userEvent.type(target, '70000');
    await expect(target).toHaveAccessibleDescription(/must be below the mark price/);
  },
};

/** The ladder's "after" marker as a slider: Page Down moves the target 1 % of the mark away. */
export const LadderSlider: Story = {
  name: 'Ladder slider (keyboard)',
  play: async ({ canvasElement }) => {
    const { amount, target, slider } = await ready(canvasElement);
    slider.focus();
    await userEvent.keyboard('{PageDown}');
    // From 54,216.87 (now) by 620: 53,596.87; WB = 30,000 − 0.498 × 53,596.87 = 3,308.75874.
    await expect(target).toHaveValue('53596.87');
    await expect(amount).toHaveValue('308.75874');
    await expect(slider).toHaveAttribute('aria-valuenow', '53596.87');
  },
};

/** The ladder slider in the light theme. */
export const LadderSliderLight: Story = { ...LadderSlider, name: 'Ladder slider (light)', args: { theme: 'light' } };

/** COIN-M short: a target above the mark, in coin. */
export const CoinMShort: Story = {
  name: 'Target liquidation price (COIN-M short)',
  args: { symbol: 'BTCUSD_PERP', positionSide: 'BOTH' },
  play: async ({ canvasElement }) => {
    const { d, amount, slider, target } = await ready(canvasElement);
    slider.focus();
    await userEvent.keyboard('{PageUp}');
    await expect(target).not.toHaveValue('');
    await expect((amount as HTMLInputElement).value).toMatch(/^0\.\d{1,8}$/);
    await expect(d.getByRole('radio', { name: 'Add' })).toBeChecked();
  },
};
