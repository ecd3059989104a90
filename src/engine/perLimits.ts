import type { MarginLimits } from './marginLimits';

/**
 * `compute` kept per limits object, for a figure that depends on the limits alone and is read on
 * every keystroke (the form's target range, the risk before): worked out once per tick, not once per
 * key. A kept value is used only while the fields it may have read are the very same values, so a
 * limits object changed in place is computed again. The cache goes with the limits object.
 */
export function perLimits<T>(compute: (limits: MarginLimits) => T): (limits: MarginLimits) => T {
  const kept = new WeakMap<MarginLimits, { readonly from: readonly unknown[]; readonly value: T }>();
  return (limits) => {
    const { position, input, markPrice, maxAddable, maxRemovable, current, unrealizedPnl } = limits;
    const from = [position, input, markPrice, maxAddable, maxRemovable, current, unrealizedPnl];
    const hit = kept.get(limits);
    if (hit && hit.from.every((v, i) => v === from[i])) return hit.value;
    const value = compute(limits);
    kept.set(limits, { from, value });
    return value;
  };
}
