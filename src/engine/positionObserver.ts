import type { Decimal } from '../core/decimal';
import type { AdjustmentState } from './adjustments';
import { offeredMax } from './headroom';
import type { SnapshotProblem } from './checkSnapshot';
import type { LivePositionFigures } from './liveAccount';
import type { MarginLimits } from './marginLimits';
import type { MarginSession } from './session';
import { DEFAULT_STALE_AFTER_MS, isStaleAt, markPriceTimeOf } from './staleness';
import type { FeedStatus, PositionSide, Unsubscribe } from './types';

/** Where a position's limits stand. */
export type PositionStatus = 'loading' | 'error' | 'ready' | 'closed' | 'notIsolated' | 'unavailable';

/** One isolated position as the dialog shows it. Immutable: a new object only when something shown changed. */
export interface PositionState {
  status: PositionStatus;
  /** The live limits; present when `status` is 'ready'. */
  limits: MarginLimits | undefined;
  /**
   * What Max and the presets offer per mode: the limit with the session's `maxHeadroomBps` of room
   * for the mark moving against it (see `offeredMax`); present with `limits`.
   */
  offered: OfferedMax | undefined;
  /** Epoch ms of the mark price in use (the last tick applied, or the account snapshot's time). */
  markPriceTime: number | undefined;
  /** The mark in use is `staleAfterMs` old, or the feed is reconnecting. */
  isStale: boolean;
  feedStatus: FeedStatus;
  /** The account's error, when `status` is 'error'. */
  error: unknown;
  /** Why the position is unavailable, when `status` is 'unavailable'. */
  problem: SnapshotProblem | undefined;
  /** The request in flight, or the last outcome. */
  adjustment: AdjustmentState;
}

/** Max with headroom, per mode. */
export interface OfferedMax {
  ADD: Decimal;
  REMOVE: Decimal;
}

/** `subscribe`/`getSnapshot` over one position, for `useSyncExternalStore` or any other reader. */
export interface PositionObserver {
  subscribe(listener: () => void): Unsubscribe;
  getSnapshot(): PositionState;
}

/**
 * Watches one position: its symbol's mark and, for max addable, the mark of every cross position
 * in its margin asset (re-chosen when the account changes); the feed's status; its adjustment; and a
 * timer that turns the figures stale when no tick has come for `staleAfterMs`. The ticks of one task
 * (an all-market message) call a listener once, after the task.
 */
export function observePosition(
  session: MarginSession,
  symbol: string,
  positionSide: PositionSide,
  options: { staleAfterMs?: number } = {},
): PositionObserver {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const listeners = new Set<() => void>();
  const watched = new Map<string, Unsubscribe>();
  let offs: Unsubscribe[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let snapshot: PositionState | undefined;
  let dirty = true;
  // What the last limits were computed from: a new figures object or max addable means new limits.
  let basis: { figures: LivePositionFigures; addable: unknown; limits: MarginLimits; offered: OfferedMax } | undefined;

  function changed() {
    dirty = true;
    arm();
    for (const l of [...listeners]) l();
  }

  // Ticks: one all-market message updates every symbol in one task, and at `throttleMs` 0 each of
  // them reaches this observer (its symbol and every cross symbol of its asset). Its readers are
  // called once, after the task (a microtask), so a reader that reads the snapshot on each call
  // (useSyncExternalStore) computes the limits once per message, from every price of it: never from
  // a message half applied.
  let burst = false;
  function endBurst() {
    burst = false;
    changed();
  }
  function ticked() {
    dirty = true;
    if (burst) return;
    burst = true;
    queueMicrotask(endBurst);
  }

  /** The timer that flips the figures to stale when the mark in use reaches `staleAfterMs`. */
  function arm() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (listeners.size === 0) return;
    const time = markPriceTimeOf(session, symbol);
    if (time === undefined) return;
    const wait = time + staleAfterMs - Date.now();
    if (wait > 0) timer = setTimeout(changed, wait);
  }

  function rewatch() {
    const figures = session.figures(symbol, positionSide);
    const asset = figures?.position.marginType === 'isolated' ? figures.position.marginAsset : undefined;
    const want = new Set([symbol, ...(asset === undefined ? [] : session.crossSymbols(asset))]);
    for (const [s, off] of watched) {
      if (!want.has(s)) {
        off();
        watched.delete(s);
      }
    }
    for (const s of want) if (!watched.has(s)) watched.set(s, session.watchSymbol(s, ticked));
  }

  function compute(): PositionState {
    const account = session.getAccountState();
    const adjustment = session.adjustments.state(symbol, positionSide);
    const feedStatus = session.feedStatus();
    const markPriceTime = markPriceTimeOf(session, symbol);
    const base = {
      markPriceTime,
      isStale: isStaleAt(session, symbol, staleAfterMs, Date.now()),
      feedStatus,
      error: account.error,
      problem: undefined,
      adjustment,
    };
    const engine = session.engine();
    if (account.status !== 'ready' || !engine) {
      return {
        ...base,
        status: account.status === 'error' ? 'error' : 'loading',
        limits: undefined,
        offered: undefined,
      };
    }
    const problem = session.problemOf(symbol, positionSide);
    const none = { limits: undefined, offered: undefined };
    if (problem) return { ...base, ...none, status: 'unavailable', problem };
    const figures = engine.position(symbol, positionSide);
    if (!figures) return { ...base, ...none, status: 'closed' };
    if (figures.position.marginType !== 'isolated') return { ...base, ...none, status: 'notIsolated' };
    const p = figures.position;
    const addable = engine.maxAddable(p.marginAsset, p.marginAssetPrecision);
    if (!basis || basis.figures !== figures || basis.addable !== addable) {
      const limits = engine.limits(symbol, positionSide)!;
      const bps = session.maxHeadroomBps;
      // Max removable's headroom follows the position's own figures, max addable's the asset's cross
      // sums: a tick of a cross symbol recomputes only the first, one of the own symbol only the second.
      const offered = {
        ADD: basis?.addable === addable ? basis.offered.ADD : offeredMax(engine, limits, 'ADD', bps),
        REMOVE: basis?.figures === figures ? basis.offered.REMOVE : offeredMax(engine, limits, 'REMOVE', bps),
      };
      basis = { figures, addable, limits, offered };
    }
    return { ...base, status: 'ready', limits: basis.limits, offered: basis.offered };
  }

  function same(a: PositionState, b: PositionState): boolean {
    return (
      a.status === b.status &&
      a.limits === b.limits &&
      a.offered === b.offered &&
      a.markPriceTime === b.markPriceTime &&
      a.isStale === b.isStale &&
      a.feedStatus === b.feedStatus &&
      a.error === b.error &&
      a.problem === b.problem &&
      a.adjustment === b.adjustment
    );
  }

  const onAccount = () => {
    rewatch();
    changed();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        offs = [
          session.subscribeAccount(onAccount),
          session.subscribeFeedStatus(changed),
          session.adjustments.subscribe(symbol, positionSide, changed),
        ];
        session.load();
        rewatch();
        dirty = true;
        arm();
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        for (const off of offs) off();
        offs = [];
        for (const off of watched.values()) off();
        watched.clear();
        arm();
      };
    },
    getSnapshot() {
      // Unwatched, nothing tells it of a change: it computes on every read.
      if (!dirty && listeners.size > 0 && snapshot) return snapshot;
      const next = compute();
      dirty = false;
      if (!snapshot || !same(snapshot, next)) snapshot = next;
      return snapshot;
    },
  };
}
