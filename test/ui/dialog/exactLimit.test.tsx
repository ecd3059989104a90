import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AdjustMarginDialog } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

/** V1's BTCUSDT long with a wallet of 3000.123456789: max removable 900.123456789 (by hand: 900 + the extra wallet). */
async function openRemove(locale: string) {
  const source = createFakeSource(accountOf([btcLong({ isolatedWallet: '3000.123456789' })]));
  const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 0 });
  const user = userEvent.setup();
  render(<AdjustMarginDialog symbol="BTCUSDT" positionSide="BOTH" defaultOpen locale={locale} />, { wrapper: Wrapper });
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  await user.click(within(dialog).getByRole('radio', { name: 'Remove' }));
  await waitFor(() => expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent(/\d/));
  return { user, dialog };
}

describe('the exact limit, on demand', () => {
  it('shows the limit in cents (rounded down) and the exact 8-dp limit through "Exact", which Max fills in', async () => {
    const { user, dialog } = await openRemove('en');
    const line = within(dialog).getByText(/^Max removable:/);
    // 900.123456789: cents cut → 900.12; exact at 8 decimals cut → 900.12345678.
    expect(line).toHaveTextContent('Max removable: 900.12 USDT');
    expect(within(line).getByText('900.12 USDT')).toHaveAttribute(
      'title',
      'Exact: 900.12345678 USDT, what Max fills in',
    );
    const exact = within(dialog).getByRole('button', { name: 'Exact' });
    const revealed = document.getElementById(exact.getAttribute('aria-controls')!)!;
    expect(exact).toHaveAttribute('aria-expanded', 'false');
    expect(revealed).not.toBeVisible();
    // Keyboard only: Tab reaches it, Enter opens it.
    exact.focus();
    await user.keyboard('{Enter}');
    expect(exact).toHaveAttribute('aria-expanded', 'true');
    expect(revealed).toBeVisible();
    expect(revealed).toHaveTextContent('Exact: 900.12345678 USDT, what Max fills in');
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('900.12345678');
    expect(within(dialog).getByRole('button', { name: 'Remove 900.12345678 USDT' })).toBeInTheDocument();
  }, 30_000);

  it("an over-limit amount is refused with the limit in the locale's writing (de-DE: 900,12)", async () => {
    const { user, dialog } = await openRemove('de-DE');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '1000');
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveAccessibleDescription(
      expect.stringMatching(/^Enter at most 900,12 USDT/),
    );
    expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent('Max removable: 900,12 USDT');
  }, 30_000);
});
