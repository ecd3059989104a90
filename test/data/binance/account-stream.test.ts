// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../../src/engine/types';
import { collector, startHarness, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('subscribeAccount over the user-data stream', () => {
  it('merges the ACCOUNT_UPDATE that follows an accepted adjustment into the last snapshot', async () => {
    harness = await startHarness('usdm', { withUserStream: true });
    const { server, source } = harness;
    const before = await source.getAccount();
    const accounts = collector<AccountSnapshot>();
    const stop = source.subscribeAccount(accounts.push);
    await server.waitFor(() => server.openUserSockets() === 1);
    const fetches = server.requests.length;

    await source.adjustMargin({
      symbol: 'ETHUSDT',
      positionSide: 'LONG',
      type: 'ADD',
      amount: '25.5',
      clientRequestId: 'a',
    });
    const after = await accounts.next(1);
    const long = after.positions.find((p) => p.symbol === 'ETHUSDT' && p.positionSide === 'LONG');
    expect(long).toEqual({
      ...before.positions[1],
      isolatedWallet: '325.50000000',
      positionAmt: '2.000',
      entryPrice: '3000.00',
    });
    expect(after.positions[2]).toEqual(before.positions[2]); // the SHORT side is untouched
    expect(after.assets).toEqual([
      { asset: 'USDT', crossWalletBalance: '8739.93210987' },
      { asset: 'USDC', crossWalletBalance: '500.00000000' },
    ]);
    // Merged from the event: only the POST went over HTTP, no re-fetch.
    expect(server.requests.slice(fetches).map((r) => r.path)).toEqual(['/fapi/v1/positionMargin']);
    stop();
    await server.waitFor(() => server.openUserSockets() === 0);
  });

  it('drops a position whose amount becomes 0 (closed or liquidated)', async () => {
    harness = await startHarness('usdm', { withUserStream: true });
    const { server, source } = harness;
    await source.getAccount();
    const accounts = collector<AccountSnapshot>();
    const stop = source.subscribeAccount(accounts.push);
    await server.waitFor(() => server.openUserSockets() === 1);
    server.closePosition('BTCUSDT');
    const after = await accounts.next(1);
    expect(after.positions.map((p) => `${p.symbol}:${p.positionSide}`)).toEqual([
      'ETHUSDT:LONG',
      'ETHUSDT:SHORT',
      'SOLUSDT:BOTH',
    ]);
    stop();
  });

  it('fetches the account when an event arrives before any snapshot, and after a reconnection', async () => {
    harness = await startHarness('coinm', { withUserStream: true });
    const { server, source } = harness;
    const accounts = collector<AccountSnapshot>();
    const stop = source.subscribeAccount(accounts.push);
    await server.waitFor(() => server.openUserSockets() === 1);
    server.closePosition('ETHUSD_PERP');
    const first = await accounts.next(1);
    expect(first.positions.map((p) => p.symbol)).toEqual(['BTCUSD_PERP', 'BTCUSD_250926']);

    const accountFetches = () => server.requests.filter((r) => r.path === '/dapi/v1/account').length;
    expect(accountFetches()).toBe(1);
    server.state.positions[0]!.isolatedWallet = '0.02000000'; // changed while the stream is down
    server.dropSockets();
    const second = await accounts.next(2);
    expect(accountFetches()).toBe(2);
    // Derived from the /dapi row: isolatedMargin (0.02 + 0.00032777) − unRealizedProfit 0.00032777
    expect(second.positions[0]).toMatchObject({ symbol: 'BTCUSD_PERP', isolatedWallet: '0.02' });
    expect(server.requests.filter((r) => r.path === '/dapi/v1/listenKey')).toHaveLength(2);
    stop();
  });

  it('re-fetches when an update names a position the snapshot does not know', async () => {
    harness = await startHarness('usdm', { withUserStream: true });
    const { server, source } = harness;
    await source.getAccount();
    const accounts = collector<AccountSnapshot>();
    const stop = source.subscribeAccount(accounts.push);
    await server.waitFor(() => server.openUserSockets() === 1);
    const xrp = server.state.positions[4]!;
    Object.assign(xrp, { positionAmt: '100.0', entryPrice: '0.5200', isolatedWallet: '2.60000000' });
    server.pushUser({
      e: 'ACCOUNT_UPDATE',
      E: 1,
      T: 1,
      a: {
        m: 'ORDER',
        B: [],
        P: [
          {
            s: 'XRPUSDT',
            pa: '100.0',
            ep: '0.5200',
            bep: '0',
            cr: '0',
            up: '0',
            mt: 'isolated',
            iw: '2.60000000',
            ps: 'BOTH',
          },
        ],
      },
    });
    const after = await accounts.next(1);
    expect(after.positions.find((p) => p.symbol === 'XRPUSDT')).toMatchObject({
      leverage: '20',
      positionAmt: '100.0',
      pricePrecision: 4,
    });
    stop();
  });

  it('reconnects with a fresh listen key after listenKeyExpired', async () => {
    harness = await startHarness('usdm', { withUserStream: true });
    const { server, source } = harness;
    const stop = source.subscribeAccount(() => {});
    await server.waitFor(() => server.openUserSockets() === 1);
    server.pushUser({ e: 'listenKeyExpired', E: 1, listenKey: server.listenKey });
    await server.waitFor(() => server.requests.filter((r) => r.path === '/fapi/v1/listenKey').length === 2);
    await server.waitFor(() => server.openUserSockets() === 1);
    stop();
    await server.waitFor(() => server.openUserSockets() === 0);
  });
});
