import type {
  AccountSnapshot,
  AdjustMarginRequest,
  AdjustMarginResult,
  FeedStatus,
  MarginDataSource,
  MarkPriceUpdate,
  PositionSnapshot,
} from '../../src/engine/types';

/** A hand-driven source for hook and component tests: the test pushes ticks and settles requests. */
export interface FakeSource extends MarginDataSource {
  tick(symbol: string, markPrice: string, eventTime?: number): void;
  /** Pushes a new account to subscribers (as a user stream would). */
  setAccount(account: AccountSnapshot): void;
  /** Changes what the next `getAccount` returns, without pushing it. */
  setServerAccount(account: AccountSnapshot): void;
  setFeed(status: FeedStatus): void;
  requests: AdjustMarginRequest[];
  /** Settles the oldest pending request. */
  resolveNext(): void;
  rejectNext(error: unknown): void;
  pending(): number;
  markListeners(): number;
}

export const BRACKETS = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
  { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
];

/** A COIN-M one-way short, margined in BTC: 10 contracts of 100 USD at 60,000,
 * mark 61,000, 20×, wallet 0.05 BTC. */
export function coinShort(over: Partial<PositionSnapshot> = {}): PositionSnapshot {
  return {
    symbol: 'BTCUSD_PERP',
    positionSide: 'BOTH',
    marginType: 'isolated',
    contractType: 'inverse',
    contractSize: '100',
    positionAmt: '-10',
    entryPrice: '60000',
    markPrice: '61000',
    leverage: '20',
    isolatedWallet: '0.05',
    openOrderInitialMargin: '0',
    brackets: [
      { notionalFloor: '0', notionalCap: '5', maintMarginRatio: '0.004', cum: '0' },
      { notionalFloor: '5', notionalCap: '10', maintMarginRatio: '0.005', cum: '0.005' },
    ],
    marginAsset: 'BTC',
    marginAssetPrecision: 8,
    pricePrecision: 1,
    ...over,
  };
}

/** Vector V1 of test/fixtures/vectors.json as a position snapshot: max removable 900 at mark 62000. */
export function btcLong(over: Partial<PositionSnapshot> = {}): PositionSnapshot {
  return {
    symbol: 'BTCUSDT',
    positionSide: 'BOTH',
    marginType: 'isolated',
    contractType: 'linear',
    positionAmt: '0.5',
    entryPrice: '60000',
    markPrice: '62000',
    leverage: '10',
    isolatedWallet: '3000',
    openOrderInitialMargin: '0',
    brackets: BRACKETS,
    marginAsset: 'USDT',
    marginAssetPrecision: 8,
    pricePrecision: 2,
    ...over,
  };
}

/** A cross ETHUSDT long of 1 at 3,000 (10×, MMR 0.004): in V1's margin asset, so its mark moves max addable. */
export function ethCrossLong(over: Partial<PositionSnapshot> = {}): PositionSnapshot {
  return btcLong({
    symbol: 'ETHUSDT',
    marginType: 'cross',
    positionAmt: '1',
    entryPrice: '3000',
    markPrice: '3000',
    isolatedWallet: '0',
    ...over,
  });
}

export function accountOf(positions: PositionSnapshot[], crossWalletBalance = '10000'): AccountSnapshot {
  return { assets: [{ asset: 'USDT', crossWalletBalance }], positions, updateTime: Date.now() };
}

export function createFakeSource(initial: AccountSnapshot): FakeSource {
  let account = initial;
  let feed: FeedStatus = 'live';
  const marks = new Map<string, Set<(u: MarkPriceUpdate) => void>>();
  const accountListeners = new Set<(a: AccountSnapshot) => void>();
  const feedListeners = new Set<(s: FeedStatus) => void>();
  const queue: {
    request: AdjustMarginRequest;
    resolve: (r: AdjustMarginResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const source: FakeSource = {
    requests: [],
    getAccount: () => Promise.resolve(account),
    subscribeMarkPrice(symbol, cb) {
      const set = marks.get(symbol) ?? new Set();
      marks.set(symbol, set);
      set.add(cb);
      return () => set.delete(cb);
    },
    subscribeAccount(cb) {
      accountListeners.add(cb);
      return () => accountListeners.delete(cb);
    },
    subscribeFeedStatus(cb) {
      feedListeners.add(cb);
      if (feed !== 'live') cb(feed);
      return () => feedListeners.delete(cb);
    },
    adjustMargin(request) {
      source.requests.push(request);
      return new Promise((resolve, reject) => queue.push({ request, resolve, reject }));
    },
    tick(symbol, markPrice, eventTime = Date.now()) {
      for (const cb of marks.get(symbol) ?? []) cb({ symbol, markPrice, eventTime });
    },
    setAccount(next) {
      account = next;
      for (const cb of accountListeners) cb(next);
    },
    setServerAccount(next) {
      account = next;
    },
    setFeed(status) {
      feed = status;
      for (const cb of feedListeners) cb(status);
    },
    resolveNext() {
      const next = queue.shift();
      if (!next) throw new Error('no pending request');
      next.resolve({ ...next.request });
    },
    rejectNext(error) {
      const next = queue.shift();
      if (!next) throw new Error('no pending request');
      next.reject(error);
    },
    pending: () => queue.length,
    markListeners: () => [...marks.values()].reduce((n, s) => n + s.size, 0),
  };
  return source;
}
