import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxAddable, maxRemovable } from '../../../src/core/limits';
import { crossInputFor, findPosition, toPositionInput } from '../../../src/engine/account';
import { createSimulatedExchange, ERROR_CODES, type SimulatedExchange } from '../../../src/data/simulated';
import {
  AdjustMarginError,
  type AccountSnapshot,
  type AdjustMarginErrorKind,
  type AdjustMarginRequest,
} from '../../../src/engine/types';

let ex: SimulatedExchange;
let n = 0;

function req(over: Partial<AdjustMarginRequest> = {}): AdjustMarginRequest {
  n += 1;
  return { symbol: 'BTCUSDT', positionSide: 'LONG', type: 'ADD', amount: '100', clientRequestId: `r${n}`, ...over };
}

async function rejection(p: Promise<unknown>): Promise<AdjustMarginError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AdjustMarginError);
  return e as AdjustMarginError;
}

function wallet(a: AccountSnapshot, asset: string): string {
  return a.assets.find((x) => x.asset === asset)!.crossWalletBalance;
}

beforeEach(() => {
  ex = createSimulatedExchange({ latencyMs: 0 });
});
afterEach(() => {
  ex.dispose();
  vi.useRealTimers();
});

describe('adjustMargin: success', () => {
  it('ADD moves the amount from the cross wallet to the isolated wallet, exactly, and emits the account', async () => {
    const updates: AccountSnapshot[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    const result = await ex.adjustMargin(req({ amount: '100.12345678', clientRequestId: 'add-1' }));
    expect(result).toEqual({
      symbol: 'BTCUSDT',
      positionSide: 'LONG',
      type: 'ADD',
      amount: '100.12345678',
      clientRequestId: 'add-1',
    });
    const a = await ex.getAccount();
    expect(findPosition(a, 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3100.12345678');
    expect(wallet(a, 'USDT')).toBe('9899.87654322');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toBe(a);
  });

  it('REMOVE on COIN-M moves coin from the isolated to the cross wallet', async () => {
    await ex.adjustMargin(req({ symbol: 'BTCUSD_PERP', positionSide: 'BOTH', type: 'REMOVE', amount: '0.00012345' }));
    const a = await ex.getAccount();
    expect(findPosition(a, 'BTCUSD_PERP', 'BOTH')!.isolatedWallet).toBe('0.00237655');
    expect(wallet(a, 'BTC')).toBe('0.05012345');
    expect(wallet(a, 'USDT')).toBe('10000');
  });

  it('hedge sides are separate positions', async () => {
    await ex.adjustMargin(req({ symbol: 'ETHUSDT', positionSide: 'SHORT', amount: '10' }));
    const a = await ex.getAccount();
    expect(findPosition(a, 'ETHUSDT', 'SHORT')!.isolatedWallet).toBe('410');
    expect(findPosition(a, 'ETHUSDT', 'LONG')!.isolatedWallet).toBe('700');
  });

  it('accepts exactly the max removable and the max addable, and 1e-8 more is rejected', async () => {
    const a = await ex.getAccount();
    const p = findPosition(a, 'ETHUSDT', 'SHORT')!;
    const maxR = maxRemovable(toPositionInput(p)).amount;
    expect(
      (
        await rejection(
          ex.adjustMargin(
            req({
              symbol: 'ETHUSDT',
              positionSide: 'SHORT',
              type: 'REMOVE',
              amount: maxR.plus('0.00000001').toFixed(),
            }),
          ),
        )
      ).code,
    ).toBe(-4051);
    await ex.adjustMargin(req({ symbol: 'ETHUSDT', positionSide: 'SHORT', type: 'REMOVE', amount: maxR.toFixed() }));
    const b = await ex.getAccount();
    const maxA = maxAddable(crossInputFor(b, 'ETH'));
    expect(
      (
        await rejection(
          ex.adjustMargin(
            req({ symbol: 'ETHUSD_PERP', positionSide: 'BOTH', amount: maxA.plus('0.00000001').toFixed() }),
          ),
        )
      ).code,
    ).toBe(-4050);
    await ex.adjustMargin(req({ symbol: 'ETHUSD_PERP', positionSide: 'BOTH', amount: maxA.toFixed() }));
  });
});

describe('adjustMargin: rejections', () => {
  const cases: [string, Partial<AdjustMarginRequest>, number, AdjustMarginErrorKind][] = [
    ['more than 8 decimals', { amount: '1.123456789' }, -1111, 'invalidAmount'],
    ['zero', { amount: '0' }, -4055, 'invalidAmount'],
    ['zero with decimals', { amount: '0.00' }, -4055, 'invalidAmount'],
    ['negative', { amount: '-5' }, -4055, 'invalidAmount'],
    ['exponent', { amount: '1e2' }, -1100, 'invalidAmount'],
    ['leading zero', { amount: '01' }, -1100, 'invalidAmount'],
    ['spaces', { amount: ' 1' }, -1100, 'invalidAmount'],
    ['no such position', { symbol: 'XRPUSDT' }, -4054, 'noPosition'],
    ['hedge symbol without positionSide', { symbol: 'ETHUSDT', positionSide: 'BOTH' }, -4054, 'noPosition'],
    ['a cross position', { symbol: 'SOLUSDT', positionSide: 'SHORT' }, -4049, 'notIsolated'],
    ['remove more than allowed', { type: 'REMOVE', amount: '2000' }, -4051, 'insufficientIsolatedBalance'],
    ['add more than the cross wallet allows', { amount: '9999' }, -4050, 'insufficientCrossBalance'],
  ];
  it.each(cases)('%s', async (_name, over, code, kind) => {
    const before = await ex.getAccount();
    const updates: unknown[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    const e = await rejection(ex.adjustMargin(req(over)));
    expect(e.code).toBe(code);
    expect(e.kind).toBe(kind);
    expect(e.exchangeMessage).toBe(ERROR_CODES[code]!.exchangeMessage);
    expect(e.message).toMatch(/^[A-Z].*\.$/);
    expect(await ex.getAccount()).toBe(before);
    expect(updates).toHaveLength(0);
  });

  it('applies the rules at arrival: a price move during the latency shrinks the limit → -4051', async () => {
    vi.useFakeTimers();
    ex.dispose();
    ex = createSimulatedExchange({ latencyMs: 500 });
    const p = findPosition(ex.exportState().account, 'BTCUSDT', 'LONG')!;
    const now = maxRemovable(toPositionInput(p)).amount;
    expect(now.toFixed()).toBe('900'); // V1: min(2876, 900)
    const pending = ex.adjustMargin(req({ type: 'REMOVE', amount: '850' }));
    const check = rejection(pending);
    await vi.advanceTimersByTimeAsync(200);
    ex.setMarkPrice('BTCUSDT', '61800'); // initial term: 3000 + 900 − 3090 = 810 < 850
    await vi.advanceTimersByTimeAsync(300);
    const e = await check;
    expect(e.code).toBe(-4051);
    expect(findPosition(await (ex.setLatency(0), ex.getAccount()), 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3000');
  });
});

describe('adjustMargin: injected failures', () => {
  it('reject: that code, the mapped kind, the given or usual message; next call only', async () => {
    ex.injectFailure({ kind: 'reject', code: -2023 });
    const e = await rejection(ex.adjustMargin(req()));
    expect([e.code, e.kind, e.exchangeMessage]).toEqual([-2023, 'liquidating', 'User in liquidation mode now.']);
    ex.injectFailure({ kind: 'reject', code: -9999, msg: 'Something odd.' });
    const u = await rejection(ex.adjustMargin(req()));
    expect([u.code, u.kind, u.exchangeMessage]).toEqual([-9999, 'unknown', 'Something odd.']);
    await expect(ex.adjustMargin(req())).resolves.toBeTruthy();
  });

  it('reject with -4051 is indistinguishable from the real thing and does not apply', async () => {
    ex.injectFailure({ kind: 'reject', code: -4051, times: 2 });
    expect((await rejection(ex.adjustMargin(req()))).kind).toBe('insufficientIsolatedBalance');
    expect((await rejection(ex.adjustMargin(req()))).kind).toBe('insufficientIsolatedBalance');
    expect(findPosition(await ex.getAccount(), 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3000');
  });

  it('timeout: kind timeout after timeoutMs, nothing applied', async () => {
    vi.useFakeTimers();
    ex.setTimeoutMs(2000);
    ex.injectFailure({ kind: 'timeout' });
    let settled = false;
    const check = rejection(ex.adjustMargin(req())).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(settled).toBe(false);
    expect(ex.activeTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await check).kind).toBe('timeout');
    expect(findPosition(await ex.getAccount(), 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3000');
  });

  it('network: kind network, nothing applied; queued failures apply in order', async () => {
    ex.injectFailure({ kind: 'network' });
    ex.injectFailure({ kind: 'reject', code: -4050 });
    expect((await rejection(ex.adjustMargin(req()))).kind).toBe('network');
    expect((await rejection(ex.adjustMargin(req()))).kind).toBe('insufficientCrossBalance');
    expect(wallet(await ex.getAccount(), 'USDT')).toBe('10000');
    ex.injectFailure({ kind: 'network', times: 3 });
    ex.clearFailures();
    await expect(ex.adjustMargin(req())).resolves.toBeTruthy();
  });
});

describe('adjustMargin: every request that arrives is applied (the kit owns idempotency)', () => {
  it('a repeated clientRequestId is applied again, as Binance would', async () => {
    const updates: unknown[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    await ex.adjustMargin(req({ clientRequestId: 'same', amount: '5' }));
    await ex.adjustMargin(req({ clientRequestId: 'same', amount: '5' }));
    // 3000 + 5 + 5
    expect(findPosition(await ex.getAccount(), 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3010');
    expect(updates).toHaveLength(2);
  });

  it('two in flight with one id are both applied', async () => {
    vi.useFakeTimers();
    ex.setLatency(100);
    const a = ex.adjustMargin(req({ clientRequestId: 'twice', amount: '7' }));
    const b = ex.adjustMargin(req({ clientRequestId: 'twice', amount: '7' }));
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([a, b]);
    ex.setLatency(0);
    // 3000 + 7 + 7
    expect(findPosition(await ex.getAccount(), 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3014');
  });
});

describe('closePosition', () => {
  it('removes the position, settles into the cross wallet, emits; then adjustments get -4054', async () => {
    const updates: AccountSnapshot[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    expect(ex.closePosition('BTCUSDT', 'LONG')).toBe(true);
    expect(updates).toHaveLength(1);
    expect(findPosition(updates[0]!, 'BTCUSDT', 'LONG')).toBeUndefined();
    // closed at 62000: wallet 3000 + PnL 0.5 × 2000 = 4000 back to the cross wallet
    expect(wallet(updates[0]!, 'USDT')).toBe('14000');
    const e = await rejection(ex.adjustMargin(req()));
    expect([e.code, e.kind]).toEqual([-4054, 'noPosition']);
    expect(ex.closePosition('BTCUSDT', 'LONG')).toBe(false);
  });

  it("books a COIN-M close at the asset's decimals, so the wallet stays a valid snapshot", async () => {
    ex.closePosition('BTCUSD_PERP', 'BOTH');
    // By hand, short 20 contracts of 100 USD, entry 63500, mark 61000:
    // uPnL = −20 × 100 × (1/63500 − 1/61000) = −2000 × (−2500 / 3873500000) = 2000/1549400 = 0.0012908222537…;
    // credit = wallet 0.0025 + uPnL = 0.0037908222537…, booked at 8 decimals toward −∞: 0.00379082;
    // the BTC cross wallet 0.05 + 0.00379082 = 0.05379082.
    expect(wallet(await ex.getAccount(), 'BTC')).toBe('0.05379082');
  });

  it('liquidated: the isolated wallet is lost', async () => {
    ex.closePosition('ETHUSDT', 'SHORT', { reason: 'liquidated' });
    const a = await ex.getAccount();
    expect(wallet(a, 'USDT')).toBe('10000');
    expect(findPosition(a, 'ETHUSDT', 'LONG')).toBeDefined();
  });

  it('a request in flight when the position closes is rejected at arrival', async () => {
    vi.useFakeTimers();
    ex.setLatency(200);
    const check = rejection(ex.adjustMargin(req({ symbol: 'ETHUSD_PERP', positionSide: 'BOTH', amount: '0.001' })));
    ex.closePosition('ETHUSD_PERP', 'BOTH');
    await vi.advanceTimersByTimeAsync(200);
    expect((await check).code).toBe(-4054);
  });
});

describe('playground', () => {
  it('setCrossWallet and updatePosition change the account and emit it', async () => {
    const updates: AccountSnapshot[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    ex.setCrossWallet('USDT', '50');
    expect((await rejection(ex.adjustMargin(req({ amount: '60' })))).code).toBe(-4050);
    ex.updatePosition('BTCUSDT', 'LONG', { isolatedWallet: '5000', leverage: '20' });
    const a = await ex.getAccount();
    expect(findPosition(a, 'BTCUSDT', 'LONG')).toMatchObject({ isolatedWallet: '5000', leverage: '20' });
    expect(updates).toHaveLength(2);
    expect(() => ex.updatePosition('BTCUSDT', 'SHORT', {})).toThrow(RangeError);
    expect(() => ex.updatePosition('BTCUSDT', 'LONG', { positionAmt: '0' })).toThrow(RangeError);
    expect(() => ex.setCrossWallet('USDT', 'lots')).toThrow();
  });

  it('updatePosition refuses what importState would refuse, so an exported state always imports', async () => {
    expect(() => ex.updatePosition('BTCUSDT', 'LONG', { positionAmt: '-1' })).toThrow(/wrong sign for LONG/);
    expect(() => ex.updatePosition('BTCUSDT', 'LONG', { marginType: 'ISOLATED' as 'isolated' })).toThrow(
      /BTCUSDT\/LONG\.marginType/,
    );
    // Nothing changed, and the export imports.
    expect(findPosition(await ex.getAccount(), 'BTCUSDT', 'LONG')!.positionAmt).not.toMatch(/^-/);
    expect(() => ex.importState(ex.exportState())).not.toThrow();
  });

  it('normalises decimal inputs to plain strings', async () => {
    ex.setCrossWallet('BTC', '1e-3');
    ex.updatePosition('BTCUSDT', 'LONG', { isolatedWallet: '3.0e3' });
    const a = await ex.getAccount();
    expect(wallet(a, 'BTC')).toBe('0.001');
    expect(findPosition(a, 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3000');
  });

  it('importState replaces the account and emits it', async () => {
    const saved = ex.exportState();
    await ex.adjustMargin(req({ amount: '1' }));
    const updates: AccountSnapshot[] = [];
    const marks: string[] = [];
    ex.subscribeAccount((a) => updates.push(a));
    ex.subscribeMarkPrice('BTCUSDT', (u) => marks.push(u.markPrice));
    ex.importState(saved);
    expect(updates).toHaveLength(1);
    expect(findPosition(updates[0]!, 'BTCUSDT', 'LONG')!.isolatedWallet).toBe('3000');
    expect(marks).toEqual(['62000.00']);
    expect(() => ex.importState({ ...saved, version: 2 as 1 })).toThrow(RangeError);
  });
});
