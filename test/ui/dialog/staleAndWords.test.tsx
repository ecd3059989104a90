/**
 * Stale means visibly stale (one wording per feed state, the live figures dimmed and labelled, one
 * age readout), and the dialog's words: the side named in a failure, the maintenance "Why?".
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AdjustMarginError, type PositionSide } from '../../../src/engine/types';
import { AdjustMarginDialog } from '../../../src/ui/dialog/AdjustMarginDialog';
import { accountOf, btcLong, createFakeSource, type FakeSource } from '../../support/fakeSource';
import { sourceWrapper } from '../../support/renderWithSource';

const LIVE = 'Live';
const STALE = 'Stale: no new mark price, the figures may be out of date';
const RECONNECTING = 'Stale: the price feed is reconnecting, the figures may be out of date';

async function open(
  source: FakeSource,
  props: { staleAfterMs?: number; symbol?: string; positionSide?: PositionSide } = {},
) {
  const user = userEvent.setup();
  const { Wrapper } = sourceWrapper(source);
  render(<AdjustMarginDialog symbol="BTCUSDT" positionSide="BOTH" defaultOpen locale="en" {...props} />, {
    wrapper: Wrapper,
  });
  const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
  await waitFor(() => expect(within(dialog).getByText(/^Max addable:/)).toHaveTextContent(/\d/));
  return { user, dialog };
}

/** The feed's state line (a status region) and the block of live figures it labels. */
function feedState(dialog: HTMLElement) {
  const line = within(dialog)
    .getAllByRole('status')
    .find((el) => el.classList.contains('amk-feed-state'))!;
  return { line, block: line.parentElement! };
}

/** Every age readout in the dialog ("updated 3 s ago", "12 s old", "just now"). */
function ageReadouts(dialog: HTMLElement): string[] {
  return (dialog.textContent ?? '').match(/\d+ s (ago|old)|just now/g) ?? [];
}

describe('stale prices, visibly', () => {
  it('live: "Live", the figures not dimmed, one age readout', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { dialog } = await open(source);
    await act(async () => source.tick('BTCUSDT', '62000'));
    const { line, block } = feedState(dialog);
    expect(line).toHaveTextContent(LIVE);
    expect(block).not.toHaveAttribute('data-stale');
    expect(ageReadouts(dialog)).toHaveLength(1);
  });

  it('a feed outage: "Stale: … reconnecting" announced, and the limit, figures and ladder dimmed under it', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { user, dialog } = await open(source);
    await act(async () => source.tick('BTCUSDT', '62000'));
    await user.click(within(dialog).getByRole('radio', { name: 'Remove' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '10');
    act(() => source.setFeed('reconnecting'));
    const { line, block } = feedState(dialog);
    expect(line).toHaveTextContent(RECONNECTING);
    expect(line).toHaveAttribute('role', 'status');
    expect(block).toHaveAttribute('data-stale');
    for (const part of [
      within(dialog).getByText(/^Max removable:/),
      within(dialog).getByText('Margin', { selector: 'dt' }),
      within(dialog).getByRole('img', { name: /^Price ladder:/ }),
    ]) {
      expect(block).toContainElement(part);
    }
    // Remove is blocked with a reason that repeats no age: the mark-price line has the only one.
    expect(within(dialog).getByText('Removing margin needs a live mark price.')).toBeInTheDocument();
    expect(ageReadouts(dialog)).toHaveLength(1);

    act(() => source.setFeed('live'));
    expect(feedState(dialog).line).toHaveTextContent(LIVE);
    expect(feedState(dialog).block).not.toHaveAttribute('data-stale');
  });

  it('no tick for staleAfterMs: "Stale: no new mark price…", until the next tick', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { dialog } = await open(source, { staleAfterMs: 50 });
    await act(async () => source.tick('BTCUSDT', '62000'));
    await waitFor(() => expect(feedState(dialog).line).toHaveTextContent(STALE));
    expect(feedState(dialog).block).toHaveAttribute('data-stale');
    expect(ageReadouts(dialog)).toHaveLength(1);
    await act(async () => source.tick('BTCUSDT', '62000'));
    expect(feedState(dialog).line).toHaveTextContent(LIVE);
  });
});

describe('the words', () => {
  it('a failure names the position’s side: the hedge-mode Short of ETHUSDT', async () => {
    const eth = (positionSide: PositionSide, positionAmt: string) =>
      btcLong({ symbol: 'ETHUSDT', positionSide, positionAmt, entryPrice: '3000', markPrice: '3000' });
    const source = createFakeSource(accountOf([eth('LONG', '1'), eth('SHORT', '-1')]));
    const { user, dialog } = await open(source, { symbol: 'ETHUSDT', positionSide: 'SHORT' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '10');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(source.pending()).toBe(1));
    act(() => source.rejectNext(new AdjustMarginError('insufficientCrossBalance', 'x', { code: -4050 })));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'ETHUSDT Short not adjusted: Not enough available balance in the cross wallet to add this amount.',
      ),
    );
  });

  it('the maintenance-margin "Why?": the wallet may not fall below it, and profit does not count', async () => {
    // In profit (MP 70,000 over EP 60,000), so the maintenance bound binds (vector-style, by hand:
    // 3,000 − MM 300 = 2,700 beside 3,000 + 10,000 − IM 7,000 = 6,000).
    const position = btcLong({ positionAmt: '1', markPrice: '70000', leverage: '10' });
    const source = createFakeSource(accountOf([position]));
    const { user, dialog } = await open(source);
    await user.click(within(dialog).getByRole('radio', { name: 'Remove' }));
    expect(within(dialog).getByText(/^Limited by maintenance margin/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Why?' }));
    const why = within(dialog).getByText(/^The isolated wallet may not fall below the maintenance margin/);
    expect(why).toBeVisible();
    expect(why).toHaveTextContent('unrealized profit does not count toward it');
    expect(why).not.toHaveTextContent(/liquidation/);
  });
});
