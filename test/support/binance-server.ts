/**
 * A small Binance-Futures-compatible server for adapter tests: real HTTP and WebSocket on
 * 127.0.0.1 (free port). It follows Binance's public docs:
 *
 * - REST: USDⓈ-M `/fapi/v3/account`, `/fapi/v3/positionRisk` (only symbols with a position or open
 *   orders; no `leverage`/`marginType`), `/fapi/v1/symbolConfig`, `/fapi/v1/leverageBracket`,
 *   `/fapi/v1/exchangeInfo`, `POST /fapi/v1/positionMargin`, `POST|PUT /fapi/v1/listenKey`; COIN-M
 *   `/dapi/v1/account`, `/dapi/v1/positionRisk` (the documented row: `isolatedMargin` and
 *   `unRealizedProfit`, no `isolatedWallet`), `/dapi/v2/leverageBracket`, `/dapi/v1/exchangeInfo`,
 *   `POST /dapi/v1/positionMargin`, `POST|PUT /dapi/v1/listenKey`; and the wallet host's
 *   `POST /sapi/v1/asset/transfer` (out of the futures wallet). With `credentials`, signed
 *   endpoints check `X-MBX-APIKEY`, `timestamp`/`recvWindow` and the HMAC-SHA256 `signature`.
 * - Streams, routed as in Binance's WebSocket change notice (2026-03-06): USDⓈ-M mark prices on
 *   `/market/ws`, user data on `/private/ws?listenKey=…&events=…` (only the events named), `/public/ws`
 *   serving no mark price, the legacy `/ws` closed; COIN-M `/ws` and `/ws/<listenKey>`.
 * - `SUBSCRIBE` / `UNSUBSCRIBE` / `LIST_SUBSCRIPTIONS` answered with `{"result":…,"id":…}`; at most
 *   1024 streams per connection; a connection sending more than 10 messages in a second is closed.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { Dec } from '../../src/core/decimal';
import { BinanceHttpError } from '../../src/data/binance/errors';
import type { BinanceRequest } from '../../src/data/binance/options';

export type ServerMarket = 'usdm' | 'coinm';

/** One position of the simulated account (both sides of a hedge-mode symbol are two entries). */
export interface ServerPosition {
  symbol: string;
  positionSide: 'BOTH' | 'LONG' | 'SHORT';
  positionAmt: string;
  entryPrice: string;
  markPrice: string;
  /** The symbol's leverage: a string in `/dapi/v1/positionRisk`, a number in `/fapi/v1/symbolConfig`. */
  leverage: string | number;
  marginType: 'isolated' | 'cross';
  isolatedWallet: string;
  /** Unrealized PnL as served; `isolatedMargin` is served as `isolatedWallet + unRealizedProfit`. */
  unRealizedProfit: string;
  openOrderInitialMargin: string;
  /** The simple removal limit the server enforces (-4051 above it). */
  maxRemove: string;
}

/** One margin asset of the simulated account. */
export interface ServerAsset {
  asset: string;
  walletBalance: string;
  crossWalletBalance: string;
  /** The simple add limit the server enforces (-4050 above it); default the cross wallet balance. */
  maxAdd?: string;
  /**
   * The account endpoint's `maxWithdrawAmount`, and the limit of `POST /sapi/v1/asset/transfer`
   * (-5002 above it); default the cross wallet balance. A test sets it to the figure Binance's
   * formula gives for the state, derived by hand.
   */
  maxWithdrawAmount?: string;
}

/** The in-memory account and market data a server serves. */
export interface ServerState {
  market: ServerMarket;
  assets: ServerAsset[];
  positions: ServerPosition[];
  /** exchangeInfo `symbols[]`, served as is. */
  symbols: Record<string, unknown>[];
  /** leverageBracket response, served as is. */
  brackets: Record<string, unknown>[];
  /** When true, `positionMargin` answers -2023. */
  liquidating: boolean;
}

/** A request the server received; `params` merges the query string and a form body. */
export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  /** The raw body (empty for GET). */
  body: string;
  /** The `X-MBX-APIKEY` header, if sent. */
  apiKey: string | undefined;
}

/** A forced answer for the next request to a path. */
export interface ForcedAnswer {
  status: number;
  /** The JSON body; a string is sent as is (e.g. an HTML 502 page). */
  body: unknown;
  /** Extra headers, e.g. `{ 'retry-after': '2' }`. */
  headers?: Record<string, string>;
}

/** A user-data event: its type `e` and its fields. */
export interface UserEvent {
  e: string;
  [field: string]: unknown;
}

/** A frame a market socket sent, with the path it was connected to. */
export interface RecordedFrame {
  path: string;
  method: string;
  params: string[];
  /** Milliseconds since the server started. */
  at: number;
}

/** A running server. */
export interface BinanceTestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>`: the stream root (`/market/ws`, `/private/ws`… below it). */
  streamBaseUrl: string;
  listenKey: string;
  state: ServerState;
  /** Every HTTP request, in arrival order. */
  requests: RecordedRequest[];
  /** Every market-socket request frame (`SUBSCRIBE`…), in arrival order. */
  wsRequests: RecordedFrame[];
  /** Market-stream connections accepted so far. */
  marketConnectionsTotal(): number;
  /** Market-stream connections open now. */
  openMarketSockets(): number;
  /** User-stream connections open now. */
  openUserSockets(): number;
  /** Connections closed for sending more than 10 messages in a second. */
  rateDrops(): number;
  /** Sends a `markPriceUpdate` to every market socket whose streams carry the symbol; returns how many. */
  pushMark(symbol: string, price: string, eventTime?: number): number;
  /** Sends a raw frame to every user-stream socket that asked for its event type. */
  pushUser(event: UserEvent): void;
  /** Sets a position's amount to 0 and pushes the `ACCOUNT_UPDATE` (closed / liquidated). */
  closePosition(symbol: string, positionSide?: ServerPosition['positionSide']): void;
  /** Terminates every WebSocket connection (market and user) without a close handshake. */
  dropSockets(): void;
  /** Answers the next request to `path` with `answer` instead of handling it. */
  failNext(path: string, answer: ForcedAnswer): void;
  /** Delays the answer to the next request to `path`. */
  delayNext(path: string, ms: number): void;
  /** Resolves once `predicate()` holds (polled every 5 ms), rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves once some open market socket is subscribed to `stream`. */
  waitForSubscription(stream: string, timeoutMs?: number): Promise<void>;
  /** Stops the server and every connection. */
  close(): Promise<void>;
}

/** API credentials a server checks signed requests against. */
export interface ServerCredentials {
  apiKey: string;
  secretKey: string;
}

const ZERO = '0.00000000';

function position(
  fields: Omit<ServerPosition, 'unRealizedProfit' | 'openOrderInitialMargin' | 'maxRemove'> &
    Partial<Pick<ServerPosition, 'unRealizedProfit' | 'openOrderInitialMargin' | 'maxRemove'>>,
): ServerPosition {
  return { unRealizedProfit: ZERO, openOrderInitialMargin: '0', maxRemove: '0', ...fields };
}

/**
 * The USDⓈ-M account: isolated long BTCUSDT, hedge-mode ETHUSDT LONG + SHORT (and its `BOTH` row of
 * size 0), cross SOLUSDT short, an XRPUSDT position of size 0.
 */
export function usdmState(): ServerState {
  const tiers = (rows: [number, number, number, number, number, number][]) =>
    rows.map(([bracket, initialLeverage, notionalFloor, notionalCap, maintMarginRatio, cum]) => ({
      bracket,
      initialLeverage,
      notionalCap,
      notionalFloor,
      maintMarginRatio,
      cum,
    }));
  return {
    market: 'usdm',
    liquidating: false,
    assets: [
      { asset: 'USDT', walletBalance: '12000.00000000', crossWalletBalance: '8765.43210987' },
      { asset: 'USDC', walletBalance: '500.00000000', crossWalletBalance: '500.00000000' },
    ],
    positions: [
      position({
        symbol: 'BTCUSDT',
        positionSide: 'BOTH',
        positionAmt: '0.500',
        entryPrice: '60000.10',
        markPrice: '61000.00000000',
        leverage: 10,
        marginType: 'isolated',
        isolatedWallet: '3050.12345678',
        unRealizedProfit: '499.95000000',
        openOrderInitialMargin: '12.34000000',
        maxRemove: '1000',
      }),
      position({
        symbol: 'ETHUSDT',
        positionSide: 'LONG',
        positionAmt: '2.000',
        entryPrice: '3000.00',
        markPrice: '3050.50000000',
        leverage: 20,
        marginType: 'isolated',
        isolatedWallet: '300.00000000',
        maxRemove: '50',
      }),
      position({
        symbol: 'ETHUSDT',
        positionSide: 'SHORT',
        positionAmt: '-1.500',
        entryPrice: '3100.00',
        markPrice: '3050.50000000',
        leverage: 20,
        marginType: 'isolated',
        isolatedWallet: '232.50000000',
        openOrderInitialMargin: '5.00000000',
        maxRemove: '100',
      }),
      position({
        symbol: 'SOLUSDT',
        positionSide: 'BOTH',
        positionAmt: '-10',
        entryPrice: '150.0000',
        markPrice: '148.12340000',
        leverage: 5,
        marginType: 'cross',
        isolatedWallet: '0',
      }),
      position({
        symbol: 'XRPUSDT',
        positionSide: 'BOTH',
        positionAmt: '0.0',
        entryPrice: '0.0',
        markPrice: '0.52000000',
        leverage: 20,
        marginType: 'isolated',
        isolatedWallet: '0',
      }),
      // Hedge mode: Binance lists the symbol's BOTH row too, with size 0.
      position({
        symbol: 'ETHUSDT',
        positionSide: 'BOTH',
        positionAmt: '0.000',
        entryPrice: '0.0',
        markPrice: '3050.50000000',
        leverage: 20,
        marginType: 'isolated',
        isolatedWallet: '0',
      }),
    ],
    symbols: [
      linear('BTCUSDT', 'BTC', 2),
      linear('ETHUSDT', 'ETH', 2),
      linear('SOLUSDT', 'SOL', 4),
      linear('XRPUSDT', 'XRP', 4),
    ],
    brackets: [
      {
        symbol: 'BTCUSDT',
        brackets: tiers([
          [1, 125, 0, 50000, 0.004, 0],
          [2, 100, 50000, 250000, 0.005, 50],
          [3, 50, 250000, 3000000, 0.01, 1300],
        ]),
      },
      {
        symbol: 'ETHUSDT',
        notionalCoef: 1.5,
        brackets: tiers([
          [1, 75, 0, 10000, 0.0065, 0],
          [2, 50, 10000, 100000, 0.01, 35],
        ]),
      },
      {
        symbol: 'SOLUSDT',
        brackets: tiers([
          [1, 50, 0, 5000, 0.01, 0],
          [2, 25, 5000, 1e21, 0.025, 75],
        ]),
      },
      { symbol: 'XRPUSDT', brackets: tiers([[1, 75, 0, 10000, 0.005, 0]]) },
    ],
  };
}

/** The COIN-M account: isolated long BTCUSD_PERP, isolated short ETHUSD_PERP, cross BTCUSD_250926. */
export function coinmState(): ServerState {
  return {
    market: 'coinm',
    liquidating: false,
    assets: [
      { asset: 'BTC', walletBalance: '1.50000000', crossWalletBalance: '1.23456789' },
      { asset: 'ETH', walletBalance: '11.00000000', crossWalletBalance: '10.50000000' },
    ],
    positions: [
      position({
        symbol: 'BTCUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '12',
        entryPrice: '60000.5',
        markPrice: '61000.10000000',
        leverage: '20',
        marginType: 'isolated',
        isolatedWallet: '0.01234567',
        unRealizedProfit: '0.00032777',
        maxRemove: '0.005',
      }),
      position({
        symbol: 'ETHUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '-30',
        entryPrice: '3000.12',
        markPrice: '3050.00000000',
        leverage: '10',
        marginType: 'isolated',
        isolatedWallet: '0.50000000',
        unRealizedProfit: '-0.00163533',
        openOrderInitialMargin: '0.00100000',
        maxRemove: '0.2',
      }),
      position({
        symbol: 'BTCUSD_250926',
        positionSide: 'BOTH',
        positionAmt: '3',
        entryPrice: '62000.0',
        markPrice: '61500.00000000',
        leverage: '5',
        marginType: 'cross',
        isolatedWallet: '0',
        unRealizedProfit: '-0.00003934',
      }),
    ],
    symbols: [
      inverse('BTCUSD_PERP', 'BTCUSD', 'PERPETUAL', 'BTC', 100, 1),
      inverse('ETHUSD_PERP', 'ETHUSD', 'PERPETUAL', 'ETH', 10, 2),
      inverse('BTCUSD_250926', 'BTCUSD', 'CURRENT_QUARTER', 'BTC', 100, 1),
    ],
    brackets: [
      {
        symbol: 'BTCUSD_PERP',
        brackets: [
          { bracket: 1, initialLeverage: 125, qtyCap: 5, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
          { bracket: 2, initialLeverage: 100, qtyCap: 10, qtyFloor: 5, maintMarginRatio: 0.005, cum: 0.005 },
        ],
      },
      {
        // The docs' example spells the floor `qtylFloor`.
        symbol: 'ETHUSD_PERP',
        brackets: [{ bracket: 1, initialLeverage: 75, qtyCap: 1500, qtylFloor: 0, maintMarginRatio: 0.0065, cum: 0 }],
      },
      {
        symbol: 'BTCUSD_250926',
        brackets: [{ bracket: 1, initialLeverage: 125, qtyCap: 5, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0 }],
      },
    ],
  };
}

function linear(symbol: string, base: string, pricePrecision: number): Record<string, unknown> {
  return {
    symbol,
    pair: symbol,
    contractType: 'PERPETUAL',
    deliveryDate: 4133404800000,
    onboardDate: 1569398400000,
    status: 'TRADING',
    baseAsset: base,
    quoteAsset: 'USDT',
    marginAsset: 'USDT',
    pricePrecision,
    quantityPrecision: 3,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: 'COIN',
    filters: [],
    orderTypes: ['LIMIT', 'MARKET'],
    timeInForce: ['GTC'],
  };
}

function inverse(
  symbol: string,
  pair: string,
  contractType: string,
  marginAsset: string,
  contractSize: number,
  pricePrecision: number,
): Record<string, unknown> {
  return {
    symbol,
    pair,
    contractType,
    deliveryDate: 4133404800000,
    onboardDate: 1597042800000,
    contractStatus: 'TRADING',
    contractSize,
    marginAsset,
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    baseAsset: marginAsset,
    quoteAsset: 'USD',
    pricePrecision,
    quantityPrecision: 0,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    equalQtyPrecision: 4,
    filters: [],
    orderTypes: ['LIMIT', 'MARKET'],
    timeInForce: ['GTC'],
  };
}

const OK_MSG = 'Successfully modify position margin.';

/** Binance's limit of incoming messages per second per connection. */
const MAX_MESSAGES_PER_SECOND = 10;
/** Binance's limit of streams per connection. */
const MAX_STREAMS = 1024;

function fail(status: number, code: number, msg: string): ForcedAnswer {
  return { status, body: { code, msg } };
}

const isZero = (value: string) => new Dec(value).isZero();

/** Starts a server on 127.0.0.1, port 0. */
export async function startBinanceServer(
  options: { market?: ServerMarket; state?: ServerState; credentials?: ServerCredentials } = {},
): Promise<BinanceTestServer> {
  const state = options.state ?? (options.market === 'coinm' ? coinmState() : usdmState());
  const usdm = state.market === 'usdm';
  const prefix = usdm ? '/fapi' : '/dapi';
  const listenKey = 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1';
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const wsRequests: RecordedFrame[] = [];
  const forced = new Map<string, ForcedAnswer[]>();
  const delays = new Map<string, number[]>();
  const marketSockets = new Map<WebSocket, Set<string>>();
  /** User sockets and the events each asked for (`null`: every event, COIN-M's `/ws/<listenKey>`). */
  const userSockets = new Map<WebSocket, Set<string> | null>();
  let marketTotal = 0;
  let drops = 0;
  let transfers = 0;

  const positionsOf = () => state.positions;
  const find = (symbol: string, side: string) =>
    positionsOf().find((p) => p.symbol === symbol && p.positionSide === side);
  const assetOf = (symbol: string): ServerAsset => {
    const info = state.symbols.find((s) => s.symbol === symbol);
    const asset = state.assets.find((a) => a.asset === info?.marginAsset);
    if (!asset) throw new Error(`no margin asset for ${symbol}`);
    return asset;
  };
  const isolatedMargin = (p: ServerPosition) => new Dec(p.isolatedWallet).plus(p.unRealizedProfit).toFixed(8);
  /** `/fapi/v3/*` list only the symbols with a position or open orders. */
  const v3Positions = () => {
    const active = new Set(
      positionsOf()
        .filter((p) => !isZero(p.positionAmt) || !isZero(p.openOrderInitialMargin))
        .map((p) => p.symbol),
    );
    return positionsOf().filter((p) => active.has(p.symbol));
  };

  function assetRows(): unknown[] {
    return state.assets.map((a) => ({
      asset: a.asset,
      walletBalance: a.walletBalance,
      unrealizedProfit: ZERO,
      marginBalance: a.walletBalance,
      maintMargin: ZERO,
      initialMargin: ZERO,
      positionInitialMargin: ZERO,
      openOrderInitialMargin: ZERO,
      crossWalletBalance: a.crossWalletBalance,
      crossUnPnl: ZERO,
      availableBalance: a.crossWalletBalance,
      maxWithdrawAmount: a.maxWithdrawAmount ?? a.crossWalletBalance,
      ...(usdm ? { marginAvailable: true } : {}),
      updateTime: 0,
    }));
  }

  /** `GET /fapi/v3/account` (no config fields) or `GET /dapi/v1/account`. */
  function accountBody(): unknown {
    if (usdm) {
      return {
        totalWalletBalance: state.assets[0]?.walletBalance ?? '0',
        assets: assetRows(),
        positions: v3Positions().map((p) => ({
          symbol: p.symbol,
          positionSide: p.positionSide,
          positionAmt: p.positionAmt,
          unrealizedProfit: p.unRealizedProfit,
          isolatedMargin: isolatedMargin(p),
          notional: '0',
          isolatedWallet: p.isolatedWallet,
          initialMargin: '0',
          maintMargin: '0',
          updateTime: 0,
        })),
      };
    }
    return {
      assets: assetRows(),
      positions: positionsOf().map((p) => ({
        symbol: p.symbol,
        positionAmt: p.positionAmt,
        initialMargin: '0',
        maintMargin: '0',
        unrealizedProfit: p.unRealizedProfit,
        positionInitialMargin: '0',
        openOrderInitialMargin: p.openOrderInitialMargin,
        leverage: String(p.leverage),
        isolated: p.marginType === 'isolated',
        positionSide: p.positionSide,
        entryPrice: p.entryPrice,
        breakEvenPrice: '0.0',
        maxQty: '100',
        updateTime: 0,
      })),
    };
  }

  /** `GET /fapi/v3/positionRisk` or `GET /dapi/v1/positionRisk`, field for field as documented. */
  function positionRiskBody(): unknown {
    if (usdm) {
      return v3Positions().map((p) => ({
        symbol: p.symbol,
        positionSide: p.positionSide,
        positionAmt: p.positionAmt,
        entryPrice: p.entryPrice,
        breakEvenPrice: '0.0',
        markPrice: p.markPrice,
        unRealizedProfit: p.unRealizedProfit,
        liquidationPrice: '0',
        isolatedMargin: p.marginType === 'isolated' ? isolatedMargin(p) : '0',
        notional: '0',
        marginAsset: state.symbols.find((s) => s.symbol === p.symbol)?.marginAsset ?? state.assets[0]?.asset,
        isolatedWallet: p.isolatedWallet,
        initialMargin: '0',
        maintMargin: '0',
        positionInitialMargin: '0',
        openOrderInitialMargin: p.openOrderInitialMargin,
        adl: 0,
        bidNotional: '0',
        askNotional: '0',
        updateTime: 0,
      }));
    }
    return positionsOf().map((p) => ({
      symbol: p.symbol,
      positionAmt: p.positionAmt,
      entryPrice: p.entryPrice,
      breakEvenPrice: '0.0',
      markPrice: p.markPrice,
      unRealizedProfit: p.unRealizedProfit,
      liquidationPrice: '0',
      leverage: String(p.leverage),
      maxQty: '100',
      marginType: p.marginType,
      isolatedMargin: p.marginType === 'isolated' ? isolatedMargin(p) : ZERO,
      isAutoAddMargin: 'false',
      positionSide: p.positionSide,
      updateTime: 0,
    }));
  }

  /** `GET /fapi/v1/symbolConfig`: one row per symbol, `marginType` "ISOLATED"/"CROSSED", `leverage` a number. */
  function symbolConfigBody(): unknown {
    const seen = new Map<string, ServerPosition>();
    for (const p of positionsOf()) if (!seen.has(p.symbol)) seen.set(p.symbol, p);
    return [...seen.values()].map((p) => ({
      symbol: p.symbol,
      marginType: p.marginType === 'isolated' ? 'ISOLATED' : 'CROSSED',
      isAutoAddMargin: false,
      leverage: Number(p.leverage),
      maxNotionalValue: '1000000',
    }));
  }

  function accountUpdate(reason: string, p: ServerPosition, asset: ServerAsset): UserEvent {
    const now = Date.now();
    return {
      e: 'ACCOUNT_UPDATE',
      E: now,
      T: now,
      a: {
        m: reason,
        B: [{ a: asset.asset, wb: asset.walletBalance, cw: asset.crossWalletBalance, bc: '0' }],
        P: [
          {
            s: p.symbol,
            pa: p.positionAmt,
            ep: p.entryPrice,
            bep: '0',
            cr: '0',
            up: p.unRealizedProfit,
            mt: p.marginType,
            iw: p.isolatedWallet,
            ps: p.positionSide,
          },
        ],
      },
    };
  }

  function positionMargin(params: Record<string, string>): ForcedAnswer {
    if (state.liquidating) return fail(400, -2023, 'User in liquidation mode now.');
    for (const name of ['symbol', 'amount', 'type']) {
      if (!params[name])
        return fail(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
    }
    const { symbol, amount, type } = params as { symbol: string; amount: string; type: string };
    if (type !== '1' && type !== '2') return fail(400, -1130, "Data sent for parameter 'type' is not valid.");
    if (!/^-?\d+(\.\d+)?$/.test(amount)) return fail(400, -1130, "Data sent for parameter 'amount' is not valid.");
    if ((amount.split('.')[1] ?? '').length > 8)
      return fail(400, -1111, 'Precision is over the maximum defined for this asset.');
    const value = new Dec(amount);
    if (value.lte(0)) return fail(400, -4055, 'Amount must be positive.');
    const side = params.positionSide ?? 'BOTH';
    const hedge = positionsOf().some((p) => p.symbol === symbol && p.positionSide !== 'BOTH');
    const target = hedge && side === 'BOTH' ? undefined : find(symbol, side);
    if (!target || isZero(target.positionAmt)) return fail(400, -4054, 'Cannot add position margin: position is 0.');
    if (target.marginType !== 'isolated') return fail(400, -4049, 'Add margin only support for isolated position.');
    const asset = assetOf(symbol);
    if (type === '1') {
      if (value.gt(asset.maxAdd ?? asset.crossWalletBalance)) return fail(400, -4050, 'Cross balance insufficient.');
      target.isolatedWallet = new Dec(target.isolatedWallet).plus(value).toFixed(8);
      asset.crossWalletBalance = new Dec(asset.crossWalletBalance).minus(value).toFixed(8);
    } else {
      if (value.gt(target.maxRemove)) return fail(400, -4051, 'Isolated balance insufficient.');
      target.isolatedWallet = new Dec(target.isolatedWallet).minus(value).toFixed(8);
      target.maxRemove = new Dec(target.maxRemove).minus(value).toFixed(8);
      asset.crossWalletBalance = new Dec(asset.crossWalletBalance).plus(value).toFixed(8);
    }
    const event = accountUpdate('MARGIN_TRANSFER', target, asset);
    setTimeout(() => pushUser(event), 5); // after the HTTP answer, as on Binance
    return { status: 200, body: { amount: Number(amount), code: 200, msg: OK_MSG, type: Number(type) } };
  }

  /**
   * `POST /sapi/v1/asset/transfer` (the wallet host's User Universal Transfer), out of this market's
   * futures wallet only: `type` UMFUTURE_MAIN (USDⓈ-M) or CMFUTURE_MAIN (COIN-M), an amount of at most
   * 8 decimals and at most the asset's `maxWithdrawAmount` (-5002 "You have insufficient balance.").
   * Answers `{"tranId":…}`.
   */
  function assetTransfer(params: Record<string, string>): ForcedAnswer {
    for (const name of ['type', 'asset', 'amount']) {
      if (!params[name])
        return fail(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
    }
    if (params.type !== (usdm ? 'UMFUTURE_MAIN' : 'CMFUTURE_MAIN'))
      return fail(400, -1100, "Illegal characters found in parameter 'type'.");
    const amount = params.amount!;
    if (!/^\d+(\.\d{1,8})?$/.test(amount))
      return fail(400, -1111, 'Precision is over the maximum defined for this asset.');
    const asset = state.assets.find((a) => a.asset === params.asset);
    const value = new Dec(amount);
    if (value.lte(0)) return fail(400, -5007, 'Quantity must be greater than zero.');
    if (!asset || value.gt(asset.maxWithdrawAmount ?? asset.crossWalletBalance))
      return fail(400, -5002, 'You have insufficient balance.');
    asset.crossWalletBalance = new Dec(asset.crossWalletBalance).minus(value).toFixed(8);
    asset.walletBalance = new Dec(asset.walletBalance).minus(value).toFixed(8);
    if (asset.maxWithdrawAmount !== undefined)
      asset.maxWithdrawAmount = new Dec(asset.maxWithdrawAmount).minus(value).toFixed(8);
    transfers += 1;
    return { status: 200, body: { tranId: 13526853623 + transfers } };
  }

  /** Which security an endpoint has: public, API key only (USER_STREAM), or signed (USER_DATA/TRADE). */
  function security(rest: string): 'none' | 'key' | 'signed' {
    if (rest === '/v1/exchangeInfo') return 'none';
    if (rest === '/v1/listenKey') return 'key';
    return 'signed';
  }

  /** Checks `X-MBX-APIKEY` and, for a signed endpoint, `timestamp` and the HMAC-SHA256 `signature`. */
  function authenticate(
    req: IncomingMessage,
    rawQuery: string,
    body: string,
    level: 'key' | 'signed',
  ): ForcedAnswer | undefined {
    const credentials = options.credentials;
    if (!credentials) return undefined;
    if (req.headers['x-mbx-apikey'] !== credentials.apiKey)
      return fail(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    if (level === 'key') return undefined;
    const totalParams = rawQuery + body;
    const match = /(^|&)signature=([0-9a-fA-F]+)$/.exec(totalParams);
    if (!match) return fail(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    const signed = totalParams.slice(0, match.index);
    const expected = createHmac('sha256', credentials.secretKey).update(signed).digest('hex');
    if (expected !== match[2]) return fail(400, -1022, 'Signature for this request is not valid.');
    const params = new URLSearchParams(signed);
    const timestamp = Number(params.get('timestamp'));
    const recvWindow = Number(params.get('recvWindow') ?? '5000');
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > recvWindow)
      return fail(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
    return undefined;
  }

  function route(method: string, path: string, params: Record<string, string>): ForcedAnswer {
    if (method === 'POST' && path === '/sapi/v1/asset/transfer') return assetTransfer(params);
    if (!path.startsWith(`${prefix}/`)) return fail(404, -5000, 'Path not found');
    const rest = path.slice(prefix.length);
    const account = usdm ? '/v3/account' : '/v1/account';
    const risk = usdm ? '/v3/positionRisk' : '/v1/positionRisk';
    const brackets = usdm ? '/v1/leverageBracket' : '/v2/leverageBracket';
    if (method === 'GET' && rest === account) return { status: 200, body: accountBody() };
    if (method === 'GET' && rest === risk) return { status: 200, body: positionRiskBody() };
    if (method === 'GET' && usdm && rest === '/v1/symbolConfig') return { status: 200, body: symbolConfigBody() };
    if (method === 'GET' && rest === brackets) {
      const one = params.symbol ? state.brackets.find((b) => b.symbol === params.symbol) : undefined;
      return { status: 200, body: one ?? state.brackets };
    }
    if (method === 'GET' && rest === '/v1/exchangeInfo') {
      const assets = state.assets.map((a) => ({ asset: a.asset, marginAvailable: true, autoAssetExchange: '-10000' }));
      return {
        status: 200,
        body: {
          timezone: 'UTC',
          serverTime: Date.now(),
          rateLimits: [],
          exchangeFilters: [],
          assets,
          symbols: state.symbols,
        },
      };
    }
    if (method === 'POST' && rest === '/v1/positionMargin') return positionMargin(params);
    if ((method === 'POST' || method === 'PUT') && rest === '/v1/listenKey')
      return { status: 200, body: { listenKey } };
    return fail(404, -5000, 'Path not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    const form = body && (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
    if (form) Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    const method = req.method ?? 'GET';
    const apiKey = req.headers['x-mbx-apikey'];
    requests.push({
      method,
      path: url.pathname,
      params,
      body,
      apiKey: typeof apiKey === 'string' ? apiKey : undefined,
    });
    const delay = delays.get(url.pathname)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const level = security(url.pathname.slice(prefix.length));
    const answer =
      forced.get(url.pathname)?.shift() ??
      (level === 'none' ? undefined : authenticate(req, url.search.slice(1), form ? body : '', level)) ??
      route(method, url.pathname, params);
    if (res.destroyed) return;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
      ...answer.headers,
    });
    res.end(text);
  }

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ server: http });

  /** The streams a path serves: mark prices on `/market/ws` (USDⓈ-M) and `/ws` (COIN-M), none on `/public/ws`. */
  function servesMarkPrices(path: string): boolean {
    return usdm ? path === '/market/ws' : path === '/ws';
  }

  function acceptUser(socket: WebSocket, events: Set<string> | null): void {
    userSockets.set(socket, events);
    socket.on('close', () => userSockets.delete(socket));
  }

  function acceptMarket(socket: WebSocket, path: string): void {
    marketTotal += 1;
    const streams = new Set<string>();
    const received: number[] = [];
    marketSockets.set(socket, streams);
    socket.on('close', () => marketSockets.delete(socket));
    socket.on('message', (raw) => {
      const now = Date.now();
      received.push(now);
      while (received.length > 0 && now - received[0]! >= 1000) received.shift();
      if (received.length > MAX_MESSAGES_PER_SECOND) {
        drops += 1;
        marketSockets.delete(socket);
        socket.close(1008, 'Too many requests');
        return;
      }
      let frame: { method?: string; params?: string[]; id?: unknown };
      try {
        frame = JSON.parse(String(raw)) as typeof frame;
      } catch {
        return;
      }
      const method = frame.method ?? '';
      const params = frame.params ?? [];
      wsRequests.push({ path, method, params, at: now - started });
      const id = frame.id ?? null;
      if (method === 'SUBSCRIBE') {
        const refused = params.find((s) => s.includes('@markPrice') && !servesMarkPrices(path));
        if (refused) {
          socket.send(JSON.stringify({ code: 2, msg: `Invalid request: ${refused} is not served on ${path}`, id }));
          return;
        }
        if (new Set([...streams, ...params]).size > MAX_STREAMS) {
          socket.send(JSON.stringify({ code: 2, msg: `Invalid request: over ${MAX_STREAMS} streams`, id }));
          return;
        }
        for (const s of params) streams.add(s);
      }
      if (method === 'UNSUBSCRIBE') for (const s of params) streams.delete(s);
      const result = method === 'LIST_SUBSCRIPTIONS' ? [...streams] : null;
      socket.send(JSON.stringify({ result, id }));
    });
  }

  wss.on('connection', (socket, req) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (usdm && path === '/private/ws') {
      if (url.searchParams.get('listenKey') !== listenKey) {
        socket.close(1008, 'invalid listenKey');
        return;
      }
      acceptUser(socket, new Set((url.searchParams.get('events') ?? '').split('/').filter(Boolean)));
      return;
    }
    if (!usdm && path === `/ws/${listenKey}`) {
      acceptUser(socket, null);
      return;
    }
    if (path === '/market/ws' || path === '/public/ws' || (!usdm && path === '/ws')) {
      acceptMarket(socket, path);
      return;
    }
    socket.close(1008, usdm && path.startsWith('/ws') ? 'legacy URL retired' : 'unknown stream');
  });

  function pushUser(event: UserEvent): void {
    const text = JSON.stringify(event);
    for (const [socket, events] of userSockets) {
      const wanted = events === null || events.has(event.e) || event.e === 'listenKeyExpired';
      if (wanted && socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  function waitFor(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    return new Promise((resolve, reject) => {
      const since = Date.now();
      const poll = (): void => {
        if (predicate()) resolve();
        else if (Date.now() - since > timeoutMs) reject(new Error('waitFor: condition not met in time'));
        else setTimeout(poll, 5);
      };
      poll();
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    streamBaseUrl: `ws://127.0.0.1:${port}`,
    listenKey,
    state,
    requests,
    wsRequests,
    marketConnectionsTotal: () => marketTotal,
    openMarketSockets: () => marketSockets.size,
    openUserSockets: () => userSockets.size,
    rateDrops: () => drops,
    pushMark(symbol, price, eventTime = Date.now()) {
      const event = {
        e: 'markPriceUpdate',
        E: eventTime,
        s: symbol,
        p: price,
        i: price,
        P: price,
        r: '0.00010000',
        T: eventTime + 3_600_000,
      };
      const own = `${symbol.toLowerCase()}@markPrice@1s`;
      const pair = `${symbol.split('_')[0]!.toLowerCase()}@markPrice@1s`;
      let sent = 0;
      for (const [socket, streams] of marketSockets) {
        if (socket.readyState !== socket.OPEN) continue;
        if (streams.has(own)) socket.send(JSON.stringify(event));
        else if (usdm && streams.has('!markPrice@arr@1s')) socket.send(JSON.stringify([event]));
        else if (!usdm && streams.has(pair)) socket.send(JSON.stringify([event]));
        else continue;
        sent += 1;
      }
      return sent;
    },
    pushUser,
    closePosition(symbol, positionSide = 'BOTH') {
      const target = find(symbol, positionSide);
      if (!target) throw new Error(`no position ${symbol} ${positionSide}`);
      target.positionAmt = '0';
      target.entryPrice = '0.0';
      target.isolatedWallet = '0';
      target.unRealizedProfit = ZERO;
      pushUser(accountUpdate('ORDER', target, assetOf(symbol)));
    },
    dropSockets() {
      const sockets = [...marketSockets.keys(), ...userSockets.keys()];
      marketSockets.clear(); // forgotten at once, not when their 'close' event comes
      userSockets.clear();
      for (const socket of sockets) socket.terminate();
    },
    failNext(path, answer) {
      forced.set(path, [...(forced.get(path) ?? []), answer]);
    },
    delayNext(path, ms) {
      delays.set(path, [...(delays.get(path) ?? []), ms]);
    },
    waitFor,
    waitForSubscription(stream, timeoutMs) {
      return waitFor(
        () => [...marketSockets].some(([socket, streams]) => socket.readyState === socket.OPEN && streams.has(stream)),
        timeoutMs,
      );
    },
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * A tiny real HTTP client, as an app's signed-request function would be (minus the signing): GET
 * params in the query string, POST params as a form body (or in the query string with
 * `postAs: 'query'`; Binance accepts both). It adds a `timestamp` param like a signer. A non-2xx
 * answer throws a {@link BinanceHttpError} with Binance's `{code,msg}` and `Retry-After`; a network
 * failure rejects with fetch's `TypeError`.
 */
export function createHttpRequest(baseUrl: string, options: { postAs?: 'form' | 'query' } = {}): BinanceRequest {
  return async (method, path, params) => {
    const form = new URLSearchParams({ ...params, timestamp: String(Date.now()) }).toString();
    const response =
      method === 'GET' || options.postAs === 'query'
        ? await fetch(`${baseUrl}${path}?${form}`, { method })
        : await fetch(`${baseUrl}${path}`, {
            method,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form,
          });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const err = (body ?? {}) as { code?: unknown; msg?: unknown };
      const retryAfter = response.headers.get('retry-after');
      throw new BinanceHttpError(
        response.status,
        typeof err.code === 'number' ? err.code : undefined,
        typeof err.msg === 'string' ? err.msg : undefined,
        retryAfter === null ? undefined : Number(retryAfter),
      );
    }
    return body;
  };
}
