import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdjustMarginDialog } from '../../src/ui/dialog/AdjustMarginDialog';
import type { AdjustMarginMessages } from '../../src/ui/messages';
import { PositionsTable } from '../../src/ui/PositionsTable';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';
import { sourceWrapper } from '../support/renderWithSource';

// A real render fault: a message function of the app that throws while `broken` is set, as any
// faulty child would. Each view must catch it, say so, offer Retry, and leave the page standing.
let broken = false;
const faulty = (text: string) => () => {
  if (broken) throw new Error('render fault');
  return text;
};
const TABLE_MESSAGES: Partial<AdjustMarginMessages> = {
  editMargin: (symbol, side) => faulty(`Edit margin for ${symbol} ${side}`)(),
};
// The header's badge faults as the dialog opens; the limit's "limited by" (shown in Remove) when Remove is chosen.
const DIALOG_MESSAGES: Partial<AdjustMarginMessages> = {
  leverageBadge: (l) => faulty(`${l}×`)(),
  limitedBy: (bound) => faulty(`limited by ${bound}`)(),
};

beforeEach(() => {
  broken = true;
  // React reports each caught fault on the console; the test looks at the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  broken = false;
  vi.restoreAllMocks();
});

function Page(props: { children: React.ReactNode }) {
  return (
    <>
      <h1>Trading</h1>
      {props.children}
    </>
  );
}

describe('error boundaries', () => {
  it('the table: a fault while rows render shows a short alert with Retry, and the page stays', async () => {
    const user = userEvent.setup();
    const { Wrapper } = sourceWrapper(createFakeSource(accountOf([btcLong()])));
    render(
      <Page>
        <PositionsTable locale="en" messages={TABLE_MESSAGES} />
      </Page>,
      { wrapper: Wrapper },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong while showing the positions.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Trading' })).toBeInTheDocument();

    // Retry is reached with the keyboard; once the fault is gone it brings the table back.
    broken = false;
    await user.tab();
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    expect(retry).toHaveFocus();
    await user.keyboard('{Enter}');
    const table = await screen.findByRole('table', { name: 'Positions' });
    await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'BTCUSDT' })).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the table: Retry while the fault persists shows the alert again, never a blank page', async () => {
    const user = userEvent.setup();
    const { Wrapper } = sourceWrapper(createFakeSource(accountOf([btcLong()])));
    render(
      <Page>
        <PositionsTable locale="en" messages={TABLE_MESSAGES} />
      </Page>,
      { wrapper: Wrapper },
    );
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong while showing the positions.');
    expect(screen.getByRole('heading', { name: 'Trading' })).toBeInTheDocument();
  });

  it('the dialog: a fault while it renders keeps the dialog, named, with an alert, Retry focused, and Close', async () => {
    const user = userEvent.setup();
    const { Wrapper } = sourceWrapper(createFakeSource(accountOf([btcLong()])));
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <Page>
          <button onClick={() => setOpen(true)}>Edit margin</button>
          <AdjustMarginDialog
            symbol="BTCUSDT"
            positionSide="BOTH"
            locale="en"
            open={open}
            onOpenChange={setOpen}
            messages={DIALOG_MESSAGES}
          />
        </Page>
      );
    }
    render(<Host />, { wrapper: Wrapper });
    await user.click(screen.getByRole('button', { name: 'Edit margin' }));
    // The header renders the faulty badge once the position is known.
    const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong while showing this position. Nothing was sent.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Trading' })).toBeInTheDocument();

    broken = false;
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent('Max addable: 10,000.00 USDT'),
    );
    expect(within(dialog).getByText('10×')).toBeInTheDocument();

    // Faulty again, then closed from the fallback: focus returns to [Edit].
    broken = true;
    await user.click(within(dialog).getByRole('radio', { name: 'Remove' }));
    const again = await within(dialog).findByRole('alert');
    await user.click(within(again).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit margin' })).toHaveFocus();
  });
});
