import type { MarginSession } from './session';

/** Mark prices older than this (ms) are stale; a stale price blocks Remove. */
export const DEFAULT_STALE_AFTER_MS = 10_000;

/**
 * Epoch ms of the mark price a symbol's figures use: the tick the engine applied last, else the
 * account snapshot's time. What is shown is what ages: a throttle longer than the stale threshold
 * makes the figures stale too.
 */
export function markPriceTimeOf(session: MarginSession, symbol: string): number | undefined {
  return session.markTime(symbol) ?? session.getAccountState().account?.updateTime;
}

/** True when the feed is reconnecting or the symbol's mark is `staleAfterMs` old at `now`. */
export function isStaleAt(session: MarginSession, symbol: string, staleAfterMs: number, now: number): boolean {
  if (session.feedStatus() === 'reconnecting') return true;
  const time = markPriceTimeOf(session, symbol);
  return time !== undefined && now - time >= staleAfterMs;
}
