import { positionKey } from '../../engine/positionKey';
import type { AssetSnapshot, PositionSnapshot } from '../../engine/types';
import { mapMarginType, mapPositionSide, type BinanceAccountSnapshot } from './account';
import { decimalString, isZeroDecimal } from './decimal-string';
import { asArray, isRecord, unwrapFrame } from './payloads';

/** The parts of an `ACCOUNT_UPDATE` event the adapter merges. */
export interface AccountUpdate {
  eventTime: number;
  balances: { asset: string; crossWalletBalance: string }[];
  positions: {
    symbol: string;
    positionSide: PositionSnapshot['positionSide'];
    positionAmt: string;
    entryPrice: string;
    marginType: PositionSnapshot['marginType'];
    isolatedWallet: string;
  }[];
}

/**
 * Parses a user-data frame (JSON text or object; a combined-stream `{stream, data}` wrapper is
 * unwrapped). Returns `undefined` for anything but `ACCOUNT_UPDATE`.
 */
export function parseAccountUpdate(frame: unknown): AccountUpdate | undefined {
  const event = unwrapFrame(frame);
  if (!isRecord(event) || event.e !== 'ACCOUNT_UPDATE' || !isRecord(event.a)) return undefined;
  return {
    eventTime: Number(event.E),
    balances: asArray(event.a.B)
      .filter(isRecord)
      .map((b) => ({ asset: String(b.a), crossWalletBalance: decimalString(b.cw, 'cw') })),
    positions: asArray(event.a.P)
      .filter(isRecord)
      .map((p) => ({
        symbol: String(p.s),
        positionSide: mapPositionSide(p.ps, 'ps'),
        positionAmt: decimalString(p.pa, 'pa'),
        entryPrice: decimalString(p.ep, 'ep'),
        marginType: mapMarginType(p.mt, 'mt'),
        isolatedWallet: decimalString(p.iw, 'iw'),
      })),
  };
}

/** The event name (`e`) of a user-data frame, e.g. `listenKeyExpired`. */
export function userEventType(frame: unknown): string | undefined {
  const event = unwrapFrame(frame);
  return isRecord(event) && typeof event.e === 'string' ? event.e : undefined;
}

/** The result of merging an `ACCOUNT_UPDATE` into a snapshot. */
export interface MergedAccount {
  snapshot: BinanceAccountSnapshot;
  /** A position opened that the snapshot does not know (leverage, brackets…): re-fetch the account. */
  incomplete: boolean;
}

/**
 * Merges an `ACCOUNT_UPDATE` into a snapshot, returning a new snapshot: cross wallets (`cw`), and per
 * position its amount, entry price, margin type and isolated wallet. A position whose amount becomes
 * 0 (closed, liquidated) disappears, readable or not. Mark prices, leverage and brackets stay as they
 * were. An update for a position the snapshot could not read asks for a re-fetch, like a new position.
 */
export function applyAccountUpdate(snapshot: BinanceAccountSnapshot, update: AccountUpdate): MergedAccount {
  const assets: AssetSnapshot[] = [...snapshot.assets];
  for (const balance of update.balances) {
    const index = assets.findIndex((a) => a.asset === balance.asset);
    if (index >= 0) assets[index] = { ...assets[index]!, crossWalletBalance: balance.crossWalletBalance };
    else assets.push({ asset: balance.asset, crossWalletBalance: balance.crossWalletBalance });
  }
  let positions: PositionSnapshot[] = [...snapshot.positions];
  let unavailable = snapshot.unavailable;
  let incomplete = false;
  for (const change of update.positions) {
    const key = positionKey(change.symbol, change.positionSide);
    const index = positions.findIndex((p) => positionKey(p.symbol, p.positionSide) === key);
    if (isZeroDecimal(change.positionAmt)) {
      if (index >= 0) positions = positions.filter((_, i) => i !== index);
      unavailable = unavailable.filter((u) => positionKey(u.symbol, u.positionSide) !== key);
      continue;
    }
    if (index < 0) {
      incomplete = true;
      continue;
    }
    positions[index] = {
      ...positions[index]!,
      positionAmt: change.positionAmt,
      entryPrice: change.entryPrice,
      marginType: change.marginType,
      isolatedWallet: change.marginType === 'cross' ? '0' : change.isolatedWallet,
    };
  }
  const updateTime = Number.isFinite(update.eventTime) ? update.eventTime : snapshot.updateTime;
  return { snapshot: { assets, positions, unavailable, updateTime }, incomplete };
}
