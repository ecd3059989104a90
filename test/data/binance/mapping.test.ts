// @vitest-environment node
import { describe, expect, expectTypeOf, it } from 'vitest';
import type WsWebSocket from 'ws';
import {
  AdjustMarginError,
  applyAccountUpdate,
  BinanceHttpError,
  binancePaths,
  decimalString,
  errorInSuccessBody,
  mapBinanceError,
  mapBrackets,
  mapExchangeInfo,
  mapPositionRisk,
  parseAccountUpdate,
  parseMarkPriceFrame,
  positionMarginParams,
  reconnectDelay,
  rowsBySymbol,
  type BinanceAccountSnapshot,
  type WebSocketLike,
} from '../../../src/binance';

describe('WebSocketLike', () => {
  it('is satisfied by the browser WebSocket and the ws package', () => {
    expectTypeOf<WebSocket>().toExtend<WebSocketLike>();
    expectTypeOf<WsWebSocket>().toExtend<WebSocketLike>();
  });
});

describe('decimalString', () => {
  it('keeps strings exactly and turns JSON numbers into their literal text', () => {
    expect(decimalString('0.500', 'x')).toBe('0.500');
    expect(decimalString(0.0065, 'x')).toBe('0.0065');
    expect(decimalString(20, 'x')).toBe('20');
    expect(decimalString(1e21, 'x')).toBe('1000000000000000000000');
    expect(decimalString(1e-7, 'x')).toBe('0.0000001');
    expect(() => decimalString(undefined, 'leverage')).toThrow('Binance field "leverage" is missing');
    expect(() => decimalString('abc', 'x')).toThrow(TypeError);
    // Only canonical decimals, as Binance writes them (and as the kit's snapshot checks accept).
    for (const garbled of ['Infinity', '0x10', '', ' ', '1.2.3', 'NaN', '+1', '007', '1e5', '.5', ' 1', '-']) {
      expect(() => decimalString(garbled, 'x')).toThrow('is not a decimal number');
    }
    expect(decimalString('-0.00163533', 'x')).toBe('-0.00163533');
    // Linear time on a long garbled string (no backtracking).
    const started = performance.now();
    expect(() => decimalString(`${'1'.repeat(1_000_000)}x`, 'x')).toThrow(TypeError);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('payload mappers', () => {
  it('mapBrackets: USDⓈ-M numbers, COIN-M qty tiers (qtyFloor or qtylFloor), a single-object answer, ordered by bracket', () => {
    const usdm = mapBrackets([
      {
        symbol: 'ETHUSDT',
        brackets: [
          {
            bracket: 2,
            initialLeverage: 50,
            notionalCap: 100000,
            notionalFloor: 10000,
            maintMarginRatio: 0.01,
            cum: 35.0,
          },
          { bracket: 1, initialLeverage: 75, notionalCap: 10000, notionalFloor: 0, maintMarginRatio: 0.0065, cum: 0.0 },
        ],
      },
    ]);
    expect(usdm.get('ETHUSDT')).toEqual([
      { notionalFloor: '0', notionalCap: '10000', maintMarginRatio: '0.0065', cum: '0' },
      { notionalFloor: '10000', notionalCap: '100000', maintMarginRatio: '0.01', cum: '35' },
    ]);
    const coinm = mapBrackets({
      symbol: 'BTCUSD_PERP',
      brackets: [{ bracket: 1, initialLeverage: 125, qtyCap: 50, qtylFloor: 0, maintMarginRatio: 0.004, cum: 0.0 }],
    });
    expect(coinm.get('BTCUSD_PERP')).toEqual([
      { notionalFloor: '0', notionalCap: '50', maintMarginRatio: '0.004', cum: '0' },
    ]);
    expect(mapBrackets([{ pair: 'BTCUSD', brackets: [] }]).get('BTCUSD')).toEqual([]);
  });

  it('mapExchangeInfo keeps margin asset, price precision, pair and contract size', () => {
    const info = mapExchangeInfo({
      symbols: [
        {
          symbol: 'BTCUSD_PERP',
          pair: 'BTCUSD',
          contractType: 'PERPETUAL',
          contractSize: 100,
          marginAsset: 'BTC',
          pricePrecision: 1,
        },
        { symbol: 'BTCUSDT', pair: 'BTCUSDT', baseAsset: 'BTC', marginAsset: 'USDT', pricePrecision: 2 },
      ],
    });
    expect(info.get('BTCUSD_PERP')).toEqual({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      marginAsset: 'BTC',
      pricePrecision: 1,
      contractSize: '100',
    });
    expect(info.get('BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      pair: 'BTCUSDT',
      baseAsset: 'BTC',
      marginAsset: 'USDT',
      pricePrecision: 2,
    });
  });

  it('mapPositionRisk finds brackets by pair (a /dapi/v1 answer); a symbol exchangeInfo lacks is unavailable, not fatal', () => {
    const ctx = {
      market: 'coinm' as const,
      symbols: mapExchangeInfo({
        symbols: [{ symbol: 'BTCUSD_PERP', pair: 'BTCUSD', contractSize: 100, marginAsset: 'BTC', pricePrecision: 1 }],
      }),
      brackets: mapBrackets([
        { pair: 'BTCUSD', brackets: [{ bracket: 1, qtyCap: 50, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0 }] },
      ]),
    };
    const row = {
      symbol: 'BTCUSD_PERP',
      positionAmt: '1',
      entryPrice: '1',
      markPrice: '1',
      unRealizedProfit: '0',
      leverage: 20,
      marginType: 'ISOLATED',
      isolatedMargin: '0.1',
      positionSide: 'BOTH',
    };
    const { positions, unavailable } = mapPositionRisk([row, { ...row, symbol: 'NEWUSD_PERP' }], ctx);
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({
      leverage: '20',
      marginType: 'isolated',
      contractSize: '100',
      openOrderInitialMargin: '0',
      isolatedWallet: '0.1',
    });
    expect(positions[0]!.brackets).toHaveLength(1);
    expect(unavailable).toEqual([
      { symbol: 'NEWUSD_PERP', positionSide: 'BOTH', problem: { code: 'notListed', field: 'exchangeInfo' } },
    ]);
  });

  it('the documented /dapi/v1/positionRisk row (no isolatedWallet): the wallet is isolatedMargin − unRealizedProfit', () => {
    // The row of Binance's "Position Information (USER_DATA)" example for GET /dapi/v1/positionRisk,
    // field for field, as an isolated position (marginType "isolated", isolatedMargin set).
    const documented = {
      symbol: 'BTCUSD_201225',
      positionAmt: '1',
      entryPrice: '11707.70000003',
      breakEvenPrice: '11707.80000005',
      markPrice: '11788.66626667',
      unRealizedProfit: '0.00005866',
      liquidationPrice: '11667.63509587',
      leverage: '125',
      maxQty: '50',
      marginType: 'isolated',
      isolatedMargin: '0.00105866',
      isAutoAddMargin: 'false',
      positionSide: 'BOTH',
      updateTime: 1627026881327,
    };
    const ctx = {
      market: 'coinm' as const,
      symbols: mapExchangeInfo({
        symbols: [
          { symbol: 'BTCUSD_201225', pair: 'BTCUSD', contractSize: 100, marginAsset: 'BTC', pricePrecision: 1 },
        ],
      }),
      brackets: mapBrackets([
        { pair: 'BTCUSD', brackets: [{ bracket: 1, qtyCap: 50, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0 }] },
      ]),
    };
    const { positions, unavailable } = mapPositionRisk([documented], ctx);
    expect(unavailable).toEqual([]);
    // 0.00105866 − 0.00005866 = 0.001
    expect(positions[0]).toMatchObject({ isolatedWallet: '0.001', leverage: '125', entryPrice: '11707.70000003' });
  });

  it('a row with a missing field is unavailable with the field named; a row of size 0 is dropped whatever else it holds', () => {
    const tier = { bracket: 1, notionalCap: 50000, notionalFloor: 0, maintMarginRatio: 0.004, cum: 0 };
    const ctx = {
      market: 'usdm' as const,
      symbols: mapExchangeInfo({ symbols: [{ symbol: 'BTCUSDT', marginAsset: 'USDT', pricePrecision: 2 }] }),
      brackets: mapBrackets([{ symbol: 'BTCUSDT', brackets: [tier] }]),
      symbolConfigs: rowsBySymbol([{ symbol: 'BTCUSDT', marginType: 'ISOLATED', leverage: 10 }]),
    };
    const row = {
      symbol: 'BTCUSDT',
      positionSide: 'LONG',
      positionAmt: '0.5',
      entryPrice: '60000',
      markPrice: '61000',
    };
    expect(mapPositionRisk([row], ctx).unavailable).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'LONG', problem: { code: 'missing', field: 'isolatedMargin' } },
    ]);
    expect(mapPositionRisk([{ ...row, positionAmt: '0.000', entryPrice: 'garbage' }], ctx)).toEqual({
      positions: [],
      unavailable: [],
    });
    const complete = { ...row, isolatedWallet: '1' };
    expect(mapPositionRisk([complete], ctx).positions).toHaveLength(1);
    expect(mapPositionRisk([complete], ctx).positions[0]).not.toHaveProperty('baseAsset');
    const withBase = mapExchangeInfo({
      symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', marginAsset: 'USDT', pricePrecision: 2 }],
    });
    expect(mapPositionRisk([complete], { ...ctx, symbols: withBase }).positions[0]).toMatchObject({ baseAsset: 'BTC' });
    const problemWith = (patch: Partial<typeof ctx>) => mapPositionRisk([complete], { ...ctx, ...patch }).unavailable;
    expect(problemWith({ symbolConfigs: rowsBySymbol([]) })).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'LONG', problem: { code: 'notListed', field: 'symbolConfig' } },
    ]);
    // A tier with "Infinity" for a cap: the symbol's brackets are left out, so is the position.
    const garbledTier = mapBrackets([{ symbol: 'BTCUSDT', brackets: [{ ...tier, notionalCap: 'Infinity' }] }]);
    expect(problemWith({ brackets: garbledTier })).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'LONG', problem: { code: 'notListed', field: 'leverageBracket' } },
    ]);
    expect(
      problemWith({ symbolConfigs: rowsBySymbol([{ symbol: 'BTCUSDT', marginType: 'PORTFOLIO', leverage: 10 }]) }),
    ).toEqual([{ symbol: 'BTCUSDT', positionSide: 'LONG', problem: { code: 'notOneOf', field: 'marginType' } }]);
  });

  it('parseMarkPriceFrame reads raw and combined-stream frames and ignores others', () => {
    const raw =
      '{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}';
    expect(parseMarkPriceFrame(raw)).toEqual({
      symbol: 'BTCUSDT',
      markPrice: '11794.15000000',
      eventTime: 1562305380000,
    });
    expect(parseMarkPriceFrame({ stream: 'btcusdt@markPrice@1s', data: JSON.parse(raw) })?.markPrice).toBe(
      '11794.15000000',
    );
    expect(parseMarkPriceFrame('{"result":null,"id":1}')).toBeUndefined();
    expect(parseMarkPriceFrame('not json')).toBeUndefined();
  });

  it('applyAccountUpdate merges wallets and positions, zeroes a cross wallet, flags unknown positions', () => {
    const base: BinanceAccountSnapshot = {
      unavailable: [{ symbol: 'ETHUSDT', positionSide: 'BOTH', problem: { code: 'missing', field: 'entryPrice' } }],
      updateTime: 1,
      assets: [{ asset: 'USDT', crossWalletBalance: '100' }],
      positions: [
        {
          symbol: 'BTCUSDT',
          positionSide: 'BOTH',
          marginType: 'isolated',
          contractType: 'linear',
          positionAmt: '1',
          entryPrice: '100',
          markPrice: '101',
          leverage: '10',
          isolatedWallet: '10',
          openOrderInitialMargin: '0',
          brackets: [],
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
      ],
    };
    const update = parseAccountUpdate({
      e: 'ACCOUNT_UPDATE',
      E: 5,
      T: 5,
      a: {
        m: 'MARGIN_TYPE_CHANGE',
        B: [
          { a: 'USDT', wb: '200', cw: '190', bc: '0' },
          { a: 'BNB', wb: '1', cw: '1', bc: '0' },
        ],
        P: [
          { s: 'BTCUSDT', pa: '1', ep: '100', bep: '0', cr: '0', up: '0', mt: 'cross', iw: '0.00000000', ps: 'BOTH' },
          { s: 'ETHUSDT', pa: '0', ep: '0', bep: '0', cr: '0', up: '0', mt: 'isolated', iw: '0', ps: 'BOTH' },
        ],
      },
    })!;
    const merged = applyAccountUpdate(base, update);
    expect(merged.incomplete).toBe(false);
    expect(merged.snapshot.updateTime).toBe(5);
    expect(merged.snapshot.assets).toEqual([
      { asset: 'USDT', crossWalletBalance: '190' },
      { asset: 'BNB', crossWalletBalance: '1' },
    ]);
    expect(merged.snapshot.positions[0]).toMatchObject({ marginType: 'cross', isolatedWallet: '0', markPrice: '101' });
    expect(merged.snapshot.unavailable).toEqual([]); // ETHUSDT closed (pa 0): gone, readable or not
    expect(base.positions[0]!.marginType).toBe('isolated'); // the input is not mutated
    const opened = applyAccountUpdate(base, { ...update, positions: [{ ...update.positions[0]!, symbol: 'SOLUSDT' }] });
    expect(opened.incomplete).toBe(true);
    expect(parseAccountUpdate('{"e":"ORDER_TRADE_UPDATE"}')).toBeUndefined();
  });

  it('positionMarginParams and paths', () => {
    expect(
      positionMarginParams({
        symbol: 'ETHUSDT',
        positionSide: 'LONG',
        type: 'REMOVE',
        amount: '0.10000000',
        clientRequestId: 'x',
      }),
    ).toEqual({ symbol: 'ETHUSDT', positionSide: 'LONG', amount: '0.10000000', type: '2' });
    expect(binancePaths('coinm').leverageBracket).toBe('/dapi/v2/leverageBracket');
    expect(binancePaths('usdm')).toMatchObject({
      account: '/fapi/v3/account',
      positionRisk: '/fapi/v3/positionRisk',
      symbolConfig: '/fapi/v1/symbolConfig',
    });
    expect(binancePaths('coinm')).toMatchObject({ positionRisk: '/dapi/v1/positionRisk', symbolConfig: undefined });
  });

  it('reconnectDelay doubles up to the maximum; jitter stays within [delay/2, delay]', () => {
    const o = { initialDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4, 50].map((n) => reconnectDelay(n, o))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(reconnectDelay(2, { ...o, jitter: true }, () => 0)).toBe(200);
    expect(reconnectDelay(2, { ...o, jitter: true }, () => 0.999)).toBeCloseTo(399.8);
  });
});

describe('mapBinanceError', () => {
  it.each([
    [-4049, 'notIsolated'],
    [-4050, 'insufficientCrossBalance'],
    [-4051, 'insufficientIsolatedBalance'],
    [-4054, 'noPosition'],
    [-4055, 'invalidAmount'],
    [-1111, 'invalidAmount'],
    [-1100, 'invalidAmount'],
    [-1003, 'network'],
    [-2023, 'liquidating'],
    [-1001, 'network'],
    [-1006, 'timeout'],
    [-1007, 'timeout'],
    [-4046, 'unknown'],
  ] as const)('code %i → %s (from a BinanceHttpError and from a plain {code,msg})', (code, kind) => {
    const fromClass = mapBinanceError(new BinanceHttpError(400, code, 'exchange says'));
    const fromPlain = mapBinanceError({ code, msg: 'exchange says' });
    for (const error of [fromClass, fromPlain]) {
      expect(error).toBeInstanceOf(AdjustMarginError);
      expect(error).toMatchObject({ kind, code, exchangeMessage: 'exchange says' });
      expect(error.message).toBe(`Binance code ${code}: exchange says`);
    }
  });

  it('maps transport failures', () => {
    expect(mapBinanceError(new TypeError('fetch failed')).kind).toBe('network');
    expect(mapBinanceError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind).toBe(
      'network',
    );
    expect(mapBinanceError(new DOMException('aborted', 'AbortError')).kind).toBe('timeout');
    expect(mapBinanceError(new BinanceHttpError(504)).kind).toBe('timeout');
    expect(mapBinanceError(new BinanceHttpError(429, undefined, undefined, 3)).kind).toBe('network');
    expect(mapBinanceError(new BinanceHttpError(418)).kind).toBe('network');
    expect(mapBinanceError(new BinanceHttpError(400)).kind).toBe('unknown');
    expect(mapBinanceError('weird')).toMatchObject({ kind: 'unknown', message: 'weird' });
    const same = new AdjustMarginError('noPosition', 'x');
    expect(mapBinanceError(same)).toBe(same);
  });

  it('errorInSuccessBody treats a negative code in a 200 answer as an error', () => {
    expect(
      errorInSuccessBody({ amount: 100.0, code: 200, msg: 'Successfully modify position margin.', type: 1 }),
    ).toBeUndefined();
    expect(errorInSuccessBody({ code: -4051, msg: 'Isolated balance insufficient.' })).toEqual({
      code: -4051,
      msg: 'Isolated balance insufficient.',
    });
  });
});
