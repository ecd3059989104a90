import { afterEach, describe, expect, it, vi } from 'vitest';
import { availableForOrder, crossMaxWithdrawal, maxAddable } from '../../src/core/limits';
import { roundDown } from '../../src/core/rounding';
import { crossInputFor } from '../../src/engine/account';
import { observeAccountSummary, type AssetSummary } from '../../src/engine/accountSummary';
import { createMarginSession } from '../../src/engine/session';
import type { AccountSnapshot, PositionSnapshot } from '../../src/engine/types';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';

const SOL_BRACKETS = [
  { notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.01', cum: '0' },
  { notionalFloor: '5000', notionalCap: '50000', maintMarginRatio: '0.025', cum: '75' },
];

/** A cross short: 30 SOL at 140, leverage 10, mark 145. */
function solShort(over: Partial<PositionSnapshot> = {}): PositionSnapshot {
  return btcLong({
    symbol: 'SOLUSDT',
    positionSide: 'BOTH',
    marginType: 'cross',
    positionAmt: '-30',
    entryPrice: '140',
    markPrice: '145',
    leverage: '10',
    isolatedWallet: '0',
    brackets: SOL_BRACKETS,
    ...over,
  });
}

/** USDT: cross wallet 10000, an isolated BTC long with open-order IM 125.4, the cross SOL short. */
function account(): AccountSnapshot {
  return accountOf([btcLong({ openOrderInitialMargin: '125.4' }), solShort()], '10000');
}

async function started(snapshot: AccountSnapshot) {
  const source = createFakeSource(snapshot);
  const session = createMarginSession(source, { throttleMs: 0 });
  const stop = session.start();
  await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
  const observer = observeAccountSummary(session);
  const off = observer.subscribe(() => {});
  return { source, session, observer, stop: () => (off(), stop()) };
}

const usdt = (assets: readonly AssetSummary[]) => assets.find((a) => a.asset === 'USDT')!;

/** The straightforward recompute from the core functions (the oracle). */
function oracle(snapshot: AccountSnapshot, marks: Record<string, string>) {
  const cross = crossInputFor(snapshot, 'USDT', marks);
  return {
    availableForOrder: roundDown(availableForOrder(cross), 8).toFixed(),
    maxAddable: maxAddable(cross, 8).toFixed(),
    maxWithdrawable: crossMaxWithdrawal(cross, 8).toFixed(),
  };
}

afterEach(() => vi.useRealTimers());

describe('observeAccountSummary', () => {
  it('gives the cross figures of each asset, derived by hand', async () => {
    const { observer, stop } = await started(account());
    const state = observer.getSnapshot();
    expect(state.status).toBe('ready');
    const s = usdt(state.assets);
    // SOL short at 145: uPnL −30·(145 − 140) = −150; notional 4350 → MMR 0.01, MM 43.5; IM 435.
    // Open-order IM of the isolated BTC long: 125.4.
    // wallet bound 10000 − 125.4 − 43.5 = 9831.1; PnL bound 10000 − 150 − 435 − 125.4 = 9289.6.
    expect(s.crossWalletBalance.toFixed()).toBe('10000');
    expect(s.crossUnrealizedPnl?.toFixed()).toBe('-150');
    expect(s.availableForOrder?.toFixed()).toBe('9289.6');
    expect(s.maxAddable?.toFixed()).toBe('9289.6');
    expect(s.maxWithdrawable?.toFixed()).toBe('9289.6');
    expect(s.decimals).toBe(8);
    stop();
  });

  it('moves with the mark of a cross position; the wallet bound can bind', async () => {
    const { source, observer, stop } = await started(account());
    // SOL at 100: uPnL 1200; notional 3000 → MM 30, IM 300.
    // wallet bound 10000 − 125.4 − 30 = 9844.6 < PnL bound 10000 + 1200 − 300 − 125.4 = 10774.6.
    source.tick('SOLUSDT', '100');
    const s = usdt(observer.getSnapshot().assets);
    expect(s.crossUnrealizedPnl?.toFixed()).toBe('1200');
    expect(s.availableForOrder?.toFixed()).toBe('10774.6');
    expect(s.maxAddable?.toFixed()).toBe('9844.6');
    expect(s.maxWithdrawable?.toFixed()).toBe('9844.6');
    stop();
  });

  it('equals the core recompute at every tick and rounds down to the asset decimals', async () => {
    const snapshot = accountOf([btcLong({ openOrderInitialMargin: '125.4' }), solShort()], '10000.123456789');
    const { source, observer, stop } = await started(snapshot);
    for (const mark of ['145.01', '150.333', '139.999', '3333.3', '0.07']) {
      source.tick('SOLUSDT', mark);
      const want = oracle(snapshot, { SOLUSDT: mark });
      await vi.waitFor(() => {
        const s = usdt(observer.getSnapshot().assets);
        expect({
          availableForOrder: s.availableForOrder?.toFixed(),
          maxAddable: s.maxAddable?.toFixed(),
          maxWithdrawable: s.maxWithdrawable?.toFixed(),
        }).toEqual(want);
        expect(s.maxWithdrawable!.decimalPlaces()).toBeLessThanOrEqual(8);
      });
    }
    stop();
  });

  it('keeps its snapshot when a tick moves only an isolated position, and lists assets only positions name', async () => {
    const coin = btcLong({ symbol: 'BTCUSD_PERP', contractType: 'inverse', contractSize: '100', marginAsset: 'BTC' });
    const { source, observer, stop } = await started(
      accountOf([btcLong(), solShort(), { ...coin, entryPrice: '60000' }]),
    );
    const first = observer.getSnapshot();
    expect(first.assets.map((a) => a.asset)).toEqual(['USDT', 'BTC']);
    // No BTC wallet: zero balance, nothing to withdraw.
    expect(first.assets[1]!.maxWithdrawable?.toFixed()).toBe('0');
    source.tick('BTCUSDT', '61000');
    expect(observer.getSnapshot()).toBe(first);
    source.tick('SOLUSDT', '146');
    expect(observer.getSnapshot()).not.toBe(first);
    stop();
  });

  it('offers no limit for an asset with a position it cannot read (never a sum that leaves it out)', async () => {
    const broken = solShort({ leverage: '0' });
    const { observer, stop } = await started(accountOf([btcLong(), broken]));
    const s = usdt(observer.getSnapshot().assets);
    expect(s.incomplete).toBe(true);
    expect(s.crossWalletBalance.toFixed()).toBe('10000');
    expect([s.crossUnrealizedPnl, s.availableForOrder, s.maxAddable, s.maxWithdrawable]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    stop();
  });

  it('follows a new account (a transfer lowers the wallet)', async () => {
    const { source, observer, stop } = await started(account());
    source.setAccount(accountOf([btcLong({ openOrderInitialMargin: '125.4' }), solShort()], '9000'));
    expect(usdt(observer.getSnapshot().assets).maxWithdrawable?.toFixed()).toBe('8289.6');
    stop();
  });

  it('is loading before the account and stops watching when the last reader leaves', async () => {
    const source = createFakeSource(account());
    const session = createMarginSession(source, { throttleMs: 0 });
    const observer = observeAccountSummary(session);
    expect(observer.getSnapshot().status).toBe('loading');
    const stop = session.start();
    const off = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().status).toBe('ready'));
    expect(source.markListeners()).toBe(1);
    off();
    expect(source.markListeners()).toBe(0);
    stop();
  });
});

describe('session.readLatestCross', () => {
  it('reads the cross sums at the latest mark, past the throttle', async () => {
    const source = createFakeSource(account());
    const session = createMarginSession(source, { throttleMs: 60_000 });
    const stop = session.start();
    await vi.waitFor(() => expect(session.getAccountState().status).toBe('ready'));
    const observer = observeAccountSummary(session);
    const off = observer.subscribe(() => {});
    source.tick('SOLUSDT', '145');
    source.tick('SOLUSDT', '100');
    expect(usdt(observer.getSnapshot().assets).maxWithdrawable?.toFixed()).not.toBe('9844.6');
    const cross = session.readLatestCross('USDT')!;
    expect(crossMaxWithdrawal(cross, 8).toFixed()).toBe('9844.6');
    off();
    stop();
  });
});
