/**
 * An incremental margin engine over one account: mark-price ticks in, every position's live figures,
 * the cross sums per margin asset and the limits of any isolated position out, with the same decimal
 * results as the straightforward core functions and a fraction of their work.
 *
 * Framework-free: a closure with no React, no timers and no subscriptions of its own.
 *
 * How a tick stays cheap without changing a single digit of the results:
 * - Each position's constant fields (size, |size|, entry price, leverage, wallet, contract size,
 *   its brackets' caps, MMR and cum) are turned into Decimals once per account snapshot, never per tick.
 * - The mark price of a symbol is parsed once per tick and shared by every position of that symbol
 *   (for COIN-M, `1 / MP` too).
 * - A tick only records the new mark of a position; its figures are computed when first read (a
 *   table row on screen, the open dialog, a cross sum), so positions nobody reads cost nothing.
 * - The maintenance bracket is kept from the previous tick and searched again only when the
 *   notional leaves that bracket's range.
 * - A liquidation price does not depend on the mark price: it is computed on first read and kept
 *   for the position snapshot.
 * - Cross sums are summed again only for an asset one of whose cross positions moved, and only when read.
 *
 * What it deliberately does NOT do: rewrite a formula into "cheaper" algebra (`size·MP − size·EP`
 * with `size·EP` kept, `MP·(|size|/lev)` with `|size|/lev` kept, or running sums updated by
 * differences). At 40 significant digits such rewrites round differently from the core functions,
 * so the figures would no longer be exactly the ones the dialog validates against. Every figure is
 * computed by the same sequence of decimal operations, on the same values, as the core function
 * that defines it (`unrealizedPnl`, `notionalAt`, `bracketFor`, `maintenanceMargin`,
 * `initialMarginAtMark`, `positionMargin`, `maxRemovable`, `crossSums`, `maxAddable`,
 * `effectiveLeverage`, `liquidationPrice`); a property test checks equality with `Decimal.eq`.
 *
 * @module
 */
import type { PositionFigures } from '../core/adjustment';
import { Dec, toDecimal, type Decimal } from '../core/decimal';
import { DEFAULT_ASSET_DECIMALS, maxAddable as maxAddableOf, type MaxRemovable } from '../core/limits';
import { liquidationPrice as liquidationPriceOf } from '../core/liquidation';
import { roundDown } from '../core/rounding';
import { positionSign } from '../core/position';
import type { CrossInput, RemoveLimitedBy } from '../core/types';
import { toPositionInput, type MarkPrices } from './account';
import type { MarginLimits } from './marginLimits';
import { positionKey } from './positionKey';
import { bracketIndex, maintenanceAt, prepareBrackets, type PreparedBrackets } from './preparedBrackets';
import type { AccountSnapshot, PositionSide, PositionSnapshot } from './types';

const ZERO = new Dec(0);
const ONE = new Dec(1);

/** One position's live figures at the current mark price of its symbol. Immutable: a tick that moves the position makes a new object. */
export interface LivePositionFigures {
  /** {@link positionKey} of the position. */
  readonly key: string;
  /** The position as the account snapshot has it. */
  readonly position: PositionSnapshot;
  /** The mark price in use: the last tick of the symbol, or the snapshot's own before any tick. */
  readonly markPrice: string;
  /** Notional at mark: USDⓈ-M `|size| × MP`, COIN-M `|size| × CS / MP` (`notionalAt`). */
  readonly notional: Decimal;
  /** `unrealizedPnl` at mark. */
  readonly unrealizedPnl: Decimal;
  /** `initialMarginAtMark`. */
  readonly initialMargin: Decimal;
  /** `maintenanceMargin` at mark, with the bracket that holds the notional. */
  readonly maintenanceMargin: Decimal;
  /**
   * The margin a positions table shows: isolated → `positionMargin` (wallet + uPnL);
   * cross → the initial margin at mark.
   */
  readonly margin: Decimal;
  /** Isolated only: `maxRemovable` at the margin asset's decimals; `null` for a cross position. */
  readonly maxRemovable: MaxRemovable | null;
  /**
   * Isolated only: `liquidationPrice` of the snapshot (it does not depend on the mark price), computed
   * on first read and kept; `null` when there is none and for a cross position.
   */
  readonly liquidationPrice: Decimal | null;
}

/** What a tick or an account change touched: use it to notify only the readers of these. */
export interface LiveAccountChange {
  /** Keys ({@link positionKey}) of the positions whose figures changed, in account order. */
  readonly positions: readonly string[];
  /** Margin assets whose cross sums (and so max addable) may have changed. */
  readonly assets: readonly string[];
}

/** The cross sums of one margin asset (`CrossInput`), every field a Decimal. */
export type LiveCrossSums = { readonly [K in keyof CrossInput]: Decimal };

/** The live engine of one account. Create it with {@link createLiveAccount}. */
export interface LiveAccount {
  /** The account snapshot in use. */
  readonly account: AccountSnapshot;
  /**
   * One symbol's new mark price (a decimal string, as `MarkPriceUpdate.markPrice`). Recomputes the
   * positions of that symbol; a symbol without positions is remembered for a later `setAccount`.
   * A price equal (as a string) to the one in use changes nothing.
   */
  applyTick(symbol: string, markPrice: string): LiveAccountChange;
  /**
   * Several symbols at once, e.g. one message of Binance's all-market stream `!markPrice@arr`.
   * Same result as `applyTick` for each entry, with each asset's cross sums summed once.
   */
  applyMarks(marks: MarkPrices): LiveAccountChange;
  /**
   * A new account snapshot (an account update: wallet, size, leverage, brackets, positions opened
   * or closed). Live mark prices are kept; every position is prepared again.
   */
  setAccount(account: AccountSnapshot): LiveAccountChange;
  /** The mark price in use for `symbol`: the last tick, else the snapshot's; `undefined` if unknown. */
  markPrice(symbol: string): string | undefined;
  /** Every position's figures, in account order. The array is new after each change. */
  positions(): readonly LivePositionFigures[];
  /** One position's figures; `undefined` when the account has no such position. */
  position(symbol: string, positionSide: PositionSide): LivePositionFigures | undefined;
  /** The cross sums of a margin asset, as `crossInputFor(account, asset, marks)` computes them. */
  crossSums(asset: string): LiveCrossSums;
  /**
   * The figures of the cross positions of a margin asset, in account order: those `crossSums` adds.
   * The array is new after each change of one of them.
   */
  crossPositions(asset: string): readonly LivePositionFigures[];
  /** Max addable from the cross wallet of `asset`, rounded down to `decimals` (default 8): `maxAddable(crossSums(asset))`. */
  maxAddable(asset: string, decimals?: number): Decimal;
  /**
   * The dialog's limits of one isolated position, equal to `computeMarginLimits(account, position, marks)`
   * at the live marks; `undefined` when there is no such position or it is a cross position.
   */
  limits(symbol: string, positionSide: PositionSide): MarginLimits | undefined;
}

// ---------------------------------------------------------------------------------------------
// Positions

/** A mark price, parsed once and shared by every position that uses it. */
interface Mark {
  readonly mark: string;
  readonly mp: Decimal;
  /** `1 / MP`, for COIN-M positions; computed on first use. */
  inv: Decimal | undefined;
}

function parseMark(mark: string): Mark {
  return { mark, mp: toDecimal(mark), inv: undefined };
}

interface SymbolState {
  /** The symbol's last tick; before the first one, each position uses its snapshot's own mark (as `markOf` does). */
  live: Mark | undefined;
  readonly positions: Prepared[];
}

/** What Max's headroom reads of a position besides its figures: its side and its brackets. */
export interface PositionTerms {
  /** `positionSign` is 1. */
  readonly long: boolean;
  readonly brackets: PreparedBrackets;
  /** The bracket the position's notional was last found in (−1: none yet): where a search for a nearby notional starts. */
  readonly bracket: number;
}

interface Prepared extends PositionTerms {
  readonly key: string;
  readonly snapshot: PositionSnapshot;
  readonly isolated: boolean;
  readonly linear: boolean;
  readonly decimals: number;
  /** positionAmt */
  readonly size: Decimal;
  /** |positionAmt| (linear notional) or |positionAmt| × CS (COIN-M notional). */
  readonly notionalFactor: Decimal;
  /** entryPrice (linear) or 1 / entryPrice (COIN-M). */
  readonly entry: Decimal;
  /** positionAmt × CS (COIN-M uPnL); unused for linear. */
  readonly sizeCs: Decimal;
  readonly leverage: Decimal;
  readonly wallet: Decimal;
  /** Place in the account's positions (the order change lists are given in). */
  readonly index: number;
  bracket: number;
  liquidation: Decimal | null | undefined;
  /** The mark the figures are (or will be) computed at. */
  at: Mark;
  /** The figures at `at`; `undefined` until read after a tick (see {@link figuresOf}). */
  figures: LivePositionFigures | undefined;
}

class Figures implements LivePositionFigures {
  constructor(
    readonly prepared: Prepared,
    readonly markPrice: string,
    readonly notional: Decimal,
    readonly unrealizedPnl: Decimal,
    readonly initialMargin: Decimal,
    readonly maintenanceMargin: Decimal,
    readonly margin: Decimal,
    readonly maxRemovable: MaxRemovable | null,
  ) {}

  get key(): string {
    return this.prepared.key;
  }

  get position(): PositionSnapshot {
    return this.prepared.snapshot;
  }

  get liquidationPrice(): Decimal | null {
    const p = this.prepared;
    if (!p.isolated) return null;
    if (p.liquidation === undefined) p.liquidation = liquidationPriceOf(toPositionInput(p.snapshot));
    return p.liquidation;
  }
}

function prepare(snapshot: PositionSnapshot, index: number): Omit<Prepared, 'figures' | 'at'> {
  const size = toDecimal(snapshot.positionAmt);
  const qty = size.abs();
  const linear = snapshot.contractType === 'linear';
  let cs = ONE;
  if (!linear) {
    if (snapshot.contractSize === undefined) throw new RangeError('A COIN-M position needs its contractSize');
    cs = toDecimal(snapshot.contractSize);
  }
  const ep = toDecimal(snapshot.entryPrice);
  return {
    key: positionKey(snapshot.symbol, snapshot.positionSide),
    snapshot,
    isolated: snapshot.marginType === 'isolated',
    linear,
    long: !size.isNegative(),
    decimals: snapshot.marginAssetPrecision,
    size,
    // Same operations as notionalAt: |size| × price, or |size| × CS / price.
    notionalFactor: linear ? qty : qty.times(cs),
    // Same operations as unrealizedPnl: size × (MP − EP), or size × CS × (1/EP − 1/MP).
    entry: linear ? ep : ONE.div(ep),
    sizeCs: linear ? size : size.times(cs),
    leverage: toDecimal(snapshot.leverage),
    wallet: toDecimal(snapshot.isolatedWallet),
    brackets: prepareBrackets(snapshot.brackets),
    index,
    bracket: -1,
    liquidation: undefined,
  };
}

/** Recomputes one position at its symbol's mark: the per-tick work, a dozen decimal operations. */
function compute(p: Prepared, s: Mark): LivePositionFigures {
  const mp = s.mp;
  let upnl: Decimal;
  let notional: Decimal;
  if (p.linear) {
    upnl = p.size.times(mp.minus(p.entry));
    notional = p.notionalFactor.times(mp);
  } else {
    if (s.inv === undefined) s.inv = ONE.div(mp);
    upnl = p.sizeCs.times(p.entry.minus(s.inv));
    notional = p.notionalFactor.div(mp);
  }
  // The bracket bracketFor would pick, searched again only when the notional left the kept one.
  p.bracket = bracketIndex(p.brackets, notional, p.bracket);
  const mm = maintenanceAt(notional, p.brackets.list[p.bracket]!);
  const im = notional.div(p.leverage);
  if (!p.isolated) return new Figures(p, s.mark, notional, upnl, im, mm, im, null);
  // maxRemovable, operation for operation.
  const margin = p.wallet.plus(upnl);
  const maintenanceTerm = p.wallet.minus(mm);
  const initialTerm = margin.minus(im);
  // maxRemovable's `lte`, `Dec.min(mt, it)` and `Dec.max(0, bound)`, choosing as decimal.js's
  // maxOrMin does (ties and signed zeros included) without its two copies per call.
  const c = maintenanceTerm.cmp(initialTerm);
  const limitedBy: RemoveLimitedBy = c === -1 || c === 0 ? 'maintenanceMargin' : 'initialMargin';
  const bound = c === 1 || (c === 0 && maintenanceTerm.s === 1) ? initialTerm : maintenanceTerm;
  const amount = roundDown(ZERO.cmp(bound) === -1 ? bound : ZERO, p.decimals);
  return new Figures(p, s.mark, notional, upnl, im, mm, margin, { amount, limitedBy, maintenanceTerm, initialTerm });
}

/**
 * The terms of `position` for Max's headroom: the engine's own when `figures` are this engine's
 * figures of that very snapshot, else parsed from the snapshot.
 */
export function termsOf(position: PositionSnapshot, figures: LivePositionFigures | undefined): PositionTerms {
  if (figures instanceof Figures && figures.position === position) return figures.prepared;
  return { long: positionSign(position) === 1, brackets: prepareBrackets(position.brackets), bracket: -1 };
}

/** A position's figures at its current mark, computed on first read after a tick. */
function figuresOf(p: Prepared): LivePositionFigures {
  return (p.figures ??= compute(p, p.at));
}

// ---------------------------------------------------------------------------------------------
// Assets

interface AssetState {
  readonly wallet: Decimal;
  /** Cross positions of the asset, in account order (the order crossSums adds them in). */
  readonly cross: readonly Prepared[];
  /** Σ open-order IM of the isolated positions, added in account order: constant per snapshot. */
  readonly isolatedOrders: Decimal;
  sums: LiveCrossSums | undefined;
  figures: readonly LivePositionFigures[] | undefined;
  readonly addable: Map<number, Decimal>;
}

function assetState(account: AccountSnapshot, asset: string, prepared: readonly Prepared[]): AssetState {
  const wallet = account.assets.find((a) => a.asset === asset)?.crossWalletBalance ?? '0';
  let iso = new Dec(0);
  const cross: Prepared[] = [];
  for (const p of prepared) {
    if (p.snapshot.marginAsset !== asset) continue;
    if (p.snapshot.marginType === 'cross') cross.push(p);
    else if (p.snapshot.marginType === 'isolated') iso = iso.plus(toDecimal(p.snapshot.openOrderInitialMargin));
  }
  return {
    wallet: toDecimal(wallet),
    cross,
    isolatedOrders: iso,
    sums: undefined,
    figures: undefined,
    addable: new Map(),
  };
}

function sumCross(a: AssetState): LiveCrossSums {
  let upnl = new Dec(0);
  let im = new Dec(0);
  let mm = new Dec(0);
  for (const p of a.cross) {
    const f = figuresOf(p);
    upnl = upnl.plus(f.unrealizedPnl);
    im = im.plus(f.initialMargin);
    mm = mm.plus(f.maintenanceMargin);
  }
  return {
    crossWalletBalance: a.wallet,
    crossUnrealizedPnl: upnl,
    crossInitialMargin: im,
    crossMaintMargin: mm,
    isolatedOpenOrderInitialMargin: a.isolatedOrders,
  };
}

function entriesOf(marks: MarkPrices): Iterable<[string, string]> {
  return marks instanceof Map ? marks.entries() : Object.entries(marks as Readonly<Record<string, string>>);
}

/**
 * Creates the live engine of an account, at each position snapshot's own mark price until ticks arrive.
 *
 * @example
 * const live = createLiveAccount(account);
 * live.applyMarks(allMarketMessage);               // Binance `!markPrice@arr`: every symbol at once
 * live.position('BTCUSDT', 'LONG')?.maxRemovable;  // figures per position
 * live.maxAddable('USDT');                         // from the cross sums of USDT
 * live.limits('BTCUSDT', 'LONG');                  // what the open dialog validates against
 *
 * @throws RangeError for a position without brackets, a COIN-M position without `contractSize`, or a
 * field that is not a finite decimal (as the core functions would on first use).
 */
export function createLiveAccount(initial: AccountSnapshot): LiveAccount {
  /** Every mark ever applied, by symbol: what `markOf` would read from an accumulated map. */
  const live = new Map<string, string>();
  let account = initial;
  let prepared: Prepared[] = [];
  let byKey = new Map<string, Prepared>();
  let symbols = new Map<string, SymbolState>();
  let assets = new Map<string, AssetState>();
  let list: readonly LivePositionFigures[] | undefined;

  function asset(name: string): AssetState {
    let a = assets.get(name);
    if (!a) {
      a = assetState(account, name, prepared);
      assets.set(name, a);
    }
    return a;
  }

  function load(next: AccountSnapshot): void {
    account = next;
    prepared = [];
    byKey = new Map();
    symbols = new Map();
    assets = new Map();
    list = undefined;
    const own = new Map<string, Mark>();
    for (const snapshot of next.positions) {
      const p = prepare(snapshot, prepared.length) as Prepared;
      let s = symbols.get(snapshot.symbol);
      if (!s) {
        const mark = live.get(snapshot.symbol);
        s = { live: mark === undefined ? undefined : parseMark(mark), positions: [] };
        symbols.set(snapshot.symbol, s);
      }
      let m = s.live;
      if (m === undefined) {
        const id = `${snapshot.symbol}\u0000${snapshot.markPrice}`;
        m = own.get(id);
        if (!m) own.set(id, (m = parseMark(snapshot.markPrice)));
      }
      s.positions.push(p);
      p.at = m;
      p.figures = compute(p, m);
      prepared.push(p);
      if (!byKey.has(p.key)) byKey.set(p.key, p);
    }
  }

  function move(symbol: string, mark: string, touched: Prepared[]): void {
    live.set(symbol, mark);
    const s = symbols.get(symbol);
    if (!s || s.live?.mark === mark) return;
    const m = parseMark(mark);
    s.live = m;
    for (const p of s.positions) {
      // A position already at this very mark (its snapshot's, before the first tick) keeps its figures.
      if (p.at.mark === mark) continue;
      p.at = m;
      p.figures = undefined;
      touched.push(p);
    }
  }

  /** The change list of the positions a tick moved (each once); `sorted` when they are in account order already. */
  function finish(touched: Prepared[], sorted: boolean): LiveAccountChange {
    if (touched.length === 0) return { positions: [], assets: [] };
    list = undefined;
    // A handful of assets: a list, and a cache cleared only when it holds something.
    const changedAssets: string[] = [];
    for (const p of touched) {
      if (p.snapshot.marginType !== 'cross') continue;
      const name = p.snapshot.marginAsset;
      const a = assets.get(name);
      if (a) {
        a.sums = undefined;
        a.figures = undefined;
        if (a.addable.size > 0) a.addable.clear();
      }
      if (!changedAssets.includes(name)) changedAssets.push(name);
    }
    if (!sorted) touched.sort((a, b) => a.index - b.index);
    return { positions: touched.map((p) => p.key), assets: changedAssets };
  }

  load(initial);

  return {
    get account() {
      return account;
    },

    applyTick(symbol, markPrice) {
      const touched: Prepared[] = [];
      move(symbol, markPrice, touched);
      // One symbol's positions are listed in account order.
      return finish(touched, true);
    },

    applyMarks(marks) {
      // Each symbol once (a map's keys), so each position at most once.
      const touched: Prepared[] = [];
      for (const [symbol, mark] of entriesOf(marks)) move(symbol, mark, touched);
      return finish(touched, false);
    },

    setAccount(next) {
      load(next);
      const keys = prepared.map((p) => p.key);
      const names = new Set<string>();
      for (const p of prepared) names.add(p.snapshot.marginAsset);
      for (const a of next.assets) names.add(a.asset);
      return { positions: keys, assets: [...names] };
    },

    markPrice(symbol) {
      return live.get(symbol) ?? account.positions.find((p) => p.symbol === symbol)?.markPrice;
    },

    positions() {
      list ??= Object.freeze(prepared.map(figuresOf));
      return list;
    },

    position(symbol, positionSide) {
      const p = byKey.get(positionKey(symbol, positionSide));
      return p && figuresOf(p);
    },

    crossSums(name) {
      const a = asset(name);
      a.sums ??= sumCross(a);
      return a.sums;
    },

    crossPositions(name) {
      const a = asset(name);
      a.figures ??= Object.freeze(a.cross.map(figuresOf));
      return a.figures;
    },

    maxAddable(name, decimals = DEFAULT_ASSET_DECIMALS) {
      const a = asset(name);
      let v = a.addable.get(decimals);
      if (v === undefined) {
        v = maxAddableOf(this.crossSums(name), decimals);
        a.addable.set(decimals, v);
      }
      return v;
    },

    limits(symbol, positionSide) {
      const p = byKey.get(positionKey(symbol, positionSide));
      if (!p || !p.isolated) return undefined;
      const f = figuresOf(p);
      const current: PositionFigures = {
        isolatedWallet: p.wallet,
        margin: f.margin,
        effectiveLeverage: f.margin.lte(ZERO) ? null : f.notional.div(f.margin),
        liquidationPrice: f.liquidationPrice,
      };
      return {
        position: p.snapshot,
        input: toPositionInput(p.snapshot, f.markPrice),
        markPrice: f.markPrice,
        maxAddable: this.maxAddable(p.snapshot.marginAsset, p.decimals),
        maxRemovable: f.maxRemovable!,
        current,
        unrealizedPnl: f.unrealizedPnl,
      };
    },
  };
}
