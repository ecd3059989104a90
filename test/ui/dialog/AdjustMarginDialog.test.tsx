import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AdjustMarginError, type AdjustMarginRequest } from '../../../src/engine/types';
import { AdjustMarginDialog, type AdjustMarginDialogProps } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource, ethCrossLong, type FakeSource } from '../../support/fakeSource';
import { DEFAULT_THROTTLE_MS } from '../../../src/engine/markPriceStore';
import { sourceWrapper } from '../../support/renderWithSource';

/** Confirm names the action and the amount: "Add 100.00 USDT", "Remove margin". */
const CONFIRM = /^(Add|Remove) /;

/** A host page: an [Edit] button that opens the dialog, as the positions table does. */
function Host(props: Partial<AdjustMarginDialogProps>) {
  const [open, setOpen] = useState(false);
  const edit = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={edit} onClick={() => setOpen(true)}>
        Edit margin
      </button>
      <AdjustMarginDialog
        symbol="BTCUSDT"
        positionSide="BOTH"
        open={open}
        onOpenChange={setOpen}
        locale="en"
        {...props}
      />
    </>
  );
}

async function openDialog(
  props: Partial<AdjustMarginDialogProps> = {},
  source: FakeSource = createFakeSource(accountOf([btcLong()])),
  options: { throttleMs?: number; maxHeadroomBps?: number } = {},
) {
  const user = userEvent.setup();
  // Max is the exact limit here (these tests derive it by hand); the headroom has a test of its own.
  const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 0, ...options });
  render(<Host {...props} />, { wrapper: Wrapper });
  await user.click(screen.getByRole('button', { name: 'Edit margin' }));
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  // Wait for the account: the limit line shows a number.
  await waitFor(() =>
    expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/^Max addable: 10.000.00 USDT$/),
  );
  const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
  const confirm = within(dialog).getByRole('button', { name: CONFIRM });
  return { user, source, dialog, amount, confirm };
}

const removeRadio = (dialog: HTMLElement) => within(dialog).getByRole('radio', { name: 'Remove' });

describe('AdjustMarginDialog: contract and layout', () => {
  it('exposes the accessible names integrators rely on', async () => {
    const { dialog, amount } = await openDialog();
    expect(within(dialog).getByRole('group', { name: 'Add or remove margin' })).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Add' })).toBeChecked();
    expect(removeRadio(dialog)).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Max' })).toBeInTheDocument();
    expect(amount).toHaveAttribute('inputmode', 'decimal');
    expect(amount).toHaveAttribute('type', 'text');
    expect(amount).toHaveFocus();
    // Header: symbol, side, leverage, margin mode.
    expect(within(dialog).getByText('BTCUSDT')).toBeInTheDocument();
    expect(within(dialog).getByText('Long')).toBeInTheDocument();
    expect(within(dialog).getByText('10×')).toBeInTheDocument();
    expect(within(dialog).getByText('Isolated')).toBeInTheDocument();
    // A screen reader hears which position the dialog adjusts, not only "Adjust Margin".
    expect(dialog).toHaveAccessibleDescription('BTCUSDT Long · isolated · 10×');
  });

  it('shows max removable with the bound that limits it, and explains it on demand', async () => {
    const { user, dialog } = await openDialog();
    await user.click(removeRadio(dialog));
    // Vector V1: max removable 900, limited by the initial margin at mark.
    expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent('Max removable: 900.00 USDT');
    expect(within(dialog).getByText(/Limited by initial margin at the mark price/)).toBeInTheDocument();
    const why = within(dialog).getByRole('button', { name: 'Why?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    expect(within(dialog).getByText(/must still cover the initial margin/)).toBeVisible();
  });

  it('shows margin, leverage and liquidation price before → after for a valid amount', async () => {
    const { user, dialog, amount } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.type(amount, '900');
    // V1: liquidation price 54216.87 now; after removing 900 (the max) 56024.10 (vectors.json).
    const liq = within(dialog).getByText('Est. liq. price', { selector: 'dt' }).closest('div')!;
    expect(liq).toHaveTextContent('54,216.87');
    expect(liq).toHaveTextContent('56,024.10');
    // Margin: wallet 3000 + uPnL 0.5·(62000 − 60000) = 4000 → 3100 after removing 900.
    const margin = within(dialog).getByText('Margin', { selector: 'dt' }).closest('div')!;
    expect(margin).toHaveTextContent('4,000.00 USDT');
    expect(margin).toHaveTextContent('3,100.00 USDT');
    expect(within(dialog).getByRole('img', { name: /^Price ladder:/ })).toHaveAccessibleName(
      /liquidation now 54,216.87, after 56,024.10/,
    );
  });

  it('labels the effective leverage and names the badge as the leverage setting: two different numbers', async () => {
    const { user, dialog, amount } = await openDialog();
    // The header's badge is the position's setting, 10×, and says so.
    expect(within(dialog).getByRole('img', { name: 'Leverage setting: 10×' })).toHaveTextContent('10×');
    // The figure is the effective leverage, notional at the mark ÷ margin balance, described in words:
    // V1: 0.5 × 62000 = 31000 ÷ (wallet 3000 + uPnL 0.5 × (62000 − 60000) = 4000) = 7.75×.
    const label = within(dialog).getByText('Effective leverage', { selector: 'dt' });
    expect(label).toHaveAccessibleDescription(
      'Notional at the mark price divided by the margin balance (isolated wallet plus unrealized PnL)',
    );
    const figure = label.closest('div')!;
    expect(figure).toHaveTextContent('7.75×');
    expect(within(dialog).queryByText('Leverage', { selector: 'dt' })).toBeNull();
    // After adding 1000: 31000 ÷ 5000 = 6.2×.
    await user.type(amount, '1000');
    expect(figure).toHaveTextContent(/7\.75×.*6\.20?×/);
  });

  it('repeats the amount error beside Confirm for the eye only; the field keeps it, described and invalid', async () => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.type(amount, '10000.5');
    const fieldError = within(dialog).getByText(/^Enter at most/);
    expect(amount).toHaveAccessibleDescription(expect.stringContaining(fieldError.textContent!));
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    // The copy beside Confirm (in its footer, which sticks to a phone sheet's bottom) is drawn from an
    // attribute: hidden from assistive tech, not a live region, not in the page's text. The error is
    // heard once, from the field.
    const copy = confirm.closest('.amk-actions')!.parentElement!.querySelector('[data-text]')!;
    expect(copy).toHaveAttribute('data-text', fieldError.textContent);
    expect(copy).toHaveAttribute('aria-hidden', 'true');
    expect(copy).toBeEmptyDOMElement();
    expect(copy.closest('[role="status"], [role="alert"], [aria-live]')).toBeNull();
    await user.clear(amount);
    expect(within(dialog).queryByText(/^Enter at most/)).toBeNull();
    expect(dialog.querySelector('[data-text]')).toBeNull();
  });

  it('says why there is no liquidation price instead of showing 0', async () => {
    // A long whose wallet covers its entry value: (WB − Q·EP) ≤ 0 → no liquidation price.
    const source = createFakeSource(accountOf([btcLong({ isolatedWallet: '31000', leverage: '1' })]));
    const { dialog } = await openDialog({}, source);
    const liq = within(dialog).getByText('Est. liq. price', { selector: 'dt' }).closest('div')!;
    expect(liq).toHaveTextContent('—');
    expect(within(dialog).getByText(/the margin covers the whole position/)).toBeInTheDocument();
  });
});

describe('AdjustMarginDialog: validation', () => {
  it.each([
    ['abc', /Use digits only/],
    ['1e5', /Scientific notation/],
    ['-5', /without a sign/],
    ['0', /greater than 0/],
    ['1.123456789', /At most 8 decimal places/],
    ['1,5', /Use "\." as the decimal separator/],
    ['10000.5', /Enter at most 10,?000(\.00)? USDT/],
  ])('"%s" gets a specific message, aria-invalid, and Confirm disabled', async (text, message) => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.type(amount, text);
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    const id = amount.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(dialog.querySelector(`[id="${id}"]`)).toHaveTextContent(message);
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
  });

  it('keeps the amount across Add/Remove and re-validates it', async () => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.type(amount, '1000');
    expect(amount).toHaveAttribute('aria-invalid', 'false');
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(removeRadio(dialog));
    expect(amount).toHaveValue('1000');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText(/900/, { selector: '.amk-error' })).toBeInTheDocument();
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(dialog).getByRole('radio', { name: 'Add' }));
    expect(amount).toHaveValue('1000');
    expect(confirm).not.toHaveAttribute('aria-disabled');
  });

  it('offers "Use max" beside an over-limit message', async () => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.type(amount, '1000');
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Use max' }));
    expect(amount).toHaveValue('900');
    expect(confirm).not.toHaveAttribute('aria-disabled');
  });

  it('says the outcome is unknown after a timeout, not that nothing changed', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog();
    await user.type(amount, '100');
    await user.click(confirm);
    act(() => source.rejectNext(new AdjustMarginError('timeout', 'No answer within 10 s.')));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Result unknown for BTCUSDT Long: The exchange did not answer in time.'),
    );
    expect(alert).toHaveTextContent(/Check the position/);
    expect(alert).not.toHaveTextContent('not adjusted');
    // The error's own message is for logs; the dialog speaks in its messages.
    expect(alert).not.toHaveTextContent('No answer within 10 s.');
    expect(amount).toHaveValue('100');
  });

  it('parses with the locale: 1.234,5 in de is 1234.5', async () => {
    const onConfirm = vi.fn((_r: AdjustMarginRequest) => Promise.resolve());
    const { user, amount, confirm } = await openDialog({ locale: 'de', onConfirm });
    await user.type(amount, '1.234,5');
    await user.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(onConfirm.mock.calls[0]![0].amount).toBe('1234.5');
  });
});

describe('AdjustMarginDialog: Max and presets follow the live max', () => {
  it('Max fills the 8-dp max, follows ticks and says so; a typed amount stays', async () => {
    const { user, dialog, amount, source } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('900');
    expect(within(dialog).getByRole('button', { name: 'Max' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(dialog).getByText(/Follows the live max/)).toBeInTheDocument();
    // At mark 61000 the max is 450 (derived by hand in test/data/hooks.test.tsx).
    await act(async () => source.tick('BTCUSDT', '61000'));
    expect(amount).toHaveValue('450');
    await user.clear(amount);
    await user.type(amount, '300');
    await act(async () => source.tick('BTCUSDT', '62000'));
    expect(amount).toHaveValue('300');
    expect(within(dialog).queryByText(/Follows the live max/)).not.toBeInTheDocument();
  });

  it('25 / 50 / 75 % are fractions of the live max, rounded down', async () => {
    const { user, dialog, amount } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.click(within(dialog).getByRole('button', { name: '25%' }));
    expect(amount).toHaveValue('225');
    await user.click(within(dialog).getByRole('button', { name: '75%' }));
    expect(amount).toHaveValue('675');
  });

  it('a max that is not a whole number keeps all 8 decimals and validates', async () => {
    // Wallet 3000.123456789: max removable = 900.123456789 rounded down → 900.12345678.
    const source = createFakeSource(accountOf([btcLong({ isolatedWallet: '3000.123456789' })]));
    const onConfirm = vi.fn((_r: AdjustMarginRequest) => Promise.resolve());
    const { user, dialog, amount, confirm } = await openDialog({ onConfirm }, source);
    await user.click(removeRadio(dialog));
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('900.12345678');
    await user.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(onConfirm.mock.calls[0]![0]).toMatchObject({ type: 'REMOVE', amount: '900.12345678' });
  });
});

describe('AdjustMarginDialog: Max with headroom', () => {
  it('Max leaves room for a 0.1 % move and says so; a typed amount up to the exact max is sent', async () => {
    const onConfirm = vi.fn((_r: AdjustMarginRequest) => Promise.resolve());
    const source = createFakeSource(accountOf([btcLong()]));
    const { user, dialog, amount, confirm } = await openDialog({ onConfirm }, source, { maxHeadroomBps: 10 });
    await user.click(removeRadio(dialog));
    // V1 at 62000 − 0.1 % = 61938 by hand: 3000 + 0.5 · 1938 − 61938 · 0.5 / 10 = 872.1 (exact: 900).
    expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent('Max removable: 872.10 USDT');
    expect(within(dialog).getByText('Max keeps room for a 0.1% price move')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('872.1');
    await user.clear(amount);
    await user.type(amount, '900');
    expect(amount).toHaveAttribute('aria-invalid', 'false');
    await user.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(onConfirm.mock.calls[0]![0]).toMatchObject({ type: 'REMOVE', amount: '900' });
  });
});

describe('AdjustMarginDialog: on every tick', () => {
  it('Add and Remove each offer their own Max with headroom after ticks of either kind, and the typed amount stays', async () => {
    // A cross ETHUSDT long of 1 at 3,000 moves max addable; V1 (BTCUSDT) is the isolated position.
    const ethCross = ethCrossLong();
    const source = createFakeSource(accountOf([btcLong(), ethCross]));
    const user = userEvent.setup();
    const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 10, throttleMs: 0 });
    render(<Host />, { wrapper: Wrapper });
    await user.click(screen.getByRole('button', { name: 'Edit margin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    const limit = () => within(dialog).getByText(/^Max (addable|removable):/);
    // ETH at 2997: uPnL −3, IM 299.7 → 10000 − 302.7 (test/engine/adjustments.test.ts, by hand).
    await waitFor(() => expect(limit()).toHaveTextContent('Max addable: 9,697.30 USDT'));
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    await user.type(amount, '100');
    // ETH at 3100 − 0.1 %: uPnL 96.9, IM 309.69 → 9787.21.
    await act(async () => source.tick('ETHUSDT', '3100'));
    expect(limit()).toHaveTextContent('Max addable: 9,787.21 USDT');
    // BTCUSDT at 61000 − 0.1 % = 60939: 3000 + 0.5 · 939 − 60939 · 0.5 / 10 = 422.55 (exact max 450).
    await act(async () => source.tick('BTCUSDT', '61000'));
    expect(amount).toHaveValue('100');
    await user.click(removeRadio(dialog));
    expect(limit()).toHaveTextContent('Max removable: 422.55 USDT');
    expect(amount).toHaveValue('100');
    // A cross tick while Remove is shown: Add, switched back to, offers the max at that tick at once.
    await act(async () => source.tick('ETHUSDT', '3000'));
    await user.click(within(dialog).getByRole('radio', { name: 'Add' }));
    expect(limit()).toHaveTextContent('Max addable: 9,697.30 USDT');
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('9697.3');
  });
});

describe('AdjustMarginDialog: Confirm', () => {
  it('sends exactly one request for a double click and a held Enter', async () => {
    const { user, amount, confirm, source } = await openDialog();
    await user.type(amount, '100');
    await user.dblClick(confirm);
    expect(source.requests).toHaveLength(1);
    await user.type(amount, '{Enter}{Enter}{Enter}');
    expect(source.requests).toHaveLength(1);
    expect(source.requests[0]).toMatchObject({ symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'ADD', amount: '100' });
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    expect(confirm).toHaveTextContent('Adding 100.00 USDT…');
  });

  it('on success shows a receipt with Done focused; Done closes and returns focus to [Edit]', async () => {
    const onSuccess = vi.fn();
    const { user, dialog, amount, confirm, source } = await openDialog({ onSuccess });
    await user.type(amount, '100');
    await user.click(confirm);
    act(() => source.resolveNext());
    const done = await within(dialog).findByRole('button', { name: 'Done' });
    expect(done).toHaveFocus();
    expect(done).toHaveAccessibleDescription(/^Added 100\.00 USDT to BTCUSDT Long/);
    // V1 by hand: wallet 3000 + uPnL 0.5 · (62000 − 60000) = 4000 → 4100 after adding 100;
    // liquidation (3000 − 30000) / (0.5 · (0.004 − 1)) = 54216.867… → (3100 − 30000) / −0.498 = 54016.064…,
    // a long's shown rounded up, toward the mark (spec): 54,216.87 → 54,016.07.
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Added 100.00 USDT to BTCUSDT Long' +
        'margin 4,000.00 USDT → 4,100.00 USDT' +
        'est. liq. price 54,216.87 → 54,016.07',
    );
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ amount: '100', type: 'ADD' }));
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Edit margin' })).toHaveFocus();
  });

  it('while pending: the controls are read-only, the figures stay on the checked snapshot, Confirm says why', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog();
    await user.type(amount, '100');
    await user.click(confirm);
    expect(amount).toHaveAttribute('readonly');
    expect(amount).toHaveAttribute('aria-readonly', 'true');
    expect(removeRadio(dialog)).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByRole('button', { name: 'Max' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(removeRadio(dialog));
    expect(removeRadio(dialog)).not.toBeChecked();
    await user.type(amount, '5');
    expect(amount).toHaveValue('100');
    expect(confirm).toHaveAccessibleDescription(/Waiting for the exchange’s answer/);
    // The account update that already holds the +100 arrives before the reply: not counted twice.
    act(() => source.setAccount(accountOf([btcLong({ isolatedWallet: '3100' })], '9900')));
    const margin = within(dialog).getByText('Margin', { selector: 'dt' }).closest('div')!;
    expect(margin).toHaveTextContent('4,000.00');
    expect(margin).toHaveTextContent('4,100.00');
    expect(margin).not.toHaveTextContent('4,200.00');
    expect(source.requests).toHaveLength(1);
  });

  it('on failure stays open with the message and the amount, and a retry reuses the request id', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog();
    await user.type(amount, '100');
    await user.click(confirm);
    act(() =>
      source.rejectNext(
        new AdjustMarginError('insufficientCrossBalance', 'Not enough in the cross wallet.', { code: -4050 }),
      ),
    );
    // The alert region is always there (so it is announced); wait for its text: the sentence of the kind.
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'BTCUSDT Long not adjusted: Not enough available balance in the cross wallet to add this amount.',
      ),
    );
    expect(within(dialog).getByRole('alert')).not.toHaveTextContent('Not enough in the cross wallet.');
    expect(amount).toHaveValue('100');
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(confirm);
    expect(source.requests).toHaveLength(2);
    expect(source.requests[1]!.clientRequestId).toBe(source.requests[0]!.clientRequestId);
  });

  it('shows a failure by its kind, with the exchange’s own words and code as a detail', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.type(amount, '100');
    await user.click(confirm);
    act(() =>
      source.rejectNext(
        new AdjustMarginError('insufficientIsolatedBalance', 'The limit moved.', {
          code: -4051,
          exchangeMessage: 'Isolated balance insufficient.',
        }),
      ),
    );
    const alert = within(dialog).getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'BTCUSDT Long not adjusted: The amount is more than can be removed now; the limit moved with the mark price.',
      ),
    );
    expect(within(alert).getByText('Exchange (code -4051): Isolated balance insufficient.')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Your amount is kept; you can try again.');
  });

  it('an app’s onConfirm that throws a plain error reads "unexpected", never the JavaScript message', async () => {
    const onConfirm = vi.fn(() => Promise.reject(new TypeError("Cannot read properties of null (reading 'wallet')")));
    const { user, dialog, amount, confirm } = await openDialog({ onConfirm });
    await user.type(amount, '100');
    await user.click(confirm);
    const alert = within(dialog).getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('BTCUSDT Long not adjusted: The request failed for an unexpected reason.'),
    );
    expect(alert).not.toHaveTextContent(/Cannot read properties/);
  });

  it('re-checks at the click: a limit that fell sends nothing and offers the new max', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.type(amount, '800');
    // The price moves and the click lands before React renders it: the store holds 61000 (max 450).
    source.tick('BTCUSDT', '61000');
    fireEvent.click(confirm);
    expect(source.requests).toHaveLength(0);
    expect(within(dialog).getByText(/the max is now 450\.00 USDT/)).toBeInTheDocument();
    expect(amount).toHaveValue('800');
    await user.click(within(dialog).getByRole('button', { name: 'Use new max' }));
    expect(amount).toHaveValue('450');
    await user.click(confirm);
    expect(source.requests).toHaveLength(1);
    expect(source.requests[0]!.amount).toBe('450');
  });

  it('at the default throttle, a click while the shown max lags is checked against the latest price', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog({}, createFakeSource(accountOf([btcLong()])), {
      throttleMs: DEFAULT_THROTTLE_MS,
    });
    await user.click(removeRadio(dialog));
    await user.click(within(dialog).getByRole('button', { name: 'Max' }));
    expect(amount).toHaveValue('900');
    // Two ticks: the first is shown at once; the second (max 450) is held for up to 200 ms…
    await act(async () => source.tick('BTCUSDT', '62000'));
    await act(async () => source.tick('BTCUSDT', '61000'));
    expect(within(dialog).getByText(/^Max removable:/)).not.toHaveTextContent('450.00');
    // …and a click in that window sends nothing: the re-check reads the store, not the screen.
    fireEvent.click(confirm);
    expect(source.requests).toHaveLength(0);
    expect(within(dialog).getByText(/the max is now 450\.00 USDT/)).toBeInTheDocument();
    // The render that says so shows the latest max too: Max follows it.
    expect(within(dialog).getByText(/^Max removable:/)).toHaveTextContent('450.00 USDT');
    expect(amount).toHaveValue('450');
    await user.click(confirm);
    expect(source.requests.map((r) => r.amount)).toEqual(['450']);
  });

  it('hands an app onConfirm the exact request', async () => {
    const onConfirm = vi.fn((_r: AdjustMarginRequest) => Promise.resolve());
    const { user, dialog, amount, confirm, source } = await openDialog({ onConfirm });
    await user.click(removeRadio(dialog));
    await user.type(amount, '123.45678901');
    await user.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    const request = onConfirm.mock.calls[0]![0];
    expect(request).toEqual({
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      type: 'REMOVE',
      amount: '123.45678901',
      clientRequestId: expect.any(String),
    });
    expect(source.requests).toHaveLength(0);
  });
});

describe('AdjustMarginDialog: live state', () => {
  it('a stale mark price blocks Remove with that reason, not Add', async () => {
    const { user, dialog, amount, confirm, source } = await openDialog({ staleAfterMs: 50 });
    await user.type(amount, '100');
    await act(async () => source.tick('BTCUSDT', '62000'));
    await waitFor(() => expect(within(dialog).getByText(/^updated (just now|\d+ s ago)$/)).toBeInTheDocument());
    await new Promise((r) => setTimeout(r, 80));
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(removeRadio(dialog));
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByText('Removing margin needs a live mark price.')).toBeInTheDocument();
    await act(async () => source.tick('BTCUSDT', '62000'));
    expect(confirm).not.toHaveAttribute('aria-disabled');
  });

  it('a position closed while open shows a final state and nothing can be sent', async () => {
    const { dialog, source } = await openDialog();
    act(() => source.setAccount(accountOf([])));
    expect(await within(dialog).findByText('Position closed')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: CONFIRM })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('refuses a position the source garbled, saying why: no field, no Confirm', async () => {
    const user = userEvent.setup();
    const source = createFakeSource(accountOf([btcLong({ brackets: [] })]));
    const { Wrapper } = sourceWrapper(source);
    render(<Host />, { wrapper: Wrapper });
    await user.click(screen.getByRole('button', { name: 'Edit margin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Unavailable: the source’s brackets is empty.'));
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: CONFIRM })).not.toBeInTheDocument();
  });

  it('closes from the Close button and unsubscribes its prices', async () => {
    const { user, dialog, source } = await openDialog();
    expect(source.markListeners()).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(source.markListeners()).toBe(0);
    expect(screen.getByRole('button', { name: 'Edit margin' })).toHaveFocus();
  });
});
