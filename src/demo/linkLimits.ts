import { MAX_RATE_HZ, MIN_RATE_HZ } from '../simulated';
import { MAX_MARKETS } from '../data/simulated/exchange';
import { SNAPSHOT_LIMITS } from '../index';

/**
 * What a scenario link and the page's query may hold: the bounds of the playground's own fields,
 * so a link can set nothing the playground could not. A link beyond them is refused with a banner
 * naming the setting; a query value beyond them is capped.
 */
export const LINK_LIMITS = {
  /** Characters of the `#scenario=` value (about 700 KB of scenario JSON). */
  hashLength: 1_000_000,
  /** Markets of the simulated exchange (its own cap). */
  markets: MAX_MARKETS,
  positions: 500,
  assets: 50,
  bracketsPerPosition: 50,
  /** Symbols and asset names: the kit's own bound. */
  nameLength: SNAPSHOT_LIMITS.nameLength,
  /** A decimal string: the playground's fields, and anything the exchange's 40-digit arithmetic writes. */
  decimalLength: 100,
  latencyMs: { min: 0, max: 10_000 },
  timeoutMs: { min: 0, max: 60_000 },
  rateHz: { min: MIN_RATE_HZ, max: MAX_RATE_HZ },
  maxStepTicks: { min: 0, max: 100_000 },
  /**
   * `?throttleMs=`: at most half the kit's default stale threshold (10 s), so the throttle alone never
   * holds a price back long enough to look stale.
   */
  throttleMs: { min: 0, max: 5_000 },
  /** `?staleAfterMs=`: up to a minute (0 is the kit's default). */
  staleAfterMs: { min: 0, max: 60_000 },
} as const;
