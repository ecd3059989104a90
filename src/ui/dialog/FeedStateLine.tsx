import { memo } from 'react';
import type { FeedStatus } from '../../engine/types';
import type { AdjustMarginMessages, FeedState } from '../messages';

/** The price feed as the dialog shows it: stale while the feed reconnects or the mark is `staleAfterMs` old. */
export function feedStateOf(feedStatus: FeedStatus, isStale: boolean): FeedState {
  if (feedStatus === 'reconnecting') return 'reconnecting';
  return isStale ? 'stale' : 'live';
}

/**
 * "Live", or "Stale: …" in the warning colour above the limits and figures it dims. A status
 * region: a change of state is announced.
 */
export const FeedStateLine = memo(function FeedStateLine(props: { state: FeedState; m: AdjustMarginMessages }) {
  return (
    <p role="status" className="amk-feed-state" data-state={props.state}>
      <span className="amk-feed-dot" aria-hidden="true" />
      {props.m.feedState(props.state)}
    </p>
  );
});
