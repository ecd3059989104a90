import type {
  AccountSnapshot,
  AdjustMarginRequest,
  AdjustMarginResult,
  FeedStatus,
  MarginDataSource,
  Unsubscribe,
} from '../../engine/types';
import { mapAccountSnapshot, openPositionSymbols } from './account';
import { applyAccountUpdate, type AccountUpdate } from './account-update';
import { errorInSuccessBody, positionMarginParams, withTimeout } from './adjust';
import { mapBinanceError } from './errors';
import { MarkPriceFeed } from './mark-price-feed';
import type { BinanceSourceOptions } from './options';
import { deliver } from './deliver';
import { binancePaths } from './paths';
import { coversSymbols, ReferenceDataCache, type ReferenceData } from './reference-data';
import { UserDataStream } from './user-stream';

/** Default of `timeoutMs`. */
export const DEFAULT_ADJUST_TIMEOUT_MS = 10_000;

/** How many accepted adjustments are remembered by `clientRequestId` (so a retry is not sent twice). */
const ACCEPTED_MEMORY = 100;

/** A {@link MarginDataSource} backed by Binance Futures, plus lifecycle controls. */
export interface BinanceSource extends MarginDataSource {
  /** The mark-price socket's state: 'reconnecting' on a drop, 'live' with the first price after it. */
  subscribeFeedStatus(onStatus: (status: FeedStatus) => void): Unsubscribe;
  /** Fetches exchangeInfo and the leverage brackets again (they are cached after the first fetch). */
  refreshReferenceData(): Promise<void>;
  /** Closes every socket and pending reconnection and forgets every listener. */
  close(): void;
}

/**
 * A data source for isolated positions on Binance USDⓈ-M (`/fapi`) or COIN-M (`/dapi`) futures.
 *
 * - `getAccount()`: account + positionRisk on every call, exchangeInfo + leverage brackets once
 *   (again when a position's symbol is missing from them, or on `refreshReferenceData()`).
 * - `subscribeMarkPrice()`: one socket to `streamUrl` for all symbols, `SUBSCRIBE`/`UNSUBSCRIBE`
 *   of `<symbol>@markPrice@1s`, reconnecting with backoff; the last unsubscribe closes it.
 * - `subscribeAccount()`: `ACCOUNT_UPDATE`s of the user stream merged into the last snapshot (the
 *   account is re-fetched after a reconnection, and when an unknown position appears). Without a user
 *   stream, the account is re-fetched and emitted after each accepted adjustment.
 * - `adjustMargin()`: `POST …/positionMargin`; failures are `AdjustMarginError`s (see
 *   `mapBinanceError`). A retry with the `clientRequestId` of an accepted or still pending request is
 *   not sent again: it gets that request's outcome.
 */
export function createBinanceSource(options: BinanceSourceOptions): BinanceSource {
  const paths = binancePaths(options.market);
  const reference = new ReferenceDataCache(options.request, paths);
  const now = options.now ?? Date.now;
  const backoff = options.reconnect ?? {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADJUST_TIMEOUT_MS;
  const feed = new MarkPriceFeed(options.streamUrl, options.webSocket, backoff);
  const accountListeners = new Set<(account: AccountSnapshot) => void>();
  const pending = new Map<string, Promise<AdjustMarginResult>>();
  const accepted = new Map<string, AdjustMarginResult>();
  let last: AccountSnapshot | undefined;
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

  async function fetchAccount(): Promise<AccountSnapshot> {
    const [account, positionRisk, cached] = await Promise.all([
      options.request('GET', paths.account, {}),
      options.request('GET', paths.positionRisk, {}),
      reference.get(),
    ]);
    const data = await referenceFor(cached, openPositionSymbols(positionRisk));
    const snapshot = mapAccountSnapshot(
      account,
      positionRisk,
      {
        market: options.market,
        ...data,
        ...(options.assetPrecision ? { assetPrecision: options.assetPrecision } : {}),
      },
      now(),
    );
    last = snapshot;
    return snapshot;
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

  async function send(request: AdjustMarginRequest): Promise<AdjustMarginResult> {
    const body = await options.request('POST', paths.positionMargin, positionMarginParams(request));
    const rejected = errorInSuccessBody(body);
    if (rejected) throw rejected;
    if (!options.userStream) resync();
    const { symbol, positionSide, type, amount, clientRequestId } = request;
    return { symbol, positionSide, type, amount, clientRequestId };
  }

  function remember(id: string, result: AdjustMarginResult): void {
    accepted.set(id, result);
    if (accepted.size > ACCEPTED_MEMORY) accepted.delete(accepted.keys().next().value as string);
  }

  return {
    getAccount: fetchAccount,

    subscribeMarkPrice: (symbol, onUpdate) => feed.subscribe(symbol, onUpdate),

    subscribeFeedStatus: (onStatus) => feed.subscribeStatus(onStatus),

    subscribeAccount(onUpdate) {
      const entry = (account: AccountSnapshot): void => onUpdate(account);
      accountListeners.add(entry);
      if (options.userStream && !userStream) {
        userStream = new UserDataStream(options.userStream, options.streamUrl, options.webSocket, backoff, {
          onAccountUpdate,
          onResync: resync,
        });
      }
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

    async adjustMargin(request) {
      const id = request.clientRequestId;
      const done = accepted.get(id);
      if (done) return { ...done };
      let attempt = pending.get(id);
      if (!attempt) {
        attempt = send(request);
        pending.set(id, attempt);
        attempt
          .then(
            (result) => remember(id, result),
            () => {},
          )
          .finally(() => pending.delete(id));
      }
      try {
        return await withTimeout(attempt, timeoutMs);
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
