'use client';
import { useMemo, useSyncExternalStore } from 'react';
import { observePosition, type PositionState } from '../engine/positionObserver';
import type { PositionSide } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/**
 * Live limits of one isolated position: max addable, max removable with the binding bound, the
 * current margin, leverage and liquidation price, staleness and the adjustment in flight. A thin
 * reader of the session's `observePosition`: what it watches and when it turns stale are decided there.
 */
export function useMarginLimits(
  symbol: string,
  positionSide: PositionSide,
  options: { staleAfterMs?: number } = {},
): PositionState {
  const { session } = useMarginSource();
  const { staleAfterMs } = options;
  const observer = useMemo(
    () => observePosition(session, symbol, positionSide, { staleAfterMs }),
    [session, symbol, positionSide, staleAfterMs],
  );
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
