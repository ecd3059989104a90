'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { AdjustmentState } from '../engine/adjustments';
import type { PositionSide } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/** A position's adjustment: the request in flight, or the last outcome (kept by the session across dialogs). */
export function useAdjustment(symbol: string, positionSide: PositionSide): AdjustmentState {
  const { session } = useMarginSource();
  const subscribe = useCallback(
    (l: () => void) => session.adjustments.subscribe(symbol, positionSide, l),
    [session, symbol, positionSide],
  );
  const get = useCallback(() => session.adjustments.state(symbol, positionSide), [session, symbol, positionSide]);
  return useSyncExternalStore(subscribe, get, get);
}
