import { createAccountStore, type AccountStore, type AccountStoreState } from './accountStore';
import { checkAccountSnapshot, type SnapshotProblem, type UnavailablePosition } from './checkSnapshot';
import { createLiveAccount, type LiveAccount, type LiveCrossSums, type LivePositionFigures } from './liveAccount';
import type { MarginLimits } from './marginLimits';
import { createMarkPriceStore, DEFAULT_THROTTLE_MS, type MarkPriceStore } from './markPriceStore';
import { positionKey } from './positionKey';
import { createAdjustments, type Adjustments } from './adjustments';
import { checkHeadroomBps, DEFAULT_MAX_HEADROOM_BPS } from './headroom';
import type { AccountSnapshot, FeedStatus, MarginDataSource, PositionSide, Unsubscribe } from './types';

/** The account as the kit shows it: checked where it entered, positions that failed the check set apart. */
export interface AccountState {
  status: 'loading' | 'error' | 'ready';
  /** The checked account: only positions and assets that passed {@link checkAccountSnapshot}. */
  account: AccountSnapshot | undefined;
  /** Positions the kit refuses to compute, each with the reason. */
  unavailable: readonly UnavailablePosition[];
  /** The load's error, or the whole snapshot's problem when it failed the check. */
  error: unknown;
}

/** Options of {@link createMarginSession}. */
export interface MarginSessionOptions {
  /** Live figures wake their readers at most once per this many ms (see `createMarkPriceStore`). Default 200. */
  throttleMs?: number;
  /** Where the account snapshot is kept; default {@link createAccountStore} over the source. */
  accountStore?: AccountStore;
  /**
   * Room Max and the presets leave for the mark moving against the limit while a request travels,
   * in basis points: they offer the limit at the mark moved adversely by this much, rounded down.
   * Default 10 (0.1 %); 0 offers the exact limit. A typed amount up to the exact limit is still sent.
   */
  maxHeadroomBps?: number;
}

/**
 * One source's live state, framework-free: the account (checked where it enters), the live engine
 * that computes every figure the kit shows, mark prices with the throttle, the feed's status and
 * the adjustments in flight. Views read it through `subscribe`/`getSnapshot` pairs: the React hooks
 * are thin `useSyncExternalStore` calls over it, and a script can use it as it is.
 */
export interface MarginSession {
  readonly source: MarginDataSource;
  /** Mark prices (throttled notifications, unthrottled `get`). */
  readonly marks: MarkPriceStore;
  /** Requests in flight and their outcomes, per position. */
  readonly adjustments: Adjustments;
  /** The headroom Max and the presets leave, in basis points (see `MarginSessionOptions.maxHeadroomBps`). */
  readonly maxHeadroomBps: number;
  /**
   * Follows the source: account updates, the feed's status, and the first load. Returns the stop
   * function; starts and stops are counted, so a component that mounts twice is harmless.
   */
  start(): Unsubscribe;
  /** Starts the first account load if none has run. */
  load(): void;
  /** Loads the account again (one `getAccount()`). */
  refresh(): Promise<void>;
  getAccountState(): AccountState;
  /** Called when the account changes (a load, a push, a refresh). */
  subscribeAccount(listener: () => void): Unsubscribe;
  /** The engine over the checked account; `undefined` until one has loaded. */
  engine(): LiveAccount | undefined;
  /**
   * Follows one symbol's mark: the engine applies each (throttled) update before `listener` runs.
   * While any listener watches, the symbol stays subscribed at the source.
   */
  watchSymbol(symbol: string, listener: () => void): Unsubscribe;
  /** Epoch ms of the mark the engine uses for `symbol`; `undefined` before the first tick. */
  markTime(symbol: string): number | undefined;
  /** One position's live figures from the engine (a table row reads these). */
  figures(symbol: string, positionSide: PositionSide): LivePositionFigures | undefined;
  /** Symbols of the cross positions whose mark prices move max addable of `asset`. */
  crossSymbols(asset: string): readonly string[];
  /**
   * The limits computed now from the freshest data: the latest mark of the position's symbol and of
   * every cross symbol of its asset, bypassing the throttle. Confirm calls this at the click.
   */
  readLatest(symbol: string, positionSide: PositionSide): MarginLimits | undefined;
  /**
   * The cross sums of `asset` computed now from the latest mark of each of its cross symbols,
   * bypassing the throttle; `undefined` until an account has loaded. Transfer's click-time re-check.
   */
  readLatestCross(asset: string): LiveCrossSums | undefined;
  feedStatus(): FeedStatus;
  subscribeFeedStatus(listener: () => void): Unsubscribe;
  /** A position set apart by the check, with its reason. */
  problemOf(symbol: string, positionSide: PositionSide): SnapshotProblem | undefined;
  setThrottleMs(ms: number): void;
}

interface Derived {
  raw: AccountStoreState;
  state: AccountState;
  engine: LiveAccount | undefined;
  unavailable: ReadonlyMap<string, UnavailablePosition>;
  cross: Map<string, readonly string[]>;
}

/** Why an account snapshot that passed the check could still not be computed. */
export class AccountEngineError extends Error {
  constructor(readonly cause: unknown) {
    super('The account could not be computed');
    this.name = 'AccountEngineError';
  }
}

function derive(raw: AccountStoreState, previous: Derived | undefined): Derived {
  const empty = { unavailable: new Map<string, UnavailablePosition>(), cross: new Map<string, readonly string[]>() };
  if (raw.data === undefined) {
    const status = raw.status === 'error' ? 'error' : 'loading';
    return {
      raw,
      state: { status, account: undefined, unavailable: [], error: raw.error },
      engine: undefined,
      ...empty,
    };
  }
  if (previous && previous.raw.data === raw.data) {
    // Only the status or error changed (a failed refresh keeps the last snapshot).
    return { ...previous, raw, state: { ...previous.state, error: raw.error } };
  }
  const checked = checkAccountSnapshot(raw.data);
  if (!checked.ok) {
    return {
      raw,
      state: { status: 'error', account: undefined, unavailable: [], error: checked.problem },
      engine: undefined,
      ...empty,
    };
  }
  let engine = previous?.engine;
  try {
    if (engine) engine.setAccount(checked.account);
    else engine = createLiveAccount(checked.account);
  } catch (e) {
    const error = new AccountEngineError(e);
    return { raw, state: { status: 'error', account: undefined, unavailable: [], error }, engine: undefined, ...empty };
  }
  const unavailable = new Map<string, UnavailablePosition>();
  for (const u of checked.unavailable) unavailable.set(positionKey(u.symbol, u.positionSide), u);
  return {
    raw,
    state: { status: 'ready', account: checked.account, unavailable: checked.unavailable, error: raw.error },
    engine,
    unavailable,
    cross: new Map(),
  };
}

/** Makes the session of one data source. `MarginSourceProvider` makes one for a React tree. */
export function createMarginSession(source: MarginDataSource, options: MarginSessionOptions = {}): MarginSession {
  const marks = createMarkPriceStore(source, { throttleMs: options.throttleMs ?? DEFAULT_THROTTLE_MS });
  const store = options.accountStore ?? createAccountStore(source);
  const accountListeners = new Set<() => void>();
  const watchers = new Map<string, { listeners: Set<() => void>; off: Unsubscribe }>();
  const times = new Map<string, number>();
  let derived: Derived | undefined;
  let starts = 0;
  let stop: Unsubscribe | undefined;

  function current(): Derived {
    const raw = store.getState();
    if (!derived || derived.raw !== raw) {
      derived = derive(raw, derived);
      // Marks the engine kept across the new snapshot keep their times.
    }
    return derived;
  }

  /** Applies the latest mark of `symbol` to the engine; true when a figure changed. */
  function sync(symbol: string): boolean {
    const update = marks.get(symbol);
    const engine = current().engine;
    if (!update || !engine) return false;
    times.set(symbol, update.eventTime);
    return engine.applyTick(symbol, update.markPrice).positions.length > 0;
  }

  function notify(set: Iterable<() => void>) {
    for (const l of [...set]) l();
  }

  // In a throttled batch (every symbol of a tick at once), a reader that follows several symbols (the
  // dialog's max addable follows every cross symbol of its asset) is called once, after the batch,
  // not once per symbol: the batch costs it one read. Outside a batch (`throttleMs` 0) every update
  // reaches it at once.
  const owed = new Set<() => void>();
  // How many symbols each reader watches: one that left during the batch is not called.
  const readers = new Map<() => void, number>();
  marks.afterBatch(() => {
    const due = [...owed];
    owed.clear();
    for (const l of due) if (readers.has(l)) l();
  });

  const adjustments = createAdjustments();
  const onStore = () => {
    const account = current().state.account;
    // An update that already holds a request in flight is matched to it before anyone reads it.
    if (account) adjustments.observeAccount(account);
    notify(accountListeners);
  };

  const session: MarginSession = {
    source,
    marks,
    adjustments,
    maxHeadroomBps: checkHeadroomBps(options.maxHeadroomBps ?? DEFAULT_MAX_HEADROOM_BPS),
    start() {
      if (starts++ === 0) {
        const offPush = source.subscribeAccount((account) => store.set(account));
        const offStore = store.subscribe(onStore);
        // Followed for the session's whole life, so a reader that mounts during an outage sees it at once.
        const offStatus = marks.subscribeStatus(() => {});
        store.load();
        stop = () => {
          offPush();
          offStore();
          offStatus();
        };
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        if (--starts === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
    load: () => store.load(),
    refresh: () => store.refresh(),
    getAccountState: () => current().state,
    subscribeAccount(listener) {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
    engine: () => current().engine,
    watchSymbol(symbol, listener) {
      let w = watchers.get(symbol);
      if (!w) {
        const listeners = new Set<() => void>();
        const off = marks.subscribe(symbol, () => {
          sync(symbol);
          if (marks.inBatch()) for (const l of listeners) owed.add(l);
          else notify(listeners);
        });
        w = { listeners, off };
        watchers.set(symbol, w);
        sync(symbol);
      }
      const entry = w;
      if (!entry.listeners.has(listener)) readers.set(listener, (readers.get(listener) ?? 0) + 1);
      entry.listeners.add(listener);
      return () => {
        if (!entry.listeners.delete(listener)) return;
        const n = readers.get(listener)! - 1;
        if (n > 0) readers.set(listener, n);
        else readers.delete(listener);
        if (entry.listeners.size > 0) return;
        entry.off();
        if (watchers.get(symbol) === entry) watchers.delete(symbol);
      };
    },
    markTime: (symbol) => times.get(symbol),
    figures: (symbol, positionSide) => current().engine?.position(symbol, positionSide),
    crossSymbols(asset) {
      const d = current();
      let symbols = d.cross.get(asset);
      if (!symbols && d.state.account) {
        const set = new Set<string>();
        for (const p of d.state.account.positions) {
          if (p.marginType === 'cross' && p.marginAsset === asset) set.add(p.symbol);
        }
        symbols = [...set];
        d.cross.set(asset, symbols);
      }
      return symbols ?? [];
    },
    readLatest(symbol, positionSide) {
      const engine = current().engine;
      const position = engine?.position(symbol, positionSide)?.position;
      if (!engine || !position || position.marginType !== 'isolated') return undefined;
      for (const s of [symbol, ...session.crossSymbols(position.marginAsset)]) {
        // The screen follows the engine: readers of a symbol that moved are told at once.
        if (sync(s)) notify(watchers.get(s)?.listeners ?? []);
      }
      return engine.limits(symbol, positionSide);
    },
    readLatestCross(asset) {
      const engine = current().engine;
      if (!engine) return undefined;
      for (const s of session.crossSymbols(asset)) if (sync(s)) notify(watchers.get(s)?.listeners ?? []);
      return engine.crossSums(asset);
    },
    feedStatus: () => marks.status(),
    subscribeFeedStatus: (listener) => marks.subscribeStatus(listener),
    problemOf: (symbol, positionSide) => current().unavailable.get(positionKey(symbol, positionSide))?.problem,
    setThrottleMs: (ms) => marks.setThrottleMs(ms),
  };
  return session;
}
