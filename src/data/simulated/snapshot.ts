import type { AccountSnapshot, AssetSnapshot, PositionSnapshot } from '../../engine/types';
import type { SimulatedMarket } from './state';

function freezePosition(p: PositionSnapshot): PositionSnapshot {
  return Object.freeze({ ...p, brackets: Object.freeze(p.brackets.map((b) => Object.freeze({ ...b }))) });
}

/** A deep-frozen copy of an account: what the exchange keeps and hands out, never mutated. */
export function freezeAccount(account: AccountSnapshot): AccountSnapshot {
  return Object.freeze({
    assets: Object.freeze(account.assets.map((a: AssetSnapshot) => Object.freeze({ ...a }))),
    positions: Object.freeze(account.positions.map(freezePosition)),
    updateTime: account.updateTime,
  });
}

/** Mark prices by symbol, from the markets. */
export function marksOf(markets: Readonly<Record<string, SimulatedMarket>>): Record<string, string> {
  // Own properties only, a symbol named `__proto__` included (assignment would set the prototype).
  return Object.fromEntries(Object.entries(markets).map(([symbol, m]) => [symbol, m.markPrice]));
}

/**
 * The account as `getAccount` reports it: each position carries its market's current mark price.
 * Frozen; positions whose mark is unchanged are reused, so unchanged parts keep their identity.
 */
export function accountAtMarks(
  account: AccountSnapshot,
  marks: Readonly<Record<string, string>>,
  updateTime: number,
): AccountSnapshot {
  return Object.freeze({
    assets: account.assets,
    positions: Object.freeze(
      account.positions.map((p) => {
        const mark = marks[p.symbol] ?? p.markPrice;
        return mark === p.markPrice ? p : Object.freeze({ ...p, markPrice: mark });
      }),
    ),
    updateTime,
  });
}
