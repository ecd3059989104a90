'use client';
import { useSyncExternalStore } from 'react';
import type { AccountState } from '../engine/session';
import { useMarginSource } from './MarginSourceProvider';

/** The checked account: its status, the positions the kit computes, and those it set apart with a reason. */
export function useAccount(): AccountState {
  const { session } = useMarginSource();
  return useSyncExternalStore(session.subscribeAccount, session.getAccountState, session.getAccountState);
}
