import type { Meta, StoryObj } from '@storybook/react-vite';
import { dialogMeta, type DialogArgs, type Loaded } from './support/dialogMeta';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { editPosition, makeSim } from './support/SimStage';
import { INITIAL_VIEWPORTS } from 'storybook/viewport';

const meta = { ...dialogMeta, title: 'Adjust Margin/Dialog' } satisfies Meta<DialogArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

function parts(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const dialog = canvas.getByRole('dialog', { name: 'Adjust Margin' });
  const d = within(dialog);
  return {
    dialog,
    d,
    amount: d.getByRole('textbox', { name: 'Amount' }),
    // Confirm names the action and the amount: "Add 500.00 USDT", "Remove margin".
    confirm: d.getByRole('button', { name: /^(Add|Remove|Adding|Removing) / }),
  };
}

async function ready(canvasElement: HTMLElement, line: RegExp = /^Max (addable|removable):/) {
  await waitFor(() => expect(within(canvasElement).getByText(line)).toHaveTextContent(/\d/));
  return parts(canvasElement);
}

/** USDⓈ-M, Add: the cross wallet's max addable; a valid amount previews the liquidation price. */
export const AddUsdm: Story = {
  name: 'Add (USDⓈ-M)',
  play: async ({ canvasElement }) => {
    const { d, amount, confirm } = await ready(canvasElement);
    await expect(amount).toHaveFocus();
    await userEvent.type(amount, '500');
    await expect(confirm).not.toHaveAttribute('aria-disabled');
    await expect(d.getByText('Est. liq. price', { selector: 'dt' }).closest('div')).toHaveTextContent('→');
  },
};

/** USDⓈ-M, Remove with Max: the bound that limits it is named and explained on demand. */
export const RemoveUsdm: Story = {
  name: 'Remove with Max (USDⓈ-M)',
  args: { defaultMode: 'REMOVE' },
  play: async ({ canvasElement }) => {
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.click(d.getByRole('button', { name: 'Max' }));
    // The default scenario's BTCUSDT long is vector V1 of the spec: max removable 900. Max keeps
    // 0.1 % of headroom: at 62000 − 0.1 % = 61938, 3000 + 0.5 · 1938 − 61938 · 0.5 / 10 = 872.1.
    await expect(amount).toHaveValue('872.1');
    await expect(d.getByText('Max keeps room for a 0.1% price move')).toBeVisible();
    await expect(d.getByText(/Limited by initial margin at the mark price/)).toBeVisible();
    await userEvent.click(d.getByRole('button', { name: 'Why?' }));
    await expect(d.getByText(/must still cover the initial margin/)).toBeVisible();
    await expect(confirm).not.toHaveAttribute('aria-disabled');
  },
};

/** COIN-M (inverse): margin in BTC, 8 decimals. */
export const CoinM: Story = {
  name: 'Remove (COIN-M)',
  args: { symbol: 'BTCUSD_PERP', positionSide: 'BOTH', defaultMode: 'REMOVE' },
  play: async ({ canvasElement }) => {
    const { d } = await ready(canvasElement);
    await expect(d.getByText(/^Max removable:/)).toHaveTextContent(/BTC$/);
    await expect(d.getByText('Short')).toBeInTheDocument();
  },
};

/** Hedge mode, the LONG side of ETHUSDT. */
export const HedgeLong: Story = {
  name: 'Hedge mode, Long',
  args: { symbol: 'ETHUSDT', positionSide: 'LONG' },
  play: async ({ canvasElement }) => {
    const { d } = await ready(canvasElement);
    await expect(d.getByText('Hedge Long')).toBeInTheDocument();
  },
};

/** Hedge mode, the SHORT side of the same symbol: its own wallet and limits. */
export const HedgeShort: Story = {
  name: 'Hedge mode, Short',
  args: { symbol: 'ETHUSDT', positionSide: 'SHORT', defaultMode: 'REMOVE' },
  play: async ({ canvasElement }) => {
    const { d } = await ready(canvasElement);
    await expect(d.getByText('Hedge Short')).toBeInTheDocument();
  },
};

function validationStory(text: string, message: RegExp, defaultMode: 'ADD' | 'REMOVE' = 'ADD'): Story {
  return {
    args: { defaultMode },
    play: async ({ canvasElement }) => {
      const { dialog, amount, confirm } = await ready(canvasElement);
      await userEvent.type(amount, text);
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
      const id = amount.getAttribute('aria-describedby')!.split(' ')[0]!;
      await expect(dialog.querySelector(`[id="${id}"]`)).toHaveTextContent(message);
      await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    },
  };
}

/** Validation: letters or symbols. */
export const InvalidNotANumber: Story = { ...validationStory('12a', /Use digits only/), name: 'Invalid: letters' };
/** Validation: scientific notation. */
export const InvalidExponent: Story = {
  ...validationStory('1e3', /Scientific notation/),
  name: 'Invalid: scientific notation',
};
/** Validation: a sign. */
export const InvalidSign: Story = { ...validationStory('-10', /without a sign/), name: 'Invalid: a sign' };
/** Validation: zero. */
export const InvalidZero: Story = { ...validationStory('0.000', /greater than 0/), name: 'Invalid: zero' };
/** Validation: more decimals than the asset has. */
export const InvalidTooManyDecimals: Story = {
  ...validationStory('1.000000001', /At most 8 decimal places/),
  name: 'Invalid: too many decimals',
};
/** Validation: the other decimal separator. */
export const InvalidDecimalSeparator: Story = {
  ...validationStory('1,5', /Use "\." as the decimal separator/),
  name: 'Invalid: comma as decimal separator',
};
/** Validation: over the max removable. */
export const InvalidOverLimit: Story = {
  ...validationStory('901', /Enter at most 900(\.00)? USDT/, 'REMOVE'),
  name: 'Invalid: over the max',
};

/** Max = 0: a position in loss has nothing removable; the presets are off and the reason shows. */
export const MaxZero: Story = {
  name: 'Max removable is zero',
  args: { defaultMode: 'REMOVE' },
  loaders: [
    async () => ({ sim: makeSim({ edit: (s) => editPosition(s, 'BTCUSDT', 'LONG', { isolatedWallet: '2000' }) }) }),
  ],
  play: async ({ canvasElement }) => {
    const { d, confirm } = await ready(canvasElement);
    await expect(d.getByText(/^Max removable:/)).toHaveTextContent('0.00 USDT');
    await expect(d.getByRole('button', { name: 'Max' })).toBeDisabled();
    await expect(d.getByText(/^No USDT available: the /)).toBeInTheDocument();
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A stale mark price blocks Remove, with the reason. */
export const StaleMarkPrice: Story = {
  name: 'Stale mark price',
  args: { defaultMode: 'REMOVE', staleAfterMs: 300 },
  play: async ({ canvasElement }) => {
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '10');
    await waitFor(() => expect(d.getByText('Removing margin needs a live mark price.')).toBeInTheDocument(), {
      timeout: 3000,
    });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A failed Confirm keeps the dialog and the amount; the retry succeeds and shows the receipt; Done closes it. */
export const FailedThenRetry: Story = {
  name: 'Failed, then retry',
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loaded as Loaded;
    sim.injectFailure({ kind: 'reject', code: -4050 });
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '100');
    await userEvent.click(confirm);
    await waitFor(() => expect(d.getByRole('alert')).toHaveTextContent(/^BTCUSDT Long not adjusted: /));
    await expect(amount).toHaveValue('100');
    await userEvent.click(confirm);
    const done = await d.findByRole('button', { name: 'Done' });
    await expect(done).toHaveFocus();
    await userEvent.click(done);
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).not.toBeInTheDocument());
    await expect(within(canvasElement).getByRole('button', { name: /Edit margin/ })).toHaveFocus();
  },
};

/** The limit falls between typing and Confirm: nothing is sent; "Use new max" takes the new one. */
export const LimitFallsAtConfirm: Story = {
  name: 'Limit falls at Confirm',
  args: { defaultMode: 'REMOVE' },
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loaded as Loaded;
    const { d, amount, confirm } = await ready(canvasElement);
    await userEvent.type(amount, '800');
    // The price drops and the click lands before the next render: the re-check catches it.
    sim.setMarkPrice('BTCUSDT', '61000');
    confirm.click();
    // The exact max at 61000 is 450; Max keeps 0.1 % of headroom, at 60939:
    // 3000 + 0.5 · 939 − 60939 · 0.5 / 10 = 422.55.
    await waitFor(() => expect(d.getByText(/the max is now 422\.55 USDT/)).toBeInTheDocument());
    await expect(amount).toHaveValue('800');
    await userEvent.click(d.getByRole('button', { name: 'Use new max' }));
    await expect(amount).toHaveValue('422.55');
  },
};

/** The position is closed (or liquidated) while the dialog is open. */
export const PositionClosed: Story = {
  name: 'Position closed',
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loaded as Loaded;
    const { d } = await ready(canvasElement);
    sim.closePosition('BTCUSDT', 'LONG', { reason: 'liquidated' });
    await waitFor(() => expect(d.getByText('Position closed')).toBeInTheDocument());
    await expect(d.queryByRole('button', { name: /^(Add|Remove) / })).not.toBeInTheDocument();
  },
};

/** A long symbol name at 320 px. */
export const LongSymbolNarrow: Story = {
  name: 'Long symbol, narrow screen',
  args: { symbol: '1000000BABYDOGEUSDT', positionSide: 'LONG', width: 320 },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  loaders: [
    async () => ({
      sim: makeSim({
        edit: (s) => {
          const btc = s.account.positions.find((p) => p.symbol === 'BTCUSDT')!;
          return {
            ...s,
            markets: {
              ...s.markets,
              '1000000BABYDOGEUSDT': { markPrice: '0.0021', pricePrecision: 7, maxStepTicks: 5 },
            },
            account: {
              ...s.account,
              positions: [
                ...s.account.positions,
                {
                  ...btc,
                  symbol: '1000000BABYDOGEUSDT',
                  positionAmt: '2000000',
                  entryPrice: '0.002',
                  markPrice: '0.0021',
                  isolatedWallet: '500',
                  pricePrecision: 7,
                },
              ],
            },
          };
        },
      }),
    }),
  ],
  play: async ({ canvasElement }) => {
    const { dialog } = await ready(canvasElement);
    await expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth + 1);
  },
};

/**
 * On a phone (iPhone 12, 390 × 844) the dialog is a bottom sheet: full width on the bottom edge, its
 * body scrolls, and Confirm stays at its bottom with the amount's error right above it.
 */
export const PhoneSheet: Story = {
  name: 'Bottom sheet (phone)',
  globals: { viewport: { value: 'iphone12', isRotated: false } },
  parameters: { viewport: { options: INITIAL_VIEWPORTS } },
  play: async ({ canvasElement }) => {
    const { dialog, amount, confirm } = await ready(canvasElement);
    const view = canvasElement.ownerDocument.defaultView!;
    const sheet = dialog.getBoundingClientRect();
    await expect(Math.round(sheet.width)).toBe(view.innerWidth);
    await expect(Math.round(sheet.bottom)).toBe(view.innerHeight);
    await userEvent.type(amount, '99999999');
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    // Its copy beside Confirm (drawn by CSS, hidden from assistive tech) and Confirm are in view.
    const copy = dialog.querySelector('[data-text^="Enter at most "]')!;
    for (const el of [confirm, copy])
      await expect(el.getBoundingClientRect().bottom).toBeLessThanOrEqual(view.innerHeight);
  },
};

/** Light theme, Remove with an amount. */
export const Light: Story = {
  name: 'Light theme',
  args: { theme: 'light', defaultMode: 'REMOVE' },
  play: async ({ canvasElement }) => {
    const { amount } = await ready(canvasElement);
    await userEvent.type(amount, '250');
  },
};

/** German number format: 1.234,5 is accepted and figures use the locale. */
export const German: Story = {
  name: 'German (de) locale',
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const { d, amount, confirm } = await ready(canvasElement);
    await expect(d.getByText(/^Max addable:/)).toHaveTextContent(/^Max addable: \d{1,3}(\.\d{3})*,\d{2,8} USDT$/);
    await userEvent.type(amount, '1.234,5');
    await expect(confirm).not.toHaveAttribute('aria-disabled');
  },
};
