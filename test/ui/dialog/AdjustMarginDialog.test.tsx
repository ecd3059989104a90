import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AdjustMarginError, type AdjustMarginRequest } from '../../../src/engine/types';
import { AdjustMarginDialog, type AdjustMarginDialogProps } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource, type FakeSource } from '../../support/fakeSource';
import { DEFAULT_THROTTLE_MS } from '../../../src/engine/markPriceStore';
import { sourceWrapper } from '../../support/renderWithSource';

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
  options: { throttleMs?: number } = {},
) {
  const user = userEvent.setup();
  const { Wrapper } = sourceWrapper(source, options);
  render(<Host {...props} />, { wrapper: Wrapper });
  await user.click(screen.getByRole('button', { name: 'Edit margin' }));
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  // Wait for the account: the limit line shows a number.
  await waitFor(() =>
    expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/^Max addable: 10.000.00 USDT$/),
  );
  const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
  const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
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
    ['10000.5', /Enter at most 10000 USDT/],
  ])('"%s" gets a specific message, aria-invalid, and Confirm disabled', async (text, message) => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.type(amount, text);
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    const id = amount.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(dialog.querySelector(`[id="${id}"]`)).toHaveTextContent(message);
    expect(confirm).toBeDisabled();
  });

  it('keeps the amount across Add/Remove and re-validates it', async () => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.type(amount, '1000');
    expect(amount).toHaveAttribute('aria-invalid', 'false');
    expect(confirm).toBeEnabled();
    await user.click(removeRadio(dialog));
    expect(amount).toHaveValue('1000');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText(/900/, { selector: '.amk-error' })).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Add' }));
    expect(amount).toHaveValue('1000');
    expect(confirm).toBeEnabled();
  });

  it('offers "Use max" beside an over-limit message', async () => {
    const { user, dialog, amount, confirm } = await openDialog();
    await user.click(removeRadio(dialog));
    await user.type(amount, '1000');
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Use max' }));
    expect(amount).toHaveValue('900');
    expect(confirm).toBeEnabled();
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
    act(() => source.tick('BTCUSDT', '61000'));
    expect(amount).toHaveValue('450');
    await user.clear(amount);
    await user.type(amount, '300');
    act(() => source.tick('BTCUSDT', '62000'));
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
    expect(confirm).toHaveTextContent('Confirming…');
  });

  it('on success closes and returns focus to [Edit]', async () => {
    const onSuccess = vi.fn();
    const { user, amount, confirm, source } = await openDialog({ onSuccess });
    await user.type(amount, '100');
    await user.click(confirm);
    act(() => source.resolveNext());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Edit margin' })).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ amount: '100', type: 'ADD' }));
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
    expect(confirm).toBeEnabled();
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
    act(() => source.tick('BTCUSDT', '62000'));
    await waitFor(() => expect(within(dialog).getByText(/^updated (just now|\d+ s ago)$/)).toBeInTheDocument());
    await new Promise((r) => setTimeout(r, 80));
    expect(confirm).toBeEnabled();
    await user.click(removeRadio(dialog));
    expect(confirm).toBeDisabled();
    expect(within(dialog).getByText('Removing margin needs a live mark price.')).toBeInTheDocument();
    act(() => source.tick('BTCUSDT', '62000'));
    expect(confirm).toBeEnabled();
  });

  it('a position closed while open shows a final state and nothing can be sent', async () => {
    const { dialog, source } = await openDialog();
    act(() => source.setAccount(accountOf([])));
    expect(await within(dialog).findByText('Position closed')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
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
    expect(within(dialog).queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
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
