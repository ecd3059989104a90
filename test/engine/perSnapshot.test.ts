import { describe, expect, it, vi } from 'vitest';
import { perSnapshot } from '../../src/engine/perSnapshot';

describe('perSnapshot', () => {
  it('computes once per snapshot object, a null result included, and apart for each object', () => {
    const compute = vi.fn((s: { lp: string | null }) => s.lp);
    const lp = perSnapshot(compute);
    const a = { lp: null };
    const b = { lp: '54216.87' };
    expect([lp(a), lp(a), lp(b), lp(b), lp(a)]).toEqual([null, null, '54216.87', '54216.87', null]);
    expect(compute).toHaveBeenCalledTimes(2);
    // An equal but new snapshot (the next account update) is computed afresh.
    expect(lp({ lp: null })).toBeNull();
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
