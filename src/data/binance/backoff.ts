import type { ReconnectOptions } from './options';

/** Default first reconnection delay. */
export const DEFAULT_INITIAL_DELAY_MS = 500;
/** Default largest reconnection delay. */
export const DEFAULT_MAX_DELAY_MS = 30_000;

/**
 * The delay before reconnection attempt `attempt` (0-based): `min(max, initial × 2^attempt)`; with
 * `jitter`, a random point in [delay/2, delay] (`random` returns [0, 1)).
 */
export function reconnectDelay(
  attempt: number,
  options: ReconnectOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const delay = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return options.jitter ? delay / 2 + (delay / 2) * random() : delay;
}
