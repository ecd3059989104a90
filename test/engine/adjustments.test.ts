import { afterEach, describe, expect, it, vi } from 'vitest';
import { adjustmentReceipt, type AdjustmentState } from '../../src/engine/adjustments';
import { confirmAdjustment, freshMax } from '../../src/engine/confirm';
import { observePosition } from '../../src/engine/positionObserver';
import { createMarginSession, type MarginSession } from '../../src/engine/session';
import type { AccountSnapshot } from '../../src/engine/types';
import { accountOf, btcLong, coinShort, createFakeSource, ethCrossLong } from '../support/fakeSource';

// Vector V1 (test/fixtures/vectors.json): BTCUSDT long 0.5 @ 60000, mark 62000, 10×, wallet 3000;
// uPnL 0.5 · 2000 = 1000, so the margin (wallet + uPnL) is 4000; max removable 900.
async function started(account: AccountSnapshot = accountOf([btcLong()]), maxHeadroomBps?: number) {
  const source = createFakeSource(account);
  const session = createMarginSession(source, { throttleMs: 0, maxHeadroomBps });
  session.start();
  await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
  return { source, session };
}

function remove200(session: MarginSession) {
  const outcome = confirmAdjustment(session, {
    symbol: 'BTCUSDT',
    positionSide: 'BOTH',
    type: 'REMOVE',
    text: '200',
    locale: 'en',
  });
  if (outcome.kind !== 'sent') throw new Error(`not sent: ${outcome.kind}`);
  return outcome;
}

const state = (session: MarginSession): AdjustmentState => session.adjustments.state('BTCUSDT', 'BOTH');

/** The account after removing 200 from the isolated wallet: the cross wallet gets it. */
const afterRemove200 = () => accountOf([btcLong({ isolatedWallet: '2800' })], '10200');

afterEach(() => vi.useRealTimers());

describe('an adjustment in flight', () => {
  it('keeps the limits it was checked against as its basis while an account update lands', async () => {
    const { source, session } = await started();
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    const off = observer.subscribe(() => {});
    remove200(session);
    const pending = state(session);
    expect(pending.kind).toBe('pending');
    if (pending.kind !== 'pending') return;
    expect(pending.basis.current.isolatedWallet.toFixed()).toBe('3000');
    expect(pending.basis.maxRemovable.amount.toFixed()).toBe('900');

    source.setAccount(afterRemove200());
    // The live limits follow the account; the request's basis does not move.
    expect(observer.getSnapshot().limits?.current.isolatedWallet.toFixed()).toBe('2800');
    const matched = state(session);
    expect(matched.kind).toBe('pending');
    if (matched.kind !== 'pending') return;
    expect(matched.basis.current.isolatedWallet.toFixed()).toBe('3000');
    expect(matched.settled?.isolatedWallet).toBe('2800');
    off();
  });

  it('account update before the reply: the receipt is the account’s, counted once', async () => {
    const { source, session } = await started();
    const sent = remove200(session);
    source.setAccount(afterRemove200());
    source.resolveNext();
    const done = await sent.done;
    expect(done.kind).toBe('succeeded');
    if (done.kind !== 'succeeded') return;
    const receipt = adjustmentReceipt(done);
    expect(receipt.confirmedByAccount).toBe(true);
    // Margin 4000 → 3800 (wallet 2800 + uPnL 1000), not 3600 (the update's wallet minus 200 again).
    expect(receipt.before.margin.toFixed()).toBe('4000');
    expect(receipt.after.margin.toFixed()).toBe('3800');
  });

  it('reply before the account update: the receipt is computed, then the matched update confirms it', async () => {
    const { source, session } = await started();
    const sent = remove200(session);
    source.resolveNext();
    const done = await sent.done;
    if (done.kind !== 'succeeded') throw new Error(done.kind);
    expect(done.settled).toBeUndefined();
    const computed = adjustmentReceipt(done);
    expect(computed.confirmedByAccount).toBe(false);
    expect(computed.after.margin.toFixed()).toBe('3800');

    source.setAccount(afterRemove200());
    const later = state(session);
    if (later.kind !== 'succeeded') throw new Error(later.kind);
    const confirmed = adjustmentReceipt(later);
    expect(confirmed.confirmedByAccount).toBe(true);
    expect(confirmed.before.margin.toFixed()).toBe('4000');
    expect(confirmed.after.margin.toFixed()).toBe('3800');
  });

  it('an update that does not contain the adjustment (another wallet change) is not matched', async () => {
    const { source, session } = await started();
    remove200(session);
    source.setAccount(accountOf([btcLong({ isolatedWallet: '2990' })]));
    const s = state(session);
    expect(s.kind === 'pending' && s.settled).toBeUndefined();
  });

  it('refuses a second request while one is in flight, and tells every outcome once', async () => {
    const { source, session } = await started();
    const outcomes: string[] = [];
    session.adjustments.subscribeOutcomes((s) => outcomes.push(s.kind));
    const sent = remove200(session);
    expect(confirmAdjustment(session, { symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'ADD', text: '1' }).kind).toBe(
      'busy',
    );
    source.resolveNext();
    await sent.done;
    expect(outcomes).toEqual(['succeeded']);
  });
});

describe('Max with headroom', () => {
  /** A cross ETHUSDT long of 1 at 3,000 (MMR 0.004, 10×): it moves max addable. */
  const ethCross = ethCrossLong();

  it('Remove: the limit at the mark moved 0.1 % against it, rounded down; a typed amount up to the exact max is sent', async () => {
    const { source, session } = await started();
    const observer = observePosition(session, 'BTCUSDT', 'BOTH');
    const off = observer.subscribe(() => {});
    // By hand at 62000 − 0.1 % = 61938: uPnL 0.5 · 1938 = 969, IM 61938 · 0.5 / 10 = 3096.9,
    // 3000 + 969 − 3096.9 = 872.1 (at 62062: 927.9; the maintenance bound is ≈ 2876).
    expect(observer.getSnapshot().offered?.REMOVE.toFixed()).toBe('872.1');
    expect(observer.getSnapshot().limits?.maxRemovable.amount.toFixed()).toBe('900');
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'REMOVE')?.toFixed()).toBe('872.1');
    const typed = confirmAdjustment(session, { symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'REMOVE', text: '900' });
    expect(typed.kind).toBe('sent');
    expect(source.requests[0]?.amount).toBe('900');
    off();
  });

  it('0 bps offers the exact max', async () => {
    const { session } = await started(accountOf([btcLong()]), 0);
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'REMOVE')?.toFixed()).toBe('900');
  });

  it('Add: every cross position of the asset at its worst within 0.1 % of its mark', async () => {
    const { session } = await started(accountOf([btcLong(), ethCross]));
    // Exact, by hand: available 10000 + 0 − IM 300 = 9700 (wallet term 10000 − MM 12 = 9988).
    expect(session.readLatest('BTCUSDT', 'BOTH')?.maxAddable.toFixed()).toBe('9700');
    // At 2997: uPnL −3, IM 299.7 → 10000 − 302.7 = 9697.3 (at 3003: −297.3; MM at most 12.012).
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'ADD')?.toFixed()).toBe('9697.3');
  });

  it('Add: follows a tick of a cross position (the worst case is kept only until its mark moves)', async () => {
    const { source, session } = await started(accountOf([btcLong(), ethCross]));
    observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'ADD')?.toFixed()).toBe('9697.3');
    source.tick('ETHUSDT', '3100');
    // At 3100 − 0.1 % = 3096.9: uPnL 96.9, IM 309.69 → 10000 + 96.9 − 309.69 = 9787.21
    // (at 3103.1: 103.1 − 310.31 = −207.21, better; MM at most 12.41 leaves 9987.59).
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'ADD')?.toFixed()).toBe('9787.21');
    source.tick('ETHUSDT', '3000');
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'ADD')?.toFixed()).toBe('9697.3');
  });

  it('Add: a cross short whose worst end crosses into the next bracket', async () => {
    // Short 16.66 at 3,000: notional 49,980, just under the first bracket's cap (50,000).
    const ethShort = { ...ethCross, positionAmt: '-16.66' };
    const { session } = await started(accountOf([btcLong(), ethShort]));
    // Exact: 10000 + 0 − IM 4998 = 5002 (wallet term 10000 − MM 199.92 = 9800.08).
    expect(session.readLatest('BTCUSDT', 'BOTH')?.maxAddable.toFixed()).toBe('5002');
    // At 3003: notional 50,029.98 (second bracket: × 0.005 − 50 = MM 200.1499), uPnL −49.98,
    // IM 5002.998 → 10000 − 5052.978 = 4947.022 (at 2997: uPnL 49.98, IM 4993.002, MM 199.72008).
    expect(freshMax(session, 'BTCUSDT', 'BOTH', 'ADD')?.toFixed()).toBe('4947.022');
  });

  it('Add: a COIN-M cross long at its worst 0.1 % below its mark', async () => {
    // Cross long of 5 contracts of 100 USD at 50,000, 10×, margined in BTC like the isolated short.
    const quarterly = coinShort({
      symbol: 'BTCUSD_250328',
      marginType: 'cross',
      positionAmt: '5',
      entryPrice: '50000',
      markPrice: '50000',
      leverage: '10',
      isolatedWallet: '0',
    });
    const account = {
      assets: [{ asset: 'BTC', crossWalletBalance: '1' }],
      positions: [coinShort(), quarterly],
      updateTime: 1,
    };
    const { session } = await started(account);
    // Exact: 1 + 0 − IM 500 / 50000 / 10 = 0.999.
    expect(session.readLatest('BTCUSD_PERP', 'BOTH')?.maxAddable.toFixed()).toBe('0.999');
    // At 49,950: notional 500 / 49950 = 0.01001001…, uPnL 500 · (1/50000 − 1/49950) = −0.00001001001…,
    // IM 0.001001001… → 1 − 0.001011011011… = 0.99898898898…, rounded down to 8 decimals
    // (at 50,050: −0.000989010989…; MM at most 0.01001001… × 0.004).
    expect(freshMax(session, 'BTCUSD_PERP', 'BOTH', 'ADD')?.toFixed()).toBe('0.99898898');
  });

  it('a re-check that finds the amount over the freshest limit offers the headroom max, sends nothing', async () => {
    const { source, session } = await started();
    observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    source.tick('BTCUSDT', '61000'); // exact max 450 (see the session test), Max a little less
    const outcome = confirmAdjustment(session, {
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      type: 'REMOVE',
      text: '800',
    });
    expect(outcome.kind).toBe('limitMoved');
    if (outcome.kind !== 'limitMoved') return;
    expect(outcome.newMax.lt(450)).toBe(true);
    expect(outcome.newMax.toFixed()).toBe(freshMax(session, 'BTCUSDT', 'BOTH', 'REMOVE')?.toFixed());
    expect(source.requests).toHaveLength(0);
  });

  it('refuses a headroom that is not a whole number of basis points from 0 to 1000', () => {
    const source = createFakeSource(accountOf([btcLong()]));
    expect(() => createMarginSession(source, { maxHeadroomBps: -1 })).toThrow(RangeError);
    expect(() => createMarginSession(source, { maxHeadroomBps: 2.5 })).toThrow(RangeError);
  });
});

describe('A removal near liquidation, at the click', () => {
  // V1's long (0.5 at 60,000, wallet 3,000, MMR 0.004): liquidation price (3000 − 30000) / (0.5 · 0.004 − 0.5)
  // = 54,216.87; removing 10 USDT: (2990 − 30000) / −0.498 = 54,236.95, at the mark 62,000 12.52 % away.
  const remove10 = (
    session: MarginSession,
    extra: { warnLiquidationDistancePct?: number; riskAcknowledged?: boolean },
  ) => confirmAdjustment(session, { symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'REMOVE', text: '10', ...extra });

  it('is refused unacknowledged when its liquidation price comes within the threshold of the freshest mark', async () => {
    const { source, session } = await started();
    expect(remove10(session, { warnLiquidationDistancePct: 20 }).kind).toBe('needsAcknowledgement');
    expect(source.requests).toHaveLength(0);
    expect(remove10(session, { warnLiquidationDistancePct: 20, riskAcknowledged: true }).kind).toBe('sent');
    expect(source.requests).toHaveLength(1);
  });

  it('is sent without a second step outside the threshold, or with the step off (0)', async () => {
    const { source, session } = await started();
    expect(remove10(session, { warnLiquidationDistancePct: 10 }).kind).toBe('sent');
    source.resolveNext();
    await vi.waitFor(() => expect(session.adjustments.isBusy('BTCUSDT', 'BOTH')).toBe(false));
    expect(remove10(session, { warnLiquidationDistancePct: 0 }).kind).toBe('sent');
  });

  it('is judged at the latest mark, not the one on screen', async () => {
    const { source, session } = await started();
    observePosition(session, 'BTCUSDT', 'BOTH').subscribe(() => {});
    // At 61,000 the liquidation price after (54,236.95) is 11.09 % away: within 12 %.
    source.tick('BTCUSDT', '61000');
    expect(remove10(session, { warnLiquidationDistancePct: 12 }).kind).toBe('needsAcknowledgement');
    expect(source.requests).toHaveLength(0);
    // Back at 62,000: 12.52 % away, outside 12 %.
    source.tick('BTCUSDT', '62000');
    expect(remove10(session, { warnLiquidationDistancePct: 12 }).kind).toBe('sent');
  });
});
