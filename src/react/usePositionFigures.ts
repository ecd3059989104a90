'use client';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { LivePositionFigures } from '../engine/liveAccount';
import type { PositionSide, Unsubscribe } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/**
 * One position's live figures from the session's engine (a table row). With `wakeWhenHidden`, the
 * row is woken by that instead of by ticks (e.g. a clock while it is off screen); its symbol stays
 * subscribed either way, so the figures are current whenever it reads them.
 */
export function usePositionFigures(
  symbol: string,
  positionSide: PositionSide,
  wakeWhenHidden?: (listener: () => void) => Unsubscribe,
): LivePositionFigures | undefined {
  const { session } = useMarginSource();
  // A subscription of this row's own: rows of one symbol (a hedge pair) hold one each.
  useEffect(() => session.watchSymbol(symbol, () => {}), [session, symbol]);
  const subscribe = useCallback(
    (l: () => void) => {
      const offAccount = session.subscribeAccount(l);
      const offTicks = wakeWhenHidden ? wakeWhenHidden(l) : session.watchSymbol(symbol, l);
      return () => {
        offAccount();
        offTicks();
      };
    },
    [session, symbol, wakeWhenHidden],
  );
  const get = useCallback(() => session.figures(symbol, positionSide), [session, symbol, positionSide]);
  return useSyncExternalStore(subscribe, get, get);
}
