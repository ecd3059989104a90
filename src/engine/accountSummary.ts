import type { Decimal } from '../core/decimal';
import {
  availableForOrder,
  crossMaxWithdrawal,
  DEFAULT_ASSET_DECIMALS,
  maxAddable as maxAddableOf,
} from '../core/limits';
import { roundDown } from '../core/rounding';
import type { LiveCrossSums } from './liveAccount';
import type { UnavailablePosition } from './checkSnapshot';
import type { AccountState, MarginSession } from './session';
import type { AccountSnapshot, Unsubscribe } from './types';

/** The cross-margin figures of one margin asset, at the marks the engine uses. Immutable. */
export interface AssetSummary {
  asset: string;
  /** Decimals of the asset's amounts: its positions' `marginAssetPrecision`, else 8. */
  decimals: number;
  crossWalletBalance: Decimal;
  /**
   * True when a position that is (or may be) of this asset could not be read (`AccountState.unavailable`):
   * its figures are missing from the sums, so the four figures below are `null`, never a guess.
   */
  incomplete: boolean;
  /** Σ unrealized PnL of the asset's cross positions. */
  crossUnrealizedPnl: Decimal | null;
  /** `max(0, cwb + ΣcrossUPnL − (ΣcrossIM + ΣisoOrderIM))`, rounded down. */
  availableForOrder: Decimal | null;
  /** Max addable into an isolated position of the asset, rounded down (`maxAddable`). */
  maxAddable: Decimal | null;
  /**
   * Max withdrawable in Cross Margin Mode, rounded down (`crossMaxWithdrawal`):
   * `max(0, min(cwb − ΣisoOrderIM − ΣcrossMM, cwb + ΣcrossUPnL − ΣcrossIM − ΣisoOrderIM))`.
   */
  maxWithdrawable: Decimal | null;
}

/** The account's cross-margin limits, per margin asset. Immutable: a new object only when something shown changed. */
export interface AccountSummaryState {
  status: 'loading' | 'error' | 'ready';
  /** One entry per margin asset: the account's assets in their order, then assets only positions name. */
  assets: readonly AssetSummary[];
  /** The account's error, when `status` is 'error'. */
  error: unknown;
}

/** `subscribe`/`getSnapshot` over the account's cross-margin limits, for `useSyncExternalStore` or any other reader. */
export interface AccountSummaryObserver {
  subscribe(listener: () => void): Unsubscribe;
  getSnapshot(): AccountSummaryState;
}

/** The margin assets of an account: its assets in order, then those only positions name. */
function marginAssetsOf(account: AccountSnapshot): string[] {
  const names = new Set(account.assets.map((a) => a.asset));
  for (const p of account.positions) names.add(p.marginAsset);
  return [...names];
}

/** Decimals of an asset's amounts: its first position's `marginAssetPrecision`, else 8. */
export function assetDecimals(account: AccountSnapshot, asset: string): number {
  return account.positions.find((p) => p.marginAsset === asset)?.marginAssetPrecision ?? DEFAULT_ASSET_DECIMALS;
}

/**
 * True when a position the check set apart may belong to `asset`: one of that asset, or one whose
 * asset could not be read (a source's own unreadable row).
 */
function assetIncomplete(unavailable: readonly UnavailablePosition[], asset: string): boolean {
  return unavailable.some((u) => u.marginAsset === undefined || u.marginAsset === asset);
}

/** The summary of one asset from its cross sums: every limit rounded down to `decimals`. */
function summarizeAsset(asset: string, cross: LiveCrossSums, decimals: number, incomplete: boolean): AssetSummary {
  const known = <T>(value: () => T): T | null => (incomplete ? null : value());
  return {
    asset,
    decimals,
    crossWalletBalance: cross.crossWalletBalance,
    incomplete,
    crossUnrealizedPnl: known(() => cross.crossUnrealizedPnl),
    availableForOrder: known(() => roundDown(availableForOrder(cross), decimals)),
    maxAddable: known(() => maxAddableOf(cross, decimals)),
    maxWithdrawable: known(() => crossMaxWithdrawal(cross, decimals)),
  };
}

/**
 * One asset's figures computed now from the freshest marks (past the throttle, see
 * `session.readLatestCross`); `undefined` until an account has loaded. Transfer's click-time re-check.
 */
export function latestAssetSummary(session: MarginSession, asset: string): AssetSummary | undefined {
  const state = session.getAccountState();
  const cross = session.readLatestCross(asset);
  if (state.status !== 'ready' || !state.account || !cross) return undefined;
  const decimals = assetDecimals(state.account, asset);
  return summarizeAsset(asset, cross, decimals, assetIncomplete(state.unavailable, asset));
}

/**
 * Watches the account's cross-margin limits: for every margin asset, the marks of its cross
 * positions (re-chosen when the account changes). Cross wallet, open-order margin and the isolated
 * positions do not move with the mark, so a tick of another symbol wakes nobody here.
 */
export function observeAccountSummary(session: MarginSession): AccountSummaryObserver {
  const listeners = new Set<() => void>();
  const watched = new Map<string, Unsubscribe>();
  let offAccount: Unsubscribe | undefined;
  let snapshot: AccountSummaryState | undefined;
  let dirty = true;
  /** The sums each summary was made from: the engine makes new sums only when a cross position moved. */
  const made = new Map<string, { sums: LiveCrossSums; decimals: number; incomplete: boolean; summary: AssetSummary }>();

  function changed() {
    dirty = true;
    for (const l of [...listeners]) l();
  }

  function rewatch() {
    const account = session.getAccountState().account;
    const want = new Set(account ? marginAssetsOf(account).flatMap((a) => session.crossSymbols(a)) : []);
    for (const [s, off] of watched) {
      if (!want.has(s)) {
        off();
        watched.delete(s);
      }
    }
    for (const s of want) if (!watched.has(s)) watched.set(s, session.watchSymbol(s, changed));
  }

  function summaryOf(state: AccountState, account: AccountSnapshot, asset: string): AssetSummary {
    const sums = session.engine()!.crossSums(asset);
    const decimals = assetDecimals(account, asset);
    const incomplete = assetIncomplete(state.unavailable, asset);
    const kept = made.get(asset);
    if (kept && kept.sums === sums && kept.decimals === decimals && kept.incomplete === incomplete) return kept.summary;
    const summary = summarizeAsset(asset, sums, decimals, incomplete);
    made.set(asset, { sums, decimals, incomplete, summary });
    return summary;
  }

  function compute(): AccountSummaryState {
    const state = session.getAccountState();
    if (state.status !== 'ready' || !state.account || !session.engine()) {
      return { status: state.status === 'error' ? 'error' : 'loading', assets: [], error: state.error };
    }
    const account = state.account;
    const assets = marginAssetsOf(account).map((a) => summaryOf(state, account, a));
    return { status: 'ready', assets, error: state.error };
  }

  function same(a: AccountSummaryState, b: AccountSummaryState): boolean {
    return (
      a.status === b.status &&
      a.error === b.error &&
      a.assets.length === b.assets.length &&
      a.assets.every((s, i) => s === b.assets[i])
    );
  }

  function start() {
    offAccount = session.subscribeAccount(() => {
      rewatch();
      changed();
    });
    session.load();
    rewatch();
    dirty = true;
  }

  function stop() {
    offAccount?.();
    offAccount = undefined;
    for (const off of watched.values()) off();
    watched.clear();
  }

  return {
    subscribe(listener) {
      if (listeners.size === 0) start();
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) stop();
      };
    },
    getSnapshot() {
      // Unwatched, nothing tells it of a change: it computes on every read.
      if (dirty || listeners.size === 0 || !snapshot) {
        const next = compute();
        dirty = false;
        if (!snapshot || !same(snapshot, next)) snapshot = next;
      }
      return snapshot;
    },
  };
}
