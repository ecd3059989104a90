import { adjustedPosition, positionFigures, type PositionFigures } from '../core/adjustment';
import { validateAmount, type ValidationResult } from '../core/amount';
import type { Decimal } from '../core/decimal';
import { amountInputValue } from '../core/format';
import { roundDown } from '../core/rounding';
import type { AdjustType, RemoveLimitedBy } from '../core/types';
import type { MarginLimits } from './marginLimits';
import { riskSummary, type RiskSummary } from './riskSummary';
import {
  liquidationTargetText,
  solveTarget,
  targetRange,
  type TargetRange,
  type TargetSolution,
} from './targetLiquidationForm';

/** The preset fractions of the live max. 100 is Max. */
export type Percent = 25 | 50 | 75 | 100;

/**
 * What the user asked for: an amount as typed (stays fixed as prices move), a fraction of the
 * live max (re-derived from the max on every update), or a target liquidation price as typed (the
 * amount, and whether it is an Add or a Remove, solved from it: see `solveTarget`).
 */
export type AmountIntent =
  { kind: 'typed'; text: string } | { kind: 'percent'; percent: Percent } | { kind: 'target'; text: string };

/** The form's inputs. */
export interface AdjustMarginFormInputs {
  mode: AdjustType;
  intent: AmountIntent;
  limits: MarginLimits | undefined;
  /** What Max and the presets offer for `mode` (the limit with headroom); default the exact limit. */
  offered?: Decimal;
  isStale: boolean;
  locale?: string;
  /** A removal whose liquidation price after is within this many % of the mark needs acknowledging (default 5; 0: never). */
  warnLiquidationDistancePct?: number;
}

/** Everything the view shows, derived from the inputs and nothing else. */
export interface AdjustMarginFormSummary {
  /** Add or Remove: the input's, or for a target intent the direction the target needs. */
  mode: AdjustType;
  /** The text the amount field shows. */
  text: string;
  /**
   * The text the target liquidation price field shows: the typed target, or (an amount leading)
   * the liquidation price after it, on the price grid; '' when there is none.
   */
  targetText: string;
  /** A target intent solved: its error when it gives no amount; null for an amount intent. */
  target: TargetSolution | null;
  /** The targets the max addable and removable reach (the ladder's slider); null while unknown. */
  targetRange: TargetRange | null;
  /**
   * What Max and the presets offer for the mode, rounded down to the asset's decimals (the
   * `offered` input, else the live max); `null` while unknown. Validation is against the live max.
   */
  max: Decimal | null;
  /** For Remove: which bound limits the max. */
  limitedBy: RemoveLimitedBy | null;
  validation: ValidationResult;
  /** Before → after figures; `after` is present only for a valid amount. */
  before: PositionFigures | null;
  after: PositionFigures | null;
  /** Margin ratio and distance to liquidation before → after, and whether a removal needs acknowledging. */
  risk: RiskSummary | null;
  /** Remove is blocked while the mark price is stale. */
  blockedByStalePrice: boolean;
  canConfirm: boolean;
}

/** `percent`% of `max`, rounded down to `decimals`: never above the max, so it always validates. */
export function percentOfMax(max: Decimal, percent: Percent, decimals: number): Decimal {
  return percent === 100 ? max : roundDown(max.times(percent).div(100), decimals);
}

/** The live max for a mode. */
export function maxFor(limits: MarginLimits, mode: AdjustType): Decimal {
  return mode === 'ADD' ? limits.maxAddable : limits.maxRemovable.amount;
}

/** The field's text for an intent at the current limits. */
export function intentText(
  intent: Exclude<AmountIntent, { kind: 'target' }>,
  max: Decimal | null,
  decimals: number,
  locale?: string,
): string {
  if (intent.kind === 'typed') return intent.text;
  return max === null ? '' : amountInputValue(percentOfMax(max, intent.percent, decimals), decimals, locale);
}

/**
 * What makes a max of 0: for Add, the cross wallet's available balance; for Remove, the bound that
 * binds, or the unrealized loss when the wallet alone would still be above the initial margin.
 */
function zeroMaxBound(limits: MarginLimits, mode: AdjustType): string {
  if (mode === 'ADD') return 'availableBalance';
  const { limitedBy, initialTerm } = limits.maxRemovable;
  const loss = limits.unrealizedPnl;
  if (limitedBy === 'initialMargin' && loss.isNegative() && initialTerm.minus(loss).gt(0)) return 'unrealizedLoss';
  return limitedBy;
}

/**
 * Validates `text` for `mode` against `limits`: the one check that Max, presets and Confirm all
 * share. A max of 0 ('noneAvailable') says what makes it 0 in the param `bound`:
 * 'availableBalance', 'maintenanceMargin', 'initialMargin' or 'unrealizedLoss'.
 */
export function validateFor(
  text: string,
  mode: AdjustType,
  limits: MarginLimits | undefined,
  options: { locale?: string } = {},
): ValidationResult {
  const result = validateAmount(text, {
    locale: options.locale,
    decimals: limits?.position.marginAssetPrecision ?? 8,
    asset: limits?.position.marginAsset,
    max: limits ? maxFor(limits, mode) : null,
  });
  if (result.ok || result.error.code !== 'noneAvailable' || !limits) return result;
  const params = { ...result.error.params, bound: zeroMaxBound(limits, mode) };
  return { ok: false, error: { ...result.error, params } };
}

/**
 * The form as a pure function: inputs → text, max, validation, before/after preview and whether
 * Confirm may be pressed. The headless hook, the dialog and the tests all go through it.
 */
export function summarizeAdjustMarginForm(inputs: AdjustMarginFormInputs): AdjustMarginFormSummary {
  const { intent, limits, isStale, locale } = inputs;
  // A target decides Add or Remove; its amount is then validated like a typed one.
  const target = intent.kind === 'target' && limits ? solveTarget(intent.text, limits, locale) : null;
  const mode = target?.type ?? inputs.mode;
  const decimals = limits?.position.marginAssetPrecision ?? 8;
  const offered = intent.kind === 'target' ? undefined : inputs.offered;
  const max = limits ? (offered ?? maxFor(limits, mode)) : null;
  const text = intent.kind === 'target' ? (target?.amountText ?? '') : intentText(intent, max, decimals, locale);
  const validation = validateFor(text, mode, limits, { locale });
  const blockedByStalePrice = mode === 'REMOVE' && isStale;
  let before: PositionFigures | null = null;
  let after: PositionFigures | null = null;
  let risk: RiskSummary | null = null;
  if (limits) {
    before = limits.current;
    const adjusted = validation.ok ? adjustedPosition(limits.input, mode, validation.amount) : null;
    if (adjusted) after = positionFigures(adjusted);
    const changed = adjusted && after ? { position: adjusted, figures: after } : null;
    risk = riskSummary(limits, mode, changed, inputs.warnLiquidationDistancePct);
  }
  let targetText = '';
  if (intent.kind === 'target') targetText = intent.text;
  else if (limits && after) targetText = liquidationTargetText(after.liquidationPrice, mode, limits, locale);
  return {
    mode,
    text,
    targetText,
    target,
    targetRange: limits ? targetRange(limits) : null,
    max,
    limitedBy: mode === 'REMOVE' && limits ? limits.maxRemovable.limitedBy : null,
    validation,
    before,
    after,
    risk,
    blockedByStalePrice,
    canConfirm: validation.ok && !blockedByStalePrice,
  };
}
