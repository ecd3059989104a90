/**
 * mulberry32: a tiny seeded PRNG on unsigned 32-bit integers. Its whole state is one integer,
 * so it can be exported, saved as JSON and resumed exactly. It drives price steps only (integers
 * of ticks); no amount or price ever passes through a JS number.
 */

/** One draw: the uint32 value and the state to continue from. */
export interface PrngDraw {
  value: number;
  state: number;
}

/** The PRNG state a seed starts from (any number; taken as an unsigned 32-bit integer). */
export function prngStateFromSeed(seed: number): number {
  return Math.trunc(seed) >>> 0;
}

/** The next uint32 and the new state. Pure: the same state always gives the same draw. */
export function nextUint32(state: number): PrngDraw {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, state: next };
}

/** A uniform integer in `[-max, max]` (max ≥ 0) and the new state. */
export function nextSymmetricInt(state: number, max: number): PrngDraw {
  const draw = nextUint32(state);
  const span = 2 * max + 1;
  return { value: (draw.value % span) - max, state: draw.state };
}
