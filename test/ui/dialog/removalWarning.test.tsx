/**
 * Risk framing: margin ratio and the mark's distance to liquidation before → after, and a removal
 * near liquidation that waits for an explicit "I understand…". The position is vector V1 (0.5 BTC
 * long, entry 60,000, mark 62,000, 10×, wallet 3,000; bracket 0.4 %, cum 0), by hand:
 * MM = 31,000 × 0.004 = 124, uPnL = 1,000; LP = (WB − 30,000) / (0.002 − 0.5).
 * Now: ratio 124 / 4,000 = 3.10 %; LP = 27,000 / 0.498, distance (30,876 − 27,000) / 30,876 = 12.55 %.
 * Remove 900: ratio 124 / 3,100 = 4.00 %; LP = 27,900 / 0.498, distance 2,976 / 30,876 = 9.64 %.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AdjustMarginDialog } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

const WARNING =
  'Close to liquidation: after this removal the liquidation price is 9.64% from the mark price (within 10%).';
const ACKNOWLEDGE = 'I understand the position may be liquidated after a small price move';

async function openRemove(warnLiquidationDistancePct?: number) {
  const user = userEvent.setup();
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source);
  render(
    <AdjustMarginDialog
      symbol="BTCUSDT"
      positionSide="BOTH"
      defaultOpen
      defaultMode="REMOVE"
      locale="en"
      warnLiquidationDistancePct={warnLiquidationDistancePct}
    />,
    { wrapper: Wrapper },
  );
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  await waitFor(() => expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent(/\d/));
  const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
  return { user, source, dialog, amount };
}

const confirmOf = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /^(Confirm|Remove)\b/ });
const figure = (dialog: HTMLElement, label: string) =>
  within(dialog).getByText(label, { selector: 'dt' }).closest('div')!;

describe('risk figures before → after', () => {
  it('margin ratio and distance to liquidation, now and after the amount', async () => {
    const { user, dialog, amount } = await openRemove();
    expect(figure(dialog, 'Margin ratio')).toHaveTextContent(/^Margin ratio3\.10%$/);
    expect(figure(dialog, 'Mark to liq. price')).toHaveTextContent(/^Mark to liq\. price12\.55%$/);
    await user.type(amount, '900');
    expect(figure(dialog, 'Margin ratio')).toHaveTextContent('3.10% → , After: 4.00%');
    expect(figure(dialog, 'Mark to liq. price')).toHaveTextContent('12.55% → , After: 9.64%');
  });
});

describe('a removal near liquidation needs "I understand…"', () => {
  it('warns (announced), and Confirm sends nothing until the box is ticked; then it sends that amount', async () => {
    const { user, source, dialog, amount } = await openRemove(10);
    await user.type(amount, '900');
    const warning = within(dialog).getByText(WARNING);
    expect(warning).toHaveAttribute('role', 'status');
    const box = within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(WARNING);
    const confirm = confirmOf(dialog);
    expect(confirm).toHaveAccessibleDescription('To remove this much, first tick “I understand” above.');
    await user.click(confirm);
    await user.type(amount, '{Enter}');
    expect(source.requests).toHaveLength(0);

    // Keyboard only: from the amount to the box, Space ticks it.
    amount.focus();
    while (document.activeElement !== box) await user.tab();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    expect(confirm).not.toHaveAccessibleDescription(/I understand/);
    await user.click(confirm);
    await waitFor(() => expect(source.requests.map((r) => [r.type, r.amount])).toEqual([['REMOVE', '900']]));
  });

  it('a new amount or mode unticks it', async () => {
    const { user, dialog, amount } = await openRemove(10);
    await user.type(amount, '899');
    await user.click(within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE }));
    expect(within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE })).toBeChecked();
    await user.type(amount, '.5');
    expect(within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE }));
    await user.click(within(dialog).getByRole('radio', { name: 'Add' }));
    expect(within(dialog).queryByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Remove' }));
    expect(within(dialog).getByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeChecked();
  });

  it('farther than the threshold (default 5 %: 9.64 % is not near), or with 0, there is no second step', async () => {
    for (const threshold of [undefined, 0]) {
      const { user, source, dialog, amount } = await openRemove(threshold);
      await user.type(amount, '900');
      expect(within(dialog).queryByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeInTheDocument();
      await user.click(confirmOf(dialog));
      await waitFor(() => expect(source.requests).toHaveLength(1));
      document.body.innerHTML = '';
    }
  });
});
