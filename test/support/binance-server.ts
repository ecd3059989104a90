/**
 * A small Binance-Futures-compatible server for adapter tests: real HTTP and WebSocket on
 * 127.0.0.1 (free port). It serves the REST payload shapes the Binance docs give, from an in-memory
 * state, validates `positionMargin` like Binance, streams `markPriceUpdate` frames on demand, and
 * pushes `ACCOUNT_UPDATE` on the user stream after an accepted adjustment.
 *
 * Market stream: `ws://…/ws`, with `SUBSCRIBE` / `UNSUBSCRIBE` / `LIST_SUBSCRIPTIONS` requests.
 * User stream: `ws://…/ws/<listenKey>` (`POST /fapi/v1/listenKey` gives the key).
 */
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
  /** Served as given: Binance sends a string, a number in some versions. */
  leverage: string | number;
  marginType: 'isolated' | 'cross';
  isolatedWallet: string;
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
}

/** A forced answer for the next request to a path. */
export interface ForcedAnswer {
  status: number;
  /** The JSON body; a string is sent as is (e.g. an HTML 502 page). */
  body: unknown;
}

/** A running server. */
export interface BinanceTestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/ws` (market stream base; the user stream is `<wsUrl>/<listenKey>`). */
  wsUrl: string;
  listenKey: string;
  state: ServerState;
  /** Every HTTP request, in arrival order. */
  requests: RecordedRequest[];
  /** Every market-socket request frame (`SUBSCRIBE`…), in arrival order. */
  wsRequests: { method: string; params: string[] }[];
  /** Market-stream connections accepted so far. */
  marketConnectionsTotal(): number;
  /** Market-stream connections open now. */
  openMarketSockets(): number;
  /** User-stream connections open now. */
  openUserSockets(): number;
  /** Sends a `markPriceUpdate` to every market socket subscribed to the symbol; returns how many. */
  pushMark(symbol: string, price: string, eventTime?: number): number;
  /** Sends a raw frame to every user-stream socket. */
  pushUser(event: unknown): void;
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

/** The USDⓈ-M account: isolated long BTCUSDT, hedge-mode ETHUSDT LONG + SHORT, cross SOLUSDT short, a zero XRPUSDT row. */
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
      {
        symbol: 'BTCUSDT',
        positionSide: 'BOTH',
        positionAmt: '0.500',
        entryPrice: '60000.10',
        markPrice: '61000.00000000',
        leverage: '10',
        marginType: 'isolated',
        isolatedWallet: '3050.12345678',
        openOrderInitialMargin: '12.34000000',
        maxRemove: '1000',
      },
      {
        symbol: 'ETHUSDT',
        positionSide: 'LONG',
        positionAmt: '2.000',
        entryPrice: '3000.00',
        markPrice: '3050.50000000',
        leverage: 20,
        marginType: 'isolated',
        isolatedWallet: '300.00000000',
        openOrderInitialMargin: '0',
        maxRemove: '50',
      },
      {
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
      },
      {
        symbol: 'SOLUSDT',
        positionSide: 'BOTH',
        positionAmt: '-10',
        entryPrice: '150.0000',
        markPrice: '148.12340000',
        leverage: '5',
        marginType: 'cross',
        isolatedWallet: '0',
        openOrderInitialMargin: '0',
        maxRemove: '0',
      },
      {
        symbol: 'XRPUSDT',
        positionSide: 'BOTH',
        positionAmt: '0.0',
        entryPrice: '0.0',
        markPrice: '0.52000000',
        leverage: '20',
        marginType: 'isolated',
        isolatedWallet: '0',
        openOrderInitialMargin: '0',
        maxRemove: '0',
      },
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
      {
        symbol: 'BTCUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '12',
        entryPrice: '60000.5',
        markPrice: '61000.10000000',
        leverage: '20',
        marginType: 'isolated',
        isolatedWallet: '0.01234567',
        openOrderInitialMargin: '0',
        maxRemove: '0.005',
      },
      {
        symbol: 'ETHUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '-30',
        entryPrice: '3000.12',
        markPrice: '3050.00000000',
        leverage: '10',
        marginType: 'isolated',
        isolatedWallet: '0.50000000',
        openOrderInitialMargin: '0.00100000',
        maxRemove: '0.2',
      },
      {
        symbol: 'BTCUSD_250926',
        positionSide: 'BOTH',
        positionAmt: '3',
        entryPrice: '62000.0',
        markPrice: '61500.00000000',
        leverage: '5',
        marginType: 'cross',
        isolatedWallet: '0',
        openOrderInitialMargin: '0',
        maxRemove: '0',
      },
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

function fail(status: number, code: number, msg: string): ForcedAnswer {
  return { status, body: { code, msg } };
}

/** Starts a server on 127.0.0.1, port 0. */
export async function startBinanceServer(
  options: { market?: ServerMarket; state?: ServerState } = {},
): Promise<BinanceTestServer> {
  const state = options.state ?? (options.market === 'coinm' ? coinmState() : usdmState());
  const prefix = state.market === 'usdm' ? '/fapi' : '/dapi';
  const listenKey = 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1';
  const requests: RecordedRequest[] = [];
  const wsRequests: { method: string; params: string[] }[] = [];
  const forced = new Map<string, ForcedAnswer[]>();
  const delays = new Map<string, number[]>();
  const marketSockets = new Map<WebSocket, Set<string>>();
  const userSockets = new Set<WebSocket>();
  let marketTotal = 0;

  const positionsOf = () => state.positions;
  const find = (symbol: string, side: string) =>
    positionsOf().find((p) => p.symbol === symbol && p.positionSide === side);
  const assetOf = (symbol: string): ServerAsset => {
    const info = state.symbols.find((s) => s.symbol === symbol);
    const asset = state.assets.find((a) => a.asset === info?.marginAsset);
    if (!asset) throw new Error(`no margin asset for ${symbol}`);
    return asset;
  };

  function accountBody(): unknown {
    return {
      feeTier: 0,
      canTrade: true,
      canDeposit: true,
      canWithdraw: true,
      updateTime: 0,
      totalWalletBalance: state.assets[0]?.walletBalance ?? '0',
      assets: state.assets.map((a) => ({
        asset: a.asset,
        walletBalance: a.walletBalance,
        unrealizedProfit: '0.00000000',
        marginBalance: a.walletBalance,
        maintMargin: '0.00000000',
        initialMargin: '0.00000000',
        positionInitialMargin: '0.00000000',
        openOrderInitialMargin: '0.00000000',
        crossWalletBalance: a.crossWalletBalance,
        crossUnPnl: '0.00000000',
        availableBalance: a.crossWalletBalance,
        maxWithdrawAmount: a.crossWalletBalance,
        marginAvailable: true,
        updateTime: 0,
      })),
      positions: positionsOf().map((p) => ({
        symbol: p.symbol,
        initialMargin: '0',
        maintMargin: '0',
        unrealizedProfit: '0.00000000',
        positionInitialMargin: '0',
        openOrderInitialMargin: p.openOrderInitialMargin,
        leverage: String(p.leverage),
        isolated: p.marginType === 'isolated',
        entryPrice: p.entryPrice,
        maxNotional: '250000',
        positionSide: p.positionSide,
        positionAmt: p.positionAmt,
        updateTime: 0,
        ...(state.market === 'usdm' ? { bidNotional: '0', askNotional: '0' } : { maxQty: '100' }),
      })),
    };
  }

  function positionRiskBody(): unknown {
    return positionsOf().map((p) => ({
      symbol: p.symbol,
      positionAmt: p.positionAmt,
      entryPrice: p.entryPrice,
      breakEvenPrice: '0.0',
      markPrice: p.markPrice,
      unRealizedProfit: '0.00000000',
      liquidationPrice: '0',
      leverage: p.leverage,
      marginType: p.marginType,
      isolatedMargin: p.isolatedWallet,
      isAutoAddMargin: 'false',
      positionSide: p.positionSide,
      isolatedWallet: p.isolatedWallet,
      updateTime: 0,
      ...(state.market === 'usdm'
        ? { maxNotionalValue: '250000', notional: '0' }
        : { maxQty: '100', notionalValue: '0' }),
    }));
  }

  function accountUpdate(reason: string, position: ServerPosition, asset: ServerAsset): unknown {
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
            s: position.symbol,
            pa: position.positionAmt,
            ep: position.entryPrice,
            bep: '0',
            cr: '0',
            up: '0',
            mt: position.marginType,
            iw: position.isolatedWallet,
            ps: position.positionSide,
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
    const position = hedge && side === 'BOTH' ? undefined : find(symbol, side);
    if (!position || new Dec(position.positionAmt).isZero())
      return fail(400, -4054, 'Cannot add position margin: position is 0.');
    if (position.marginType !== 'isolated') return fail(400, -4049, 'Add margin only support for isolated position.');
    const asset = assetOf(symbol);
    if (type === '1') {
      if (value.gt(asset.maxAdd ?? asset.crossWalletBalance)) return fail(400, -4050, 'Cross balance insufficient.');
      position.isolatedWallet = new Dec(position.isolatedWallet).plus(value).toFixed(8);
      asset.crossWalletBalance = new Dec(asset.crossWalletBalance).minus(value).toFixed(8);
    } else {
      if (value.gt(position.maxRemove)) return fail(400, -4051, 'Isolated balance insufficient.');
      position.isolatedWallet = new Dec(position.isolatedWallet).minus(value).toFixed(8);
      position.maxRemove = new Dec(position.maxRemove).minus(value).toFixed(8);
      asset.crossWalletBalance = new Dec(asset.crossWalletBalance).plus(value).toFixed(8);
    }
    const event = accountUpdate('MARGIN_TRANSFER', position, asset);
    setTimeout(() => pushUser(event), 5); // after the HTTP answer, as on Binance
    return { status: 200, body: { amount: Number(amount), code: 200, msg: OK_MSG, type: Number(type) } };
  }

  function route(method: string, path: string, params: Record<string, string>): ForcedAnswer {
    if (!path.startsWith(`${prefix}/`)) return fail(404, -5000, 'Path not found');
    const rest = path.slice(prefix.length);
    const brackets = state.market === 'usdm' ? '/v1/leverageBracket' : '/v2/leverageBracket';
    const account = state.market === 'usdm' ? '/v2/account' : '/v1/account';
    const risk = state.market === 'usdm' ? '/v2/positionRisk' : '/v1/positionRisk';
    if (method === 'GET' && rest === account) return { status: 200, body: accountBody() };
    if (method === 'GET' && rest === risk) return { status: 200, body: positionRiskBody() };
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
    if (method === 'POST' && rest === '/v1/listenKey') return { status: 200, body: { listenKey } };
    return fail(404, -5000, 'Path not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (body && (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    }
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, params, body });
    const delay = delays.get(url.pathname)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const answer = forced.get(url.pathname)?.shift() ?? route(method, url.pathname, params);
    if (res.destroyed) return;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
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

  wss.on('connection', (socket, req) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === `/ws/${listenKey}`) {
      userSockets.add(socket);
      socket.on('close', () => userSockets.delete(socket));
      return;
    }
    if (path !== '/ws') {
      socket.close(1008, 'unknown stream');
      return;
    }
    marketTotal += 1;
    const streams = new Set<string>();
    marketSockets.set(socket, streams);
    socket.on('close', () => marketSockets.delete(socket));
    socket.on('message', (raw) => {
      let frame: { method?: string; params?: string[]; id?: unknown };
      try {
        frame = JSON.parse(String(raw)) as typeof frame;
      } catch {
        return;
      }
      const method = frame.method ?? '';
      const params = frame.params ?? [];
      wsRequests.push({ method, params });
      if (method === 'SUBSCRIBE') for (const s of params) streams.add(s);
      if (method === 'UNSUBSCRIBE') for (const s of params) streams.delete(s);
      const result = method === 'LIST_SUBSCRIPTIONS' ? [...streams] : null;
      socket.send(JSON.stringify({ result, id: frame.id ?? null }));
    });
  });

  function pushUser(event: unknown): void {
    const text = JSON.stringify(event);
    for (const socket of userSockets) if (socket.readyState === socket.OPEN) socket.send(text);
  }

  function waitFor(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        if (predicate()) resolve();
        else if (Date.now() - started > timeoutMs) reject(new Error('waitFor: condition not met in time'));
        else setTimeout(poll, 5);
      };
      poll();
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    listenKey,
    state,
    requests,
    wsRequests,
    marketConnectionsTotal: () => marketTotal,
    openMarketSockets: () => marketSockets.size,
    openUserSockets: () => userSockets.size,
    pushMark(symbol, price, eventTime = Date.now()) {
      const stream = `${symbol.toLowerCase()}@markPrice@1s`;
      const text = JSON.stringify({
        e: 'markPriceUpdate',
        E: eventTime,
        s: symbol,
        p: price,
        i: price,
        P: price,
        r: '0.00010000',
        T: eventTime + 3_600_000,
      });
      let sent = 0;
      for (const [socket, streams] of marketSockets) {
        if (streams.has(stream) && socket.readyState === socket.OPEN) {
          socket.send(text);
          sent += 1;
        }
      }
      return sent;
    },
    pushUser,
    closePosition(symbol, positionSide = 'BOTH') {
      const position = find(symbol, positionSide);
      if (!position) throw new Error(`no position ${symbol} ${positionSide}`);
      position.positionAmt = '0';
      position.entryPrice = '0.0';
      position.isolatedWallet = '0';
      pushUser(accountUpdate('ORDER', position, assetOf(symbol)));
    },
    dropSockets() {
      const sockets = [...marketSockets.keys(), ...userSockets];
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
 * `postAs: 'query'`; Binance accepts both). It adds a `timestamp` param like a signer. A non-2xx answer throws a
 * {@link BinanceHttpError} with Binance's `{code,msg}` when the body has them; a network failure
 * rejects with fetch's `TypeError`.
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
      throw new BinanceHttpError(
        response.status,
        typeof err.code === 'number' ? err.code : undefined,
        typeof err.msg === 'string' ? err.msg : undefined,
      );
    }
    return body;
  };
}
