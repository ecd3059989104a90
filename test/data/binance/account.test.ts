// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { BinanceAccountSnapshot } from '../../../src/data/binance/account';
import { startHarness, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

const BTC_BRACKETS = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
  { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
  { notionalFloor: '250000', notionalCap: '3000000', maintMarginRatio: '0.01', cum: '1300' },
];
const ETH_BRACKETS = [
  { notionalFloor: '0', notionalCap: '10000', maintMarginRatio: '0.0065', cum: '0' },
  { notionalFloor: '10000', notionalCap: '100000', maintMarginRatio: '0.01', cum: '35' },
];

describe('getAccount, USDⓈ-M', () => {
  it('maps /fapi payloads exactly: strings, brackets, hedge sides, cross position, zero rows dropped', async () => {
    harness = await startHarness('usdm', { now: () => 1_700_000_000_000 });
    const account = await harness.source.getAccount();
    const expected: BinanceAccountSnapshot = {
      updateTime: 1_700_000_000_000,
      assets: [
        { asset: 'USDT', crossWalletBalance: '8765.43210987' },
        { asset: 'USDC', crossWalletBalance: '500.00000000' },
      ],
      positions: [
        {
          symbol: 'BTCUSDT',
          positionSide: 'BOTH',
          marginType: 'isolated',
          contractType: 'linear',
          baseAsset: 'BTC',
          positionAmt: '0.500',
          entryPrice: '60000.10',
          markPrice: '61000.00000000',
          leverage: '10',
          isolatedWallet: '3050.12345678',
          openOrderInitialMargin: '12.34000000',
          brackets: BTC_BRACKETS,
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
        {
          symbol: 'ETHUSDT',
          positionSide: 'LONG',
          marginType: 'isolated',
          contractType: 'linear',
          baseAsset: 'ETH',
          positionAmt: '2.000',
          entryPrice: '3000.00',
          markPrice: '3050.50000000',
          leverage: '20',
          isolatedWallet: '300.00000000',
          openOrderInitialMargin: '0',
          brackets: ETH_BRACKETS,
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
        {
          symbol: 'ETHUSDT',
          positionSide: 'SHORT',
          marginType: 'isolated',
          contractType: 'linear',
          baseAsset: 'ETH',
          positionAmt: '-1.500',
          entryPrice: '3100.00',
          markPrice: '3050.50000000',
          leverage: '20',
          isolatedWallet: '232.50000000',
          openOrderInitialMargin: '5.00000000',
          brackets: ETH_BRACKETS,
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
        {
          symbol: 'SOLUSDT',
          positionSide: 'BOTH',
          marginType: 'cross',
          contractType: 'linear',
          baseAsset: 'SOL',
          positionAmt: '-10',
          entryPrice: '150.0000',
          markPrice: '148.12340000',
          leverage: '5',
          isolatedWallet: '0',
          openOrderInitialMargin: '0',
          brackets: [
            { notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.01', cum: '0' },
            { notionalFloor: '5000', notionalCap: '1000000000000000000000', maintMarginRatio: '0.025', cum: '75' },
          ],
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 4,
        },
      ],
      unavailable: [],
    };
    expect(account).toEqual(expected);
    const paths = harness.server.requests.map((r) => `${r.method} ${r.path}`).sort();
    expect(paths).toEqual([
      'GET /fapi/v1/exchangeInfo',
      'GET /fapi/v1/leverageBracket',
      'GET /fapi/v1/symbolConfig',
      'GET /fapi/v3/account',
      'GET /fapi/v3/positionRisk',
    ]);
  });

  it('caches exchangeInfo and brackets; refreshReferenceData and an unknown symbol fetch them again', async () => {
    harness = await startHarness('usdm', { assetPrecision: { USDT: 6 } });
    const { server, source } = harness;
    const count = (path: string) => server.requests.filter((r) => r.path === path).length;
    await Promise.all([source.getAccount(), source.getAccount()]);
    await source.getAccount();
    expect(count('/fapi/v3/account')).toBe(3);
    expect(count('/fapi/v1/exchangeInfo')).toBe(1);
    expect(count('/fapi/v1/leverageBracket')).toBe(1);

    await source.refreshReferenceData();
    expect(count('/fapi/v1/exchangeInfo')).toBe(2);

    // A new listing with an open position: the cache lacks it, so it is fetched again.
    server.state.symbols.push({ ...server.state.symbols[0], symbol: 'DOGEUSDT', pricePrecision: 6 });
    server.state.brackets.push({
      symbol: 'DOGEUSDT',
      brackets: [
        { bracket: 1, initialLeverage: 50, notionalCap: 5000, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 },
      ],
    });
    server.state.positions.push({
      symbol: 'DOGEUSDT',
      positionSide: 'BOTH',
      positionAmt: '1000',
      entryPrice: '0.123456',
      markPrice: '0.12400000',
      leverage: 3,
      marginType: 'isolated',
      isolatedWallet: '41.152',
      unRealizedProfit: '0.544',
      openOrderInitialMargin: '0',
      maxRemove: '1',
    });
    const account = await source.getAccount();
    expect(count('/fapi/v1/exchangeInfo')).toBe(3);
    const doge = account.positions.find((p) => p.symbol === 'DOGEUSDT');
    expect(doge).toMatchObject({ pricePrecision: 6, marginAssetPrecision: 6, leverage: '3' });
    expect(doge?.brackets).toEqual([{ notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.01', cum: '0' }]);
  });

  it('a position whose symbol exchangeInfo lacks is unavailable (notListed exchangeInfo); the reference data is re-fetched only once', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    await source.getAccount();
    server.state.positions.push({ ...server.state.positions[0]!, symbol: 'GHOSTUSDT' });
    for (let i = 0; i < 2; i += 1) {
      const account = await source.getAccount();
      expect(account.unavailable).toEqual([
        { symbol: 'GHOSTUSDT', positionSide: 'BOTH', problem: { code: 'notListed', field: 'exchangeInfo' } },
      ]);
      expect(account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'ETHUSDT', 'SOLUSDT']);
    }
    expect(server.requests.filter((r) => r.path === '/fapi/v1/exchangeInfo')).toHaveLength(2);
  });

  it('a row with a garbled field is unavailable with its problem; the other rows still map', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    server.state.positions[2]!.entryPrice = 'n/a'; // ETHUSDT SHORT
    const account = await source.getAccount();
    expect(account.unavailable).toEqual([
      { symbol: 'ETHUSDT', positionSide: 'SHORT', problem: { code: 'notDecimal', field: 'entryPrice' } },
    ]);
    expect(account.positions.map((p) => `${p.symbol}:${p.positionSide}`)).toEqual([
      'BTCUSDT:BOTH',
      'ETHUSDT:LONG',
      'SOLUSDT:BOTH',
    ]);
  });

  it('rejects with the request error when an endpoint fails, and retries the reference data next time', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    server.failNext('/fapi/v1/exchangeInfo', {
      status: 500,
      body: { code: -1001, msg: 'Internal error; unable to process your request. Please try again.' },
    });
    await expect(source.getAccount()).rejects.toMatchObject({ status: 500, code: -1001 });
    await expect(source.getAccount()).resolves.toMatchObject({ positions: expect.any(Array) });
  });

  it('after an HTTP 429 sends nothing until Retry-After has passed', async () => {
    let clock = 1_000_000;
    harness = await startHarness('usdm', { now: () => clock });
    const { server, source } = harness;
    server.failNext('/fapi/v3/positionRisk', {
      status: 429,
      body: { code: -1003, msg: 'Too many requests; current limit is 2400 requests per minute.' },
      headers: { 'retry-after': '2' },
    });
    await expect(source.getAccount()).rejects.toMatchObject({ status: 429, retryAfter: 2 });
    const sent = server.requests.length;
    clock += 1_999; // 1.999 s later: still inside the 2 s Retry-After
    await expect(source.getAccount()).rejects.toMatchObject({ status: 429, retryAfter: 1 });
    expect(server.requests.length).toBe(sent);
    clock += 1; // 2 s after the 429
    await expect(source.getAccount()).resolves.toMatchObject({ unavailable: [] });
    expect(server.requests.length).toBeGreaterThan(sent);
  });
});

describe('getAccount, COIN-M', () => {
  it('maps /dapi payloads exactly: contract size, brackets in coin (qtyFloor/qtyCap), inverse', async () => {
    harness = await startHarness('coinm', { now: () => 42 });
    const account = await harness.source.getAccount();
    const btcBrackets = [
      { notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.004', cum: '0' },
      { notionalFloor: '5', notionalCap: '10', maintMarginRatio: '0.005', cum: '0.005' },
    ];
    expect(account).toEqual({
      updateTime: 42,
      assets: [
        { asset: 'BTC', crossWalletBalance: '1.23456789' },
        { asset: 'ETH', crossWalletBalance: '10.50000000' },
      ],
      positions: [
        {
          symbol: 'BTCUSD_PERP',
          positionSide: 'BOTH',
          marginType: 'isolated',
          contractType: 'inverse',
          contractSize: '100',
          positionAmt: '12',
          entryPrice: '60000.5',
          markPrice: '61000.10000000',
          leverage: '20',
          // /dapi/v1/positionRisk has no isolatedWallet: isolatedMargin 0.01267344 − unRealizedProfit 0.00032777
          isolatedWallet: '0.01234567',
          openOrderInitialMargin: '0',
          brackets: btcBrackets,
          marginAsset: 'BTC',
          marginAssetPrecision: 8,
          pricePrecision: 1,
        },
        {
          symbol: 'ETHUSD_PERP',
          positionSide: 'BOTH',
          marginType: 'isolated',
          contractType: 'inverse',
          contractSize: '10',
          positionAmt: '-30',
          entryPrice: '3000.12',
          markPrice: '3050.00000000',
          leverage: '10',
          // isolatedMargin 0.49836467 − unRealizedProfit (−0.00163533) = 0.5
          isolatedWallet: '0.5',
          openOrderInitialMargin: '0.00100000',
          brackets: [{ notionalFloor: '0', notionalCap: '1500', maintMarginRatio: '0.0065', cum: '0' }],
          marginAsset: 'ETH',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
        {
          symbol: 'BTCUSD_250926',
          positionSide: 'BOTH',
          marginType: 'cross',
          contractType: 'inverse',
          contractSize: '100',
          positionAmt: '3',
          entryPrice: '62000.0',
          markPrice: '61500.00000000',
          leverage: '5',
          isolatedWallet: '0',
          openOrderInitialMargin: '0',
          brackets: [{ notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.004', cum: '0' }],
          marginAsset: 'BTC',
          marginAssetPrecision: 8,
          pricePrecision: 1,
        },
      ],
      unavailable: [],
    } satisfies BinanceAccountSnapshot);
    const paths = harness.server.requests.map((r) => r.path).sort();
    expect(paths).toEqual([
      '/dapi/v1/account',
      '/dapi/v1/exchangeInfo',
      '/dapi/v1/positionRisk',
      '/dapi/v2/leverageBracket',
    ]);
  });
});
