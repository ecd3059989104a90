import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedExchange, type SimulatedExchange } from '../../../src/data/simulated';
import { AccountSummary } from '../../../src/ui/summary/AccountSummary';
import { sourceWrapper } from '../../support/renderWithSource';

// The default scenario's USDT by hand: wallet 10000; isolated open-order IM 125.4 + 40 = 165.4;
// the cross SOLUSDT short (−30 at 140, leverage 10) at 145: uPnL −150, IM 435.
// Max withdrawable = 10000 − 150 − 435 − 165.4 = 9249.6; at SOL 150: 10000 − 300 − 450 − 165.4 = 9084.6.

/** The simulated exchange's latency where a test acts while a request is in flight. */
const IN_FLIGHT_MS = 1000;

let ex: SimulatedExchange | undefined;
afterEach(() => {
  ex?.dispose();
  ex = undefined;
});

function figure(group: HTMLElement, label: string): string {
  return within(group).getByText(label, { selector: 'dt' }).nextElementSibling!.textContent!;
}

async function openTransfer(options: { latencyMs?: number; throttleMs?: number } = {}) {
  ex = createSimulatedExchange({ latencyMs: options.latencyMs ?? 0 });
  const { Wrapper } = sourceWrapper(ex, { throttleMs: options.throttleMs ?? 0 });
  const user = userEvent.setup();
  render(<AccountSummary locale="en" />, { wrapper: Wrapper });
  const usdt = await screen.findByRole('group', { name: 'USDT' });
  await waitFor(() => expect(figure(usdt, 'Max withdrawable')).toBe('9,249.60 USDT'));
  await user.click(within(usdt).getByRole('button', { name: 'Transfer' }));
  const dialog = screen.getByRole('dialog', { name: 'Transfer out' });
  return { ex: ex!, user, usdt, dialog };
}

describe('Transfer out', () => {
  it('opens from the asset’s Transfer button with the amount field focused and Max = max withdrawable', async () => {
    const { user, dialog } = await openTransfer();
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    expect(amount).toHaveFocus();
    expect(within(dialog).getByText('USDT from the futures wallet to the spot wallet')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('9249.6');
    expect(within(dialog).getByRole('button', { name: 'Transfer 9,249.60 USDT' })).not.toHaveAttribute('aria-disabled');
  });

  it('Max, Confirm: frozen while pending, then the receipt; the wallet falls by exactly that amount', async () => {
    // Long enough that the request is still in flight when the test looks, even on a loaded machine.
    const { ex, user, usdt, dialog } = await openTransfer({ latencyMs: IN_FLIGHT_MS });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer 9,249.60 USDT' }));
    const busy = within(dialog).getByRole('button', { name: 'Transferring 9,249.60 USDT…' });
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(amount).toHaveAttribute('readonly');
    const receipt = await within(dialog).findByText('Transferred 9,249.60 USDT to the spot wallet.', undefined, {
      timeout: IN_FLIGHT_MS * 5,
    });
    expect(receipt.closest('[role="status"]')).toHaveTextContent('cross wallet 10,000.00 USDT → 750.40 USDT');
    expect((await ex.getAccount()).assets.find((a) => a.asset === 'USDT')!.crossWalletBalance).toBe('750.4');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog', { name: 'Transfer out' })).toBeNull();
    await waitFor(() => expect(figure(usdt, 'Cross wallet balance')).toBe('750.40 USDT'));
    expect(within(usdt).getByRole('button', { name: 'Transfer' })).toHaveFocus();
  });

  it('the exchange’s over-limit error is said clearly, with its words, and the amount kept', async () => {
    const { ex, user, dialog } = await openTransfer();
    ex.injectFailure({ kind: 'reject', code: -5002 });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    await user.type(amount, '5000');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer 5,000.00 USDT' }));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Not transferred: The amount is more than can leave the futures wallet now.'),
    );
    expect(alert).toHaveTextContent('Exchange (code -5002): You have insufficient balance.');
    expect(amount).toHaveValue('5000');
    expect(within(alert).getByRole('button', { name: 'Use new max and confirm' })).toBeInTheDocument();
  });

  it('re-checks at the click against the latest mark: nothing sent, the new max offered', async () => {
    const { ex, user, dialog } = await openTransfer({ throttleMs: 60_000 });
    const spy = vi.spyOn(ex, 'transfer');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '9249.6');
    // The first tick after a quiet spell reaches the screen at once; the next one waits for the throttle.
    ex.setMarkPrice('SOLUSDT', '145.00');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    act(() => void ex.setMarkPrice('SOLUSDT', '150'));
    expect(within(dialog).getByText('9,249.60 USDT', { selector: 'strong' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Transfer 9,249.60 USDT' }));
    expect(
      await within(dialog).findByText(/Max withdrawable moved while you were typing: it is now 9,084.60 USDT/),
    ).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
  });

  it('an amount over max withdrawable is refused in the field, with Use max', async () => {
    const { user, dialog } = await openTransfer();
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '9249.61');
    // The limit in the locale's writing, as the limit line shows it (a thousands separator, cents).
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveAccessibleDescription(
      expect.stringMatching(/^Enter at most 9,249\.60 USDT/),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Use max' }));
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('9249.6');
  });

  it('closed while in flight: the outcome is announced by the summary', async () => {
    const { user, dialog } = await openTransfer({ latencyMs: IN_FLIGHT_MS });
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '1000');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer 1,000.00 USDT' }));
    expect(within(dialog).getByRole('button', { name: 'Transferring 1,000.00 USDT…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Transfer out' })).toBeNull();
    const region = screen.getByRole('region', { name: 'Account summary' });
    await waitFor(
      () =>
        expect(within(region).getByRole('status')).toHaveTextContent(
          'Transferred 1,000.00 USDT to the spot wallet. · cross wallet 10,000.00 USDT → 9,000.00 USDT',
        ),
      { timeout: IN_FLIGHT_MS * 5 },
    );
  });
});
