import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AdjustMarginDialog } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

// The position is vector V1: 0.5 BTC long at 60,000, mark 62,000, wallet 3,000 USDT, max removable
// 900; the cross wallet gives a max addable of 10,000. Its liquidation price with wallet WB is
// (WB − 30,000) / −0.498, so the wallet for a target T is WB = 30,000 − 0.498 × T (first bracket,
// notional at T below 50,000), worked out by hand in each test below.

function Host() {
  const [open, setOpen] = useState(true);
  return <AdjustMarginDialog symbol="BTCUSDT" positionSide="BOTH" open={open} onOpenChange={setOpen} locale="en" />;
}

async function openDialog() {
  const user = userEvent.setup();
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 0 });
  render(<Host />, { wrapper: Wrapper });
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  await waitFor(() => expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent('10,000.00 USDT'));
  const get = within(dialog);
  return {
    user,
    source,
    dialog,
    amount: get.getByRole('textbox', { name: 'Amount' }),
    target: get.getByRole('textbox', { name: 'Target liquidation price' }),
    slider: get.getByRole('slider', { name: 'Liquidation price after' }),
    targetMode: get.getByRole('radio', { name: 'Target liq. price' }),
    amountMode: get.getByRole('radio', { name: 'Amount' }),
  };
}

describe('AdjustMarginDialog: target liquidation price', () => {
  it('offers the target field beside Amount, a labelled switch, and the ladder marker as a slider', async () => {
    const { dialog, target, slider, amountMode, targetMode } = await openDialog();
    expect(within(dialog).getByRole('group', { name: 'Enter the change as' })).toContainElement(targetMode);
    expect(amountMode).toBeChecked();
    expect(target).toHaveAttribute('inputmode', 'decimal');
    // From the price with 10,000 added: (13,000 − 30,000) / −0.498 = 34,136.546…, up to the grid: 34,136.55;
    // to V1's price after removing 900: 56,024.0963…, down: 56,024.09. Now: 54,216.867…: 54,216.87.
    expect(slider).toHaveAttribute('aria-valuemin', '34136.55');
    expect(slider).toHaveAttribute('aria-valuemax', '56024.09');
    expect(slider).toHaveAttribute('aria-valuenow', '54216.87');
    expect(slider).toHaveAttribute('aria-valuetext', '54,216.87');
  });

  it('a typed target fills the amount, picks Remove, and Confirm sends that amount', async () => {
    const { user, source, dialog, amount, target, targetMode } = await openDialog();
    await user.type(target, '56000');
    // WB = 30,000 − 0.498 × 56,000 = 2,112: remove 888.
    expect(targetMode).toBeChecked();
    expect(amount).toHaveValue('888');
    expect(within(dialog).getByRole('radio', { name: 'Remove' })).toBeChecked();
    const confirm = within(dialog).getByRole('button', { name: /^Remove 888/ });
    await user.click(confirm);
    expect(source.requests).toEqual([expect.objectContaining({ type: 'REMOVE', amount: '888' })]);
  });

  it('a target on the wrong side of the mark says so, and nothing can be confirmed', async () => {
    const { user, dialog, target } = await openDialog();
    await user.type(target, '63000');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(target).toHaveAccessibleDescription(/A long’s liquidation price must be below the mark price/);
    const confirm = within(dialog).getByRole('button', { name: /margin$/ });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    // Confirm says why with the target's own sentence, not "Enter an amount".
    expect(confirm).toHaveAccessibleDescription(/must be below the mark price/);
  });

  it('beyond the max addable: the closest reachable target, and "Use closest" fills it', async () => {
    const { user, amount, target, dialog } = await openDialog();
    await user.type(target, '30000');
    // WB = 30,000 − 0.498 × 30,000 = 15,060: add 12,060 > 10,000.
    expect(amount).toHaveValue('12060');
    expect(target).toHaveAccessibleDescription(
      'This target needs more than the max addable; the closest reachable is 34,136.55.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Use closest' }));
    // WB = 30,000 − 0.498 × 34,136.55 = 12,999.9981: add 9,999.9981 ≤ 10,000.
    expect(target).toHaveValue('34136.55');
    expect(amount).toHaveValue('9999.9981');
    expect(within(dialog).getByRole('button', { name: /^Add 9,999\.99/ })).not.toHaveAttribute('aria-disabled');
  });

  it('the slider steps by a tick with the arrows, by 1 % of the mark with Page keys, to the ends with Home/End', async () => {
    const { user, amount, target, slider, targetMode } = await openDialog();
    slider.focus();
    await user.keyboard('{ArrowLeft}');
    // 54,216.86: WB = 30,000 − 0.498 × 54,216.86 = 3,000.00372: add 0.00372.
    expect(targetMode).toBeChecked();
    expect(target).toHaveValue('54216.86');
    expect(amount).toHaveValue('0.00372');
    await user.keyboard('{PageDown}');
    // − 620 (1 % of 62,000): 53,596.86, WB = 30,000 − 26,691.23628 = 3,308.76372.
    expect(target).toHaveValue('53596.86');
    expect(amount).toHaveValue('308.76372');
    await user.keyboard('{End}');
    // 56,024.09: WB = 30,000 − 27,899.99682 = 2,100.00318: remove 899.99682 (within the 900 max).
    expect(target).toHaveValue('56024.09');
    expect(amount).toHaveValue('899.99682');
    expect(slider).toHaveAttribute('aria-valuenow', '56024.09');
    await user.keyboard('{Home}');
    expect(target).toHaveValue('34136.55');
    expect(slider).toHaveFocus();
  });

  it('switching back to Amount keeps the solved amount, and the target field then follows the amount', async () => {
    const { user, amount, target, amountMode } = await openDialog();
    await user.type(target, '56000');
    await user.click(amountMode);
    expect(amount).toHaveValue('888');
    // The direction the target chose stays: 888 is still a removal.
    expect(screen.getByRole('radio', { name: 'Remove' })).toBeChecked();
    await user.clear(amount);
    await user.type(amount, '2100');
    // In Remove (kept from the target), 2,100 is over the max: no after price, the target field empties.
    expect(target).toHaveValue('');
    await user.click(screen.getByRole('radio', { name: 'Add' }));
    // Add 2,100: WB 5,100, LP = (5,100 − 30,000) / −0.498 = 50,000.
    expect(target).toHaveValue('50000');
  });

  it('switching to the target after typing an amount keeps both as they stood at the last key', async () => {
    const { user, amount, target, targetMode, amountMode } = await openDialog();
    await user.type(amount, '2100');
    // Add 2,100: WB 5,100, LP = (5,100 − 30,000) / −0.498 = 50,000.
    expect(target).toHaveValue('50000');
    await user.click(targetMode);
    expect(targetMode).toBeChecked();
    expect(target).toHaveValue('50000');
    expect(amount).toHaveValue('2100');
    await user.clear(target);
    await user.type(target, '56000');
    // WB = 30,000 − 0.498 × 56,000 = 2,112: remove 888.
    expect(amount).toHaveValue('888');
    await user.click(amountMode);
    expect(amount).toHaveValue('888');
    expect(target).toHaveValue('56000');
  });

  it('a target the parser refuses says so in price words', async () => {
    const { user, target } = await openDialog();
    await user.type(target, '-50000');
    expect(target).toHaveAccessibleDescription('Enter the price without a sign');
    await user.clear(target);
    await user.type(target, '5e4');
    expect(target).toHaveAccessibleDescription('Scientific notation such as 1e5 is not accepted');
  });
});
