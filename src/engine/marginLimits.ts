import type { PositionFigures } from '../core/adjustment';
import type { Decimal } from '../core/decimal';
import type { MaxRemovable } from '../core/limits';
import type { PositionInput } from '../core/types';
import type { PositionSnapshot } from './types';

/** Everything the dialog shows and validates against, for one position at one moment. */
export interface MarginLimits {
  position: PositionSnapshot;
  /** The position as the margin math sees it, at the live mark price. */
  input: PositionInput;
  /** The live mark price (or the snapshot's when no tick has arrived yet). */
  markPrice: string;
  /** Max addable from the cross wallet, rounded down to the asset's decimals. */
  maxAddable: Decimal;
  /** Max removable, rounded down, with the bound that binds. */
  maxRemovable: MaxRemovable;
  /** Margin, effective leverage and liquidation price as the position stands. */
  current: PositionFigures;
  unrealizedPnl: Decimal;
}
