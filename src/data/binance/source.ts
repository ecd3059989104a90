import type {
  AccountSnapshot,
  AdjustMarginRequest,
  AdjustMarginResult,
  FeedStatus,
  MarginDataSource,
  Unsubscribe,
} from '../../engine/types';
import { mapAccountSnapshot, openPositionSymbols, rowsBySymbol, type BinanceAccountSnapshot } from './account';
import { applyAccountUpdate, type AccountUpdate } from './account-update';
import { errorInSuccessBody, positionMarginParams, withTimeout } from './adjust';
import { deliver } from './deliver';
import { mapBinanceError } from './errors';
import { DEFAULT_ALL_MARKET_ABOVE } from './mark-price';
import { MarkPriceFeed } from './mark-price-feed';
import type { BinanceSourceOptions } from './options';
import { isRecord } from './payloads';
import { binancePaths } from './paths';
import { backOffOnRateLimit } from './rate-limit';
import { coversSymbols, ReferenceDataCache, type ReferenceData } from './reference-data';
import { DEFAULT_STREAM_BASE_URL, marketStreamUrl, userStreamUrl } from './stream-urls';
import { createTransfer } from './transfer';
import { DEFAULT_LISTEN_KEY_KEEP_ALIVE_MS, UserDataStream } from './user-stream';

/** Default of `timeoutMs`. */
export const DEFAULT_ADJUST_TIMEOUT_MS = 10_000;

/** Default of `silentAfterMs`: five beats of the 1-second mark-price stream. */
export const DEFAULT_SILENT_AFTER_MS = 5_000;

/** A {@link MarginDataSource} backed by Binance Futures, plus lifecycle controls. */
export interface BinanceSource extends MarginDataSource {
  /** The account; rows that could not be read are in `unavailable`, each with its reason. */
  getAccount(): Promise<BinanceAccountSnapshot>;
  /** The mark-price socket's state: 'reconnecting' on a drop or a silent socket, 'live' with the next price. */
  subscribeFeedStatus(onStatus: (status: FeedStatus) => void): Unsubscribe;
  /** Fetches exchangeInfo and the leverage brackets again (they are cached after the first fetch). */
  refreshReferenceData(): Promise<void>;
  /** Closes every socket and pending reconnection and forgets every listener. */
  close(): void;
}

/**
 * A data source for isolated positions on Binance USDⓈ-M (`/fapi`) or COIN-M (`/dapi`) futures.
 *
 * - `getAccount()`: account + positionRisk (+ symbolConfig on USDⓈ-M) on every call, exchangeInfo +
 *   leverage brackets once (again when a position's symbol is missing from them, or on
 *   `refreshReferenceData()`). A row that cannot be read is `unavailable`, the others still map.
 * - `subscribeMarkPrice()`: one socket to the market stream for all symbols, batched and rate-limited
 *   `SUBSCRIBE`/`UNSUBSCRIBE` of `<symbol>@markPrice@1s` (an all-market stream above
 *   `allMarketAbove` symbols), reconnecting with backoff, restarted when silent; the last
 *   unsubscribe closes it.
 * - `subscribeAccount()`: `ACCOUNT_UPDATE`s of the user stream (when `userStream` is set) merged into
 *   the last snapshot; the account is re-fetched after a reconnection, and when an unknown position
 *   appears.
 * - `adjustMargin()`: `POST …/positionMargin`, once per call, failures as `AdjustMarginError`s (see
 *   `mapBinanceError`). It neither de-duplicates retries nor re-fetches the account after a success:
 *   the kit's session owns both.
 * - `transfer()` (only with `walletRequest`): `POST /sapi/v1/asset/transfer` on the wallet host,
 *   type `UMFUTURE_MAIN` or `CMFUTURE_MAIN`, once per call (see `createTransfer`).
 *
 * Every REST call backs off after an HTTP 429/418 for the answer's `Retry-After`.
 */
export function createBinanceSource(options: BinanceSourceOptions): BinanceSource {
  const { market } = options;
  const paths = binancePaths(market);
  const now = options.now ?? Date.now;
  const request = backOffOnRateLimit(options.request, now);
  const walletRequest = options.walletRequest && backOffOnRateLimit(options.walletRequest, now);
  const reference = new ReferenceDataCache(request, paths);
  const backoff = options.reconnect ?? {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADJUST_TIMEOUT_MS;
  const streamRoot = options.streamBaseUrl ?? DEFAULT_STREAM_BASE_URL[market];
  const feed = new MarkPriceFeed({
    market,
    url: options.streamUrl ?? marketStreamUrl(market, streamRoot),
    factory: options.webSocket,
    backoff,
    silentAfterMs: options.silentAfterMs ?? DEFAULT_SILENT_AFTER_MS,
    allMarketAbove: options.allMarketAbove ?? DEFAULT_ALL_MARKET_ABOVE,
  });
  const accountListeners = new Set<(account: AccountSnapshot) => void>();
  let last: BinanceAccountSnapshot | undefined;
  let userStream: UserDataStream | null = null;
  let queue: Promise<void> = Promise.resolve();

  /** Symbols the reference data was already re-fetched for, so a symbol Binance never lists costs one re-fetch. */
  const refetchedFor = new Set<string>();

  async function referenceFor(cached: ReferenceData, symbols: string[]): Promise<ReferenceData> {
    const missing = symbols.filter((symbol) => !coversSymbols(cached, [symbol]) && !refetchedFor.has(symbol));
    if (missing.length === 0) return cached;
    for (const symbol of missing) refetchedFor.add(symbol);
    return reference.refresh();
  }

  async function fetchAccount(): Promise<BinanceAccountSnapshot> {
    const [account, positionRisk, symbolConfig, cached] = await Promise.all([
      request('GET', paths.account, {}),
      request('GET', paths.positionRisk, {}),
      paths.symbolConfig === undefined ? undefined : request('GET', paths.symbolConfig, {}),
      reference.get(),
    ]);
    const data = await referenceFor(cached, openPositionSymbols(positionRisk));
    const snapshot = mapAccountSnapshot(
      account,
      positionRisk,
      {
        market,
        ...data,
        ...(symbolConfig === undefined ? {} : { symbolConfigs: rowsBySymbol(symbolConfig) }),
        ...(options.assetPrecision ? { assetPrecision: options.assetPrecision } : {}),
      },
      now(),
    );
    last = snapshot;
    return snapshot;
  }

  async function createListenKey(): Promise<string> {
    const body = await request('POST', paths.listenKey, {});
    if (!isRecord(body) || typeof body.listenKey !== 'string') throw new TypeError('Binance sent no listenKey');
    return body.listenKey;
  }

  function emit(snapshot: AccountSnapshot): void {
    deliver(accountListeners, snapshot);
  }

  /** Account work runs one task at a time, in arrival order; a failed re-fetch emits nothing. */
  function enqueue(task: () => Promise<void> | void): void {
    queue = queue.then(task).catch(() => {});
  }

  function resync(): void {
    enqueue(async () => {
      if (accountListeners.size > 0) emit(await fetchAccount());
    });
  }

  function onAccountUpdate(update: AccountUpdate): void {
    enqueue(async () => {
      if (!last) {
        emit(await fetchAccount());
        return;
      }
      const merged = applyAccountUpdate(last, update);
      last = merged.snapshot;
      emit(merged.incomplete ? await fetchAccount() : merged.snapshot);
    });
  }

  async function send(adjustment: AdjustMarginRequest): Promise<AdjustMarginResult> {
    const body = await request('POST', paths.positionMargin, positionMarginParams(adjustment));
    const rejected = errorInSuccessBody(body);
    if (rejected) throw rejected;
    const { symbol, positionSide, type, amount, clientRequestId } = adjustment;
    return { symbol, positionSide, type, amount, clientRequestId };
  }

  function openUserStream(): UserDataStream | null {
    const stream = options.userStream;
    if (!stream) return null;
    const listenKey = stream.listenKey ?? createListenKey;
    return new UserDataStream(
      {
        listenKey,
        keepAlive: stream.keepAlive ?? listenKey,
        keepAliveMs: stream.keepAliveMs ?? DEFAULT_LISTEN_KEY_KEEP_ALIVE_MS,
        url: stream.url ?? ((key) => userStreamUrl(market, key, streamRoot)),
        factory: options.webSocket,
        backoff,
      },
      { onAccountUpdate, onResync: resync },
    );
  }

  return {
    ...(walletRequest ? { transfer: createTransfer(walletRequest, market, timeoutMs) } : {}),

    getAccount: fetchAccount,

    subscribeMarkPrice: (symbol, onUpdate) => feed.subscribe(symbol, onUpdate),

    subscribeFeedStatus: (onStatus) => feed.subscribeStatus(onStatus),

    subscribeAccount(onUpdate) {
      const entry = (account: AccountSnapshot): void => onUpdate(account);
      accountListeners.add(entry);
      userStream ??= openUserStream();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        accountListeners.delete(entry);
        if (accountListeners.size === 0) {
          userStream?.close();
          userStream = null;
        }
      };
    },

    async adjustMargin(adjustment) {
      try {
        return await withTimeout(send(adjustment), timeoutMs);
      } catch (error) {
        throw mapBinanceError(error);
      }
    },

    async refreshReferenceData() {
      await reference.refresh();
    },

    close() {
      feed.close();
      userStream?.close();
      userStream = null;
      accountListeners.clear();
    },
  };
}
