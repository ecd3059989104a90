import type { Bracket } from '../../core/types';
import { decimalString } from './decimal-string';
import { asArray, isRecord } from './payloads';

/**
 * Maps the tiers of one symbol to the kit's {@link Bracket}s, values as exact decimal strings,
 * ordered by `bracket` number. USDⓈ-M tiers carry `notionalFloor`/`notionalCap`; COIN-M tiers carry
 * `qtyFloor`/`qtyCap` (coin), which become `notionalFloor`/`notionalCap` (the math reads COIN-M
 * brackets in coin).
 */
export function mapBracketTiers(tiers: unknown): Bracket[] {
  return asArray(tiers)
    .filter(isRecord)
    .map((tier, index) => ({ tier, order: typeof tier.bracket === 'number' ? tier.bracket : index }))
    .sort((a, b) => a.order - b.order)
    .map(({ tier }) => ({
      notionalFloor: decimalString(tier.notionalFloor ?? tier.qtyFloor ?? tier.qtylFloor, 'notionalFloor'),
      notionalCap: decimalString(tier.notionalCap ?? tier.qtyCap, 'notionalCap'),
      maintMarginRatio: decimalString(tier.maintMarginRatio, 'maintMarginRatio'),
      cum: decimalString(tier.cum, 'cum'),
    }));
}

/**
 * Maps a leverage-bracket response (`GET /fapi/v1/leverageBracket`, `/dapi/v2/leverageBracket`; an
 * array, or one object when a symbol was asked) to brackets per symbol. An entry keyed by `pair`
 * (`/dapi/v1`) is stored under the pair. An entry with a garbled tier is left out: its symbol's
 * positions become unavailable, the other symbols are unaffected.
 */
export function mapBrackets(payload: unknown): Map<string, Bracket[]> {
  const out = new Map<string, Bracket[]>();
  for (const entry of asArray(payload)) {
    if (!isRecord(entry)) continue;
    const key =
      typeof entry.symbol === 'string' ? entry.symbol : typeof entry.pair === 'string' ? entry.pair : undefined;
    if (!key) continue;
    try {
      out.set(key, mapBracketTiers(entry.brackets));
    } catch {
      // a garbled tier: no brackets for this symbol
    }
  }
  return out;
}
