/**
 * `compute` once per snapshot object: the result lives as long as the snapshot does (a WeakMap), so
 * what depends on a position or account snapshot alone is not recomputed on every tick.
 */
export function perSnapshot<S extends object, V>(compute: (snapshot: S) => V): (snapshot: S) => V {
  const results = new WeakMap<S, V>();
  return (snapshot) => {
    if (results.has(snapshot)) return results.get(snapshot) as V;
    const value = compute(snapshot);
    results.set(snapshot, value);
    return value;
  };
}
