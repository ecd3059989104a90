import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTransfer, createSimulatedExchange, type SimulatedExchange } from '../../../src/data/simulated';
import { AdjustMarginError, type AccountSnapshot, type TransferRequest } from '../../../src/engine/types';

let ex: SimulatedExchange;
let n = 0;

function req(over: Partial<TransferRequest> = {}): TransferRequest {
  n += 1;
  return { asset: 'USDT', amount: '100', direction: 'futuresToSpot', clientRequestId: `t${n}`, ...over };
}

function wallet(a: AccountSnapshot, asset: string): string {
  return a.assets.find((x) => x.asset === asset)!.crossWalletBalance;
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

beforeEach(() => {
  ex = createSimulatedExchange({ latencyMs: 0 });
});
afterEach(() => ex.dispose());

// The default scenario's USDT, by hand: cross wallet 10000; open-order IM of the isolated positions
// 125.4 + 0 + 40 = 165.4; the cross SOLUSDT short (−30 at 140, leverage 10) at mark 145: uPnL −150,
// notional 4350 → MM 43.5 (MMR 0.01), IM 435.
// Wallet bound 10000 − 165.4 − 43.5 = 9791.1; PnL bound 10000 − 150 − 435 − 165.4 = 9249.6.
const MAX_AT_145 = '9249.6';

describe('the simulated exchange: transfer out', () => {
  it('takes exactly the amount out of the cross wallet, up to max withdrawable', async () => {
    const result = await ex.transfer(req({ amount: MAX_AT_145 }));
    expect(result).toMatchObject({ asset: 'USDT', amount: MAX_AT_145, direction: 'futuresToSpot' });
    expect(wallet(await ex.getAccount(), 'USDT')).toBe('750.4');
  });

  it('rejects an amount over max withdrawable with -5002, kind insufficientCrossBalance, and keeps the wallet', async () => {
    const e = await rejection(ex.transfer(req({ amount: '9249.60000001' })));
    expect(e.kind).toBe('insufficientCrossBalance');
    expect(e.code).toBe(-5002);
    expect(e.exchangeMessage).toBe('You have insufficient balance.');
    expect(wallet(await ex.getAccount(), 'USDT')).toBe('10000');
  });

  it('checks the limit at the marks when the request arrives', async () => {
    // SOL at 150: uPnL −300, notional 4500 → MM 45, IM 450; PnL bound 10000 − 300 − 450 − 165.4 = 9084.6.
    ex.setMarkPrice('SOLUSDT', '150');
    expect((await rejection(ex.transfer(req({ amount: '9084.61' })))).code).toBe(-5002);
    await ex.transfer(req({ amount: '9084.6' }));
    expect(wallet(await ex.getAccount(), 'USDT')).toBe('915.4');
  });

  it('refuses a malformed amount and a wrong direction before the limit', async () => {
    expect((await rejection(ex.transfer(req({ amount: '1.123456789' })))).code).toBe(-1111);
    expect((await rejection(ex.transfer(req({ amount: '0' })))).code).toBe(-4055);
    expect((await rejection(ex.transfer(req({ amount: '1e3' })))).code).toBe(-1100);
    const wrong = req({ direction: 'spotToFutures' as unknown as TransferRequest['direction'] });
    expect((await rejection(ex.transfer(wrong))).code).toBe(-1130);
  });

  it('an injected failure applies to transfer too, and the account stays', async () => {
    ex.injectFailure({ kind: 'network' });
    expect((await rejection(ex.transfer(req()))).kind).toBe('network');
    expect(wallet(await ex.getAccount(), 'USDT')).toBe('10000');
  });

  it('tells account listeners of the new wallet', async () => {
    const seen: string[] = [];
    ex.subscribeAccount((a) => seen.push(wallet(a, 'USDT')));
    await ex.transfer(req({ amount: '0.5' }));
    expect(seen).toEqual(['9999.5']);
  });

  it('applyTransfer is pure and needs a wallet to withdraw from', () => {
    const account: AccountSnapshot = {
      assets: [{ asset: 'USDT', crossWalletBalance: '5' }],
      positions: [],
      updateTime: 0,
    };
    const ok = applyTransfer(account, {}, req({ amount: '5' }), 1);
    expect(ok).toEqual({
      ok: true,
      account: { assets: [{ asset: 'USDT', crossWalletBalance: '0' }], positions: [], updateTime: 1 },
    });
    expect(account.assets[0]!.crossWalletBalance).toBe('5');
    expect(applyTransfer(account, {}, req({ asset: 'BTC', amount: '0.1' }), 1)).toEqual({ ok: false, code: -5002 });
  });
});
