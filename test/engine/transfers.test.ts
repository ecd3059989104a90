import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedExchange, type SimulatedExchange } from '../../src/data/simulated';
import { confirmTransfer } from '../../src/engine/confirmTransfer';
import { createMarginSession, type MarginSession } from '../../src/engine/session';
import { summarizeTransferForm, transferReceipt, transfersOf } from '../../src/engine/transfers';
import type { AccountSnapshot, TransferRequest } from '../../src/engine/types';
import { observeAccountSummary } from '../../src/engine/accountSummary';

// The default scenario's USDT by hand: wallet 10000; isolated open-order IM 125.4 + 40 = 165.4;
// the cross SOLUSDT short (−30 at 140, leverage 10) at 145: uPnL −150, IM 435, MM 43.5.
// Max withdrawable = min(10000 − 165.4 − 43.5, 10000 − 150 − 435 − 165.4) = 9249.6.
const MAX = '9249.6';

let ex: SimulatedExchange | undefined;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  ex?.dispose();
  ex = stop = undefined;
});

async function started(latencyMs = 0, throttleMs = 0): Promise<{ ex: SimulatedExchange; session: MarginSession }> {
  ex = createSimulatedExchange({ latencyMs });
  const session = createMarginSession(ex, { throttleMs });
  stop = session.start();
  await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
  return { ex, session };
}

const wallet = (a: AccountSnapshot | undefined) => a?.assets.find((x) => x.asset === 'USDT')?.crossWalletBalance;

describe('confirmTransfer', () => {
  it('sends the confirmed text once and the wallet falls by exactly that amount; the receipt says before → after', async () => {
    const { ex, session } = await started();
    const outcome = confirmTransfer(session, { asset: 'USDT', text: MAX, locale: 'en' });
    expect(outcome.kind).toBe('sent');
    if (outcome.kind !== 'sent') return;
    expect(outcome.request).toMatchObject({ asset: 'USDT', amount: MAX, direction: 'futuresToSpot' });
    const state = await outcome.done;
    expect(state.kind).toBe('succeeded');
    expect(wallet(await ex.getAccount())).toBe('750.4');
    await vi.waitFor(() => expect(wallet(session.getAccountState().account)).toBe('750.4'));
    const done = transfersOf(session).state('USDT');
    if (done.kind !== 'succeeded') throw new Error(done.kind);
    const receipt = transferReceipt(done);
    expect([receipt.walletBefore.toFixed(), receipt.walletAfter.toFixed(), receipt.confirmedByAccount]).toEqual([
      '10000',
      '750.4',
      true,
    ]);
  });

  it('re-checks at the click against the latest mark, past the throttle: nothing sent, the new max given', async () => {
    const { ex, session } = await started(0, 60_000);
    const spy = vi.spyOn(ex, 'transfer');
    const observer = observeAccountSummary(session);
    const off = observer.subscribe(() => {});
    ex.setMarkPrice('SOLUSDT', '145.00');
    // SOL at 150: uPnL −300, IM 450 → 10000 − 300 − 450 − 165.4 = 9084.6.
    ex.setMarkPrice('SOLUSDT', '150');
    const outcome = confirmTransfer(session, { asset: 'USDT', text: MAX, locale: 'en' });
    expect(outcome).toEqual({ kind: 'limitMoved', newMax: expect.anything() });
    if (outcome.kind === 'limitMoved') expect(outcome.newMax.toFixed()).toBe('9084.6');
    expect(spy).not.toHaveBeenCalled();
    off();
  });

  it('one transfer in flight per asset; a failed one keeps its id for the same amount', async () => {
    const { ex, session } = await started(20);
    const first = confirmTransfer(session, { asset: 'USDT', text: '10', locale: 'en' });
    expect(confirmTransfer(session, { asset: 'USDT', text: '10', locale: 'en' })).toEqual({ kind: 'busy' });
    if (first.kind !== 'sent') throw new Error(first.kind);
    await first.done;
    ex.injectFailure({ kind: 'reject', code: -5002 });
    const failed = confirmTransfer(session, { asset: 'USDT', text: '20', locale: 'en' });
    if (failed.kind !== 'sent') throw new Error(failed.kind);
    const state = await failed.done;
    expect(state.kind === 'failed' && state.error.kind).toBe('insufficientCrossBalance');
    const retry = confirmTransfer(session, { asset: 'USDT', text: '20', locale: 'en' });
    if (retry.kind !== 'sent') throw new Error(retry.kind);
    expect(retry.request.clientRequestId).toBe(failed.request.clientRequestId);
    expect(retry.request.clientRequestId).not.toBe(first.request.clientRequestId);
    await retry.done;
  });

  it('refuses what is not an amount, and is unavailable without a transfer on the source', async () => {
    const { session } = await started();
    expect(confirmTransfer(session, { asset: 'USDT', text: '1e3', locale: 'en' }).kind).toBe('invalid');
    const { transfer: _none, ...plain } = ex!;
    const bare = createMarginSession(plain, { throttleMs: 0 });
    const off = bare.start();
    await vi.waitFor(() => expect(bare.getAccountState().status).toBe('ready'));
    expect(confirmTransfer(bare, { asset: 'USDT', text: '1', locale: 'en' })).toEqual({ kind: 'unavailable' });
    const sent: TransferRequest[] = [];
    const own = confirmTransfer(bare, {
      asset: 'USDT',
      text: '1',
      locale: 'en',
      submit: async (r) => void sent.push(r),
    });
    expect(own.kind).toBe('sent');
    expect(sent).toHaveLength(1);
    off();
  });
});

describe('summarizeTransferForm', () => {
  it('Max fills max withdrawable rounded down, which always validates; above it does not', async () => {
    const { session } = await started();
    const summary = observeAccountSummary(session)
      .getSnapshot()
      .assets.find((a) => a.asset === 'USDT');
    const max = summarizeTransferForm({ intent: { kind: 'percent', percent: 100 }, summary, locale: 'en' });
    expect([max.text, max.canConfirm]).toEqual([MAX, true]);
    const over = summarizeTransferForm({ intent: { kind: 'typed', text: '9249.60000001' }, summary, locale: 'en' });
    expect(over.validation.ok ? null : over.validation.error.code).toBe('overLimit');
    const loading = summarizeTransferForm({ intent: { kind: 'typed', text: '1' }, summary: undefined, locale: 'en' });
    expect(loading.validation.ok ? null : loading.validation.error.code).toBe('limitUnknown');
  });
});
