import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAccountSummary } from '../../../src/react/useAccountSummary';
import { AccountSummary } from '../../../src/ui/summary/AccountSummary';
import { accountOf, btcLong, createFakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

/** A cross short: 30 SOL at 140, leverage 10, mark 145 (MMR 0.01 below 5000 notional). */
const sol = btcLong({
  symbol: 'SOLUSDT',
  marginType: 'cross',
  positionAmt: '-30',
  entryPrice: '140',
  markPrice: '145',
  isolatedWallet: '0',
  brackets: [{ notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.01', cum: '0' }],
});

/** USDT wallet 10000; BTC long isolated with open-order IM 125.4; the SOL short. */
const account = () => accountOf([btcLong({ openOrderInitialMargin: '125.4' }), sol], '10000');

/** The value shown beside a label in a group's description list. */
function figure(group: HTMLElement, label: string): string {
  const term = within(group).getByText(label, { selector: 'dt' });
  return term.nextElementSibling!.textContent!;
}

describe('useAccountSummary', () => {
  it('gives each margin asset’s figures and follows a cross position’s tick', async () => {
    const source = createFakeSource(account());
    const { Wrapper } = sourceWrapper(source);
    const { result } = renderHook(() => useAccountSummary(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    // By hand: uPnL −150, IM 435, iso orders 125.4 → PnL bound 10000 − 150 − 435 − 125.4 = 9289.6.
    expect(result.current.assets[0]!.maxWithdrawable?.toFixed()).toBe('9289.6');
    // SOL at 150: uPnL −300, IM 450 → 10000 − 300 − 450 − 125.4 = 9124.6.
    act(() => source.tick('SOLUSDT', '150'));
    expect(result.current.assets[0]!.maxWithdrawable?.toFixed()).toBe('9124.6');
  });
});

describe('AccountSummary', () => {
  it('is a region named "Account summary" with a group per asset and the five figures', async () => {
    const { Wrapper } = sourceWrapper(createFakeSource(account()));
    render(<AccountSummary locale="en" />, { wrapper: Wrapper });
    const region = screen.getByRole('region', { name: 'Account summary' });
    const usdt = await within(region).findByRole('group', { name: 'USDT' });
    expect(figure(usdt, 'Cross wallet balance')).toBe('10,000.00 USDT');
    expect(figure(usdt, 'Cross unrealized PnL')).toBe('−150.00 USDT');
    expect(figure(usdt, 'Available for order')).toBe('9,289.60 USDT');
    expect(figure(usdt, 'Max addable to isolated')).toBe('9,289.60 USDT');
    expect(figure(usdt, 'Max withdrawable')).toBe('9,289.60 USDT');
  });

  it('shows Max withdrawable rounded down to cents, moving with the mark, its exact value on demand', async () => {
    const source = createFakeSource(accountOf([btcLong(), sol], '10000.123456789'));
    const { Wrapper } = sourceWrapper(source);
    const user = userEvent.setup();
    render(<AccountSummary locale="en" />, { wrapper: Wrapper });
    const usdt = await screen.findByRole('group', { name: 'USDT' });
    // 10000.123456789 − 150 − 435 = 9415.123456789: shown in cents, cut (9,415.12); exact at 8 decimals, cut.
    expect(figure(usdt, 'Max withdrawable')).toBe('9,415.12 USDT');
    const term = within(usdt).getByText('Max withdrawable', { selector: 'dt' });
    expect(term.nextElementSibling).toHaveAttribute('title', 'Exact: 9,415.12345678 USDT, what Max fills in');
    // The second "Exact" is Max withdrawable's (the first is Max addable to isolated's).
    const exact = within(usdt).getAllByRole('button', { name: 'Exact' })[1]!;
    const revealed = document.getElementById(exact.getAttribute('aria-controls')!)!;
    expect(exact).toHaveAttribute('aria-expanded', 'false');
    expect(revealed).not.toBeVisible();
    await user.click(exact);
    expect(exact).toHaveAttribute('aria-expanded', 'true');
    expect(revealed).toBeVisible();
    expect(revealed).toHaveTextContent('Exact: 9,415.12345678 USDT, what Max fills in');
    // SOL at 146: uPnL −180, IM 438 → 9382.123456789 → 9,382.12 shown, 9,382.12345678 exact.
    act(() => source.tick('SOLUSDT', '146'));
    expect(figure(usdt, 'Max withdrawable')).toBe('9,382.12 USDT');
    expect(revealed).toHaveTextContent('Exact: 9,382.12345678 USDT, what Max fills in');
  });

  it('an unreadable position of the asset: limits shown as "—" and said why', async () => {
    const { Wrapper } = sourceWrapper(createFakeSource(accountOf([btcLong(), { ...sol, leverage: '0' }])));
    render(<AccountSummary locale="en" />, { wrapper: Wrapper });
    const usdt = await screen.findByRole('group', { name: 'USDT' });
    expect(figure(usdt, 'Max withdrawable')).toBe('—');
    expect(figure(usdt, 'Cross wallet balance')).toBe('10,000.00 USDT');
    expect(within(usdt).getByText(/could not be read/)).toBeInTheDocument();
  });

  it('has no Transfer button when the source cannot transfer', async () => {
    const { Wrapper } = sourceWrapper(createFakeSource(account()));
    render(<AccountSummary locale="en" />, { wrapper: Wrapper });
    await screen.findByRole('group', { name: 'USDT' });
    expect(screen.queryByRole('button', { name: 'Transfer' })).toBeNull();
  });
});
