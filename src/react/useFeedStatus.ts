'use client';
import { useSyncExternalStore } from 'react';
import type { FeedStatus } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';

/** The feed's connection state ('reconnecting' makes every price stale at once). */
export function useFeedStatus(): FeedStatus {
  const { session } = useMarginSource();
  return useSyncExternalStore(session.subscribeFeedStatus, session.feedStatus, () => 'live');
}
