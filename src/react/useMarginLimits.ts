'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { adjustedPosition, positionFigures, type PositionFigures } from '../core/adjustment';
import { Dec, type Decimal, type DecimalInput } from '../core/decimal';
import type { AdjustType } from '../core/types';
import { findPosition } from '../engine/account';
import { computeMarginLimits, type MarginLimits } from '../engine/marginLimits';
import { useMarginSource } from './MarginSourceProvider';
import { accountQueryOptions } from './queries';
import type { AccountSnapshot, FeedStatus, PositionSide } from '../engine/types';
import { useFeedStatus, useMarkPrice, useMarkPrices } from './useMarkPrice';

/** Mark prices older than this (ms) are stale; a stale price blocks Remove. */
export const DEFAULT_STALE_AFTER_MS = 10_000;

/** Where a position's limits stand. */
export type MarginLimitsStatus = 'loading' | 'error' | 'ready' | 'closed' | 'notIsolated';

/** What `useMarginLimits` returns. */
export interface MarginLimitsState {
  status: MarginLimitsStatus;
  /** The live limits; present when `status` is 'ready'. */
  limits: MarginLimits | undefined;
  /** Margin, leverage and liquidation price after `options.adjustment`, when one is given and valid. */
  after: PositionFigures | undefined;
  /** Epoch ms of the mark price in use (the last tick, or the account snapshot's time). */
  markPriceTime: number | undefined;
  /** No tick for `staleAfterMs`, or the feed is reconnecting. */
  isStale: boolean;
  /** The feed's connection state: 'reconnecting' says why prices are stale. */
  feedStatus: FeedStatus;
  /** The account query's error, when `status` is 'error'. */
  error: unknown;
  /**
   * The limits computed now from the freshest data in the stores, bypassing React's render cycle.
   * Confirm calls this at the moment of the click.
   */
  readLatest: () => MarginLimits | undefined;
}

function crossSymbolsOf(account: AccountSnapshot | undefined, asset: string | undefined): string[] {
  if (!account || !asset) return [];
  const set = new Set<string>();
  for (const p of account.positions) if (p.marginType === 'cross' && p.marginAsset === asset) set.add(p.symbol);
  return [...set].sort();
}

function useIsOlderThan(time: number | undefined, ms: number): boolean {
  const [expiredAt, setExpiredAt] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (time === undefined) return;
    const t = setTimeout(() => setExpiredAt(time), Math.max(0, time + ms - Date.now()));
    return () => clearTimeout(t);
  }, [time, ms]);
  return time !== undefined && expiredAt === time;
}

/**
 * Live limits of one isolated position: max addable, max removable with the binding bound, and
 * the current margin, leverage and liquidation price. Recomputes when the position's mark price,
 * a cross position's mark price in the same asset, or the account changes — and only then.
 */
export function useMarginLimits(
  symbol: string,
  positionSide: PositionSide,
  options: { staleAfterMs?: number; adjustment?: { type: AdjustType; amount: DecimalInput } } = {},
): MarginLimitsState {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const { source, sourceKey, marks: store } = useMarginSource();
  const queryClient = useQueryClient();
  const query = useQuery(accountQueryOptions(source, sourceKey));
  const account = query.data;
  const position = account ? findPosition(account, symbol, positionSide) : undefined;
  const crossKey = crossSymbolsOf(account, position?.marginAsset).join(',');
  const watched = useMemo(() => [symbol, ...(crossKey ? crossKey.split(',') : [])], [symbol, crossKey]);
  const marks = useMarkPrices(watched);
  const mark = useMarkPrice(symbol);
  const feed = useFeedStatus();
  const markPriceTime = mark?.eventTime ?? account?.updateTime;
  const old = useIsOlderThan(markPriceTime, staleAfterMs);

  const isolated = position?.marginType === 'isolated';
  const limits = useMemo(
    () => (account && position && isolated ? computeMarginLimits(account, position, marks) : undefined),
    [account, position, isolated, marks],
  );

  const adjustType = options.adjustment?.type;
  const adjustAmount = options.adjustment ? String(options.adjustment.amount) : undefined;
  const after = useMemo(() => {
    if (!limits || !adjustType || adjustAmount === undefined) return undefined;
    let amount: Decimal;
    try {
      amount = new Dec(adjustAmount);
    } catch {
      return undefined;
    }
    if (!amount.isFinite() || amount.lte(0)) return undefined;
    return positionFigures(adjustedPosition(limits.input, adjustType, amount));
  }, [limits, adjustType, adjustAmount]);

  const readLatest = useCallback(() => {
    const latest = queryClient.getQueryData(accountQueryOptions(source, sourceKey).queryKey);
    if (!latest) return undefined;
    const p = findPosition(latest, symbol, positionSide);
    if (!p || p.marginType !== 'isolated') return undefined;
    const now = new Map<string, string>();
    for (const s of [symbol, ...crossSymbolsOf(latest, p.marginAsset)]) {
      const m = store.get(s);
      if (m) now.set(s, m.markPrice);
    }
    return computeMarginLimits(latest, p, now);
  }, [queryClient, source, sourceKey, store, symbol, positionSide]);

  let status: MarginLimitsStatus;
  if (query.isPending) status = 'loading';
  else if (query.isError && !account) status = 'error';
  else if (!position) status = 'closed';
  else if (!isolated) status = 'notIsolated';
  else status = 'ready';

  return {
    status,
    limits,
    after,
    markPriceTime,
    isStale: old || feed === 'reconnecting',
    feedStatus: feed,
    error: query.error,
    readLatest,
  };
}
