/**
 * The demo feed's state in one phrase: the page header shows "Price feed: <it>" and every feed
 * control announces the same words, so the two never disagree (no "Paused" beside "live again").
 */
export function feedText(s: { running: boolean; feed: string; rateHz: number }): string {
  if (s.feed === 'reconnecting') return 'reconnecting (simulated outage)';
  return s.running ? `live, ${s.rateHz} Hz` : 'paused (no new prices)';
}
