// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustMarginError, type AccountSnapshot, type AdjustMarginRequest } from '../../../src/engine/types';
import { collector, startHarness, withoutTimestamp, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

let nextId = 0;
function req(partial: Partial<AdjustMarginRequest>): AdjustMarginRequest {
  nextId += 1;
  return {
    symbol: 'BTCUSDT',
    positionSide: 'BOTH',
    type: 'ADD',
    amount: '100',
    clientRequestId: `req-${nextId}`,
    ...partial,
  };
}

async function failure(promise: Promise<unknown>): Promise<AdjustMarginError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdjustMarginError);
  return error as AdjustMarginError;
}

const posted = (h: Harness) =>
  h.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/positionMargin'));

describe('adjustMargin against the server', () => {
  it('sends the exact amount string, type and positionSide, and echoes the clientRequestId', async () => {
    harness = await startHarness('usdm');
    const request = req({ amount: '123.45678901', clientRequestId: 'intent-1' });
    await expect(harness.source.adjustMargin(request)).resolves.toEqual({
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      type: 'ADD',
      amount: '123.45678901',
      clientRequestId: 'intent-1',
    });
    expect(posted(harness).map((r) => withoutTimestamp(r.params))).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'BOTH', amount: '123.45678901', type: '1' },
    ]);
    expect(posted(harness)[0]!.path).toBe('/fapi/v1/positionMargin');
    expect(harness.server.state.positions[0]!.isolatedWallet).toBe('3173.58024579');
  });

  it('reduces a hedge-mode SHORT with type 2 and positionSide SHORT (params in the query string)', async () => {
    harness = await startHarness('usdm', { postAs: 'query' });
    await harness.source.adjustMargin(req({ symbol: 'ETHUSDT', positionSide: 'SHORT', type: 'REMOVE', amount: '0.5' }));
    expect(withoutTimestamp(posted(harness)[0]!.params)).toEqual({
      symbol: 'ETHUSDT',
      positionSide: 'SHORT',
      amount: '0.5',
      type: '2',
    });
    expect(posted(harness)[0]!.body).toBe('');
    expect(harness.server.state.positions[2]!.isolatedWallet).toBe('232.00000000');
  });

  it('uses /dapi/v1/positionMargin on COIN-M', async () => {
    harness = await startHarness('coinm');
    await harness.source.adjustMargin(req({ symbol: 'BTCUSD_PERP', type: 'REMOVE', amount: '0.001' }));
    expect(posted(harness)[0]).toMatchObject({ path: '/dapi/v1/positionMargin' });
    expect(withoutTimestamp(posted(harness)[0]!.params)).toEqual({
      symbol: 'BTCUSD_PERP',
      positionSide: 'BOTH',
      amount: '0.001',
      type: '2',
    });
  });

  it('an accepted adjustment sends the POST and nothing else: no account re-fetch (the session refreshes once)', async () => {
    harness = await startHarness('usdm');
    const accounts = collector<AccountSnapshot>();
    const stop = harness.source.subscribeAccount(accounts.push);
    await harness.source.adjustMargin(req({ amount: '50' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /fapi/v1/positionMargin']);
    expect(accounts.values).toEqual([]);
    stop();
  });

  it('sends every call, even with the same clientRequestId: the session de-duplicates', async () => {
    harness = await startHarness('usdm');
    const request = req({ amount: '10', clientRequestId: 'same-intent' });
    const [a, b] = await Promise.all([harness.source.adjustMargin(request), harness.source.adjustMargin(request)]);
    expect(a).toEqual(b);
    expect(posted(harness)).toHaveLength(2);
    // 3050.12345678 + 10 + 10: both were applied
    expect(harness.server.state.positions[0]!.isolatedWallet).toBe('3070.12345678');
  });
});

describe('adjustMargin errors keep Binance code and message', () => {
  const cases: [string, Partial<AdjustMarginRequest>, AdjustMarginError['kind'], number, string][] = [
    ['amount 0', { amount: '0' }, 'invalidAmount', -4055, 'Amount must be positive.'],
    [
      'too many decimals',
      { amount: '1.123456789' },
      'invalidAmount',
      -1111,
      'Precision is over the maximum defined for this asset.',
    ],
    [
      'over the removal limit',
      { type: 'REMOVE', amount: '1000.00000001' },
      'insufficientIsolatedBalance',
      -4051,
      'Isolated balance insufficient.',
    ],
    [
      'over the cross balance',
      { amount: '8765.43210988' },
      'insufficientCrossBalance',
      -4050,
      'Cross balance insufficient.',
    ],
    ['no position', { symbol: 'XRPUSDT' }, 'noPosition', -4054, 'Cannot add position margin: position is 0.'],
    [
      'hedge symbol without a side',
      { symbol: 'ETHUSDT', positionSide: 'BOTH' },
      'noPosition',
      -4054,
      'Cannot add position margin: position is 0.',
    ],
    ['cross position', { symbol: 'SOLUSDT' }, 'notIsolated', -4049, 'Add margin only support for isolated position.'],
  ];
  it.each(cases)('%s → %s', async (_name, partial, kind, code, msg) => {
    harness = await startHarness('usdm');
    const error = await failure(harness.source.adjustMargin(req(partial)));
    expect(error).toMatchObject({ kind, code, exchangeMessage: msg });
    expect(harness.server.state.positions[0]!.isolatedWallet).toBe('3050.12345678');
  });

  it('-2023 (liquidation) → liquidating', async () => {
    harness = await startHarness('usdm');
    harness.server.state.liquidating = true;
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(error).toMatchObject({ kind: 'liquidating', code: -2023, exchangeMessage: 'User in liquidation mode now.' });
  });

  it('-1007 → timeout (the result is unknown)', async () => {
    harness = await startHarness('usdm');
    const msg = 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.';
    harness.server.failNext('/fapi/v1/positionMargin', { status: 408, body: { code: -1007, msg } });
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(error).toMatchObject({ kind: 'timeout', code: -1007, exchangeMessage: msg });
  });

  it('HTTP 429 → network (nothing applied), and no request is sent until Retry-After has passed', async () => {
    harness = await startHarness('usdm');
    const msg = 'Too many requests; current limit is 1200 orders per minute.';
    harness.server.failNext('/fapi/v1/positionMargin', {
      status: 429,
      body: { code: -1003, msg },
      headers: { 'retry-after': '30' },
    });
    expect(await failure(harness.source.adjustMargin(req({})))).toMatchObject({
      kind: 'network',
      code: -1003,
      exchangeMessage: msg,
    });
    const second = await failure(harness.source.adjustMargin(req({})));
    expect(second).toMatchObject({ kind: 'network', code: undefined });
    expect(posted(harness)).toHaveLength(1);
    expect(harness.server.state.positions[0]!.isolatedWallet).toBe('3050.12345678');
  });

  it('-1001 → network', async () => {
    harness = await startHarness('usdm');
    const msg = 'Internal error; unable to process your request. Please try again.';
    harness.server.failNext('/fapi/v1/positionMargin', { status: 503, body: { code: -1001, msg } });
    expect(await failure(harness.source.adjustMargin(req({})))).toMatchObject({
      kind: 'network',
      code: -1001,
      exchangeMessage: msg,
    });
  });

  it('HTTP 502 without a Binance body → timeout (execution status unknown)', async () => {
    harness = await startHarness('usdm');
    harness.server.failNext('/fapi/v1/positionMargin', { status: 502, body: '<html>Bad Gateway</html>' });
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(error).toMatchObject({ kind: 'timeout', code: undefined });
    expect(error.message).toContain('HTTP 502');
  });

  it('an unlisted code → unknown, code and message kept', async () => {
    harness = await startHarness('usdm');
    harness.server.failNext('/fapi/v1/positionMargin', {
      status: 400,
      body: { code: -1022, msg: 'Signature for this request is not valid.' },
    });
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(error).toMatchObject({
      kind: 'unknown',
      code: -1022,
      exchangeMessage: 'Signature for this request is not valid.',
    });
    expect(error.message).toContain('-1022');
  });

  it('no answer within timeoutMs → timeout', async () => {
    harness = await startHarness('usdm', { timeoutMs: 100 });
    harness.server.delayNext('/fapi/v1/positionMargin', 400);
    const started = Date.now();
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(Date.now() - started).toBeLessThan(350);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('100 ms');
  });

  it('server unreachable → network', async () => {
    harness = await startHarness('usdm');
    await harness.server.close();
    const error = await failure(harness.source.adjustMargin(req({})));
    expect(error.kind).toBe('network');
  });
});
