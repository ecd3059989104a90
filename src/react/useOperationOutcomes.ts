'use client';
import { useEffect, useRef } from 'react';
import type { MarginSession } from '../engine/session';
import type { Unsubscribe } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/**
 * Calls `onOutcome` with each outcome of one kind of operation of the session (`kindOf` picks it:
 * the adjustments, the transfers), once, when it happens; the latest `onOutcome` is called.
 */
export function useOperationOutcomes<State>(
  kindOf: (session: MarginSession) => { subscribeOutcomes(listener: (state: State) => void): Unsubscribe },
  onOutcome: (state: State) => void,
): void {
  const { session } = useMarginSource();
  const latest = useRef(onOutcome);
  useEffect(() => {
    latest.current = onOutcome;
  }, [onOutcome]);
  useEffect(() => kindOf(session).subscribeOutcomes((state) => latest.current(state)), [session, kindOf]);
}
