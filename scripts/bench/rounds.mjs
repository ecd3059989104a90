// Repeated runs: a noisy figure is measured in several rounds (the runs of one round side by side,
// round after round, so a load spike on the shared machine hits every run of a round alike) and
// reported as the median of the rounds with their range (min–max) beside it.

/** Median, min and max of the finite values (and how many there are); null when there are none. */
export function spread(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

/** Each numeric key of the rounds' records: its spread over the rounds. */
export function spreads(records) {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, spread(records.map((r) => r[k]))]));
}

/** The round whose `key` is the median of the rounds' (of an even count, the lower middle one): shown in full. */
export function medianRound(rounds, key) {
  const sorted = rounds.filter((r) => Number.isFinite(key(r))).sort((a, b) => key(a) - key(b));
  return sorted[(sorted.length - 1) >> 1] ?? rounds[0];
}

/** "11.80–14.02 ms": the range (min–max) of a spread. */
export function rangeOf(s, format) {
  return `${format(s.min).replace(/\s*(ms|fps|×)$/, '')}–${format(s.max)}`;
}

/** "12.69 ms (11.80–14.02 ms)": the median, then the range when there is more than one round. */
export function withRange(s, format) {
  if (!s) return 'n/a';
  return s.n < 2 ? format(s.median) : `${format(s.median)} (${rangeOf(s, format)})`;
}
