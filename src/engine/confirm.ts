import { adjustedPosition, positionFigures } from '../core/adjustment';
import type { Decimal } from '../core/decimal';
import type { AdjustType } from '../core/types';
import { validateFor } from './adjustMarginForm';
import type { AdjustmentState, SubmitAdjustMargin } from './adjustments';
import { offeredMax } from './headroom';
import type { ConfirmOutcomeOf } from './operations';
import { riskSummary } from './riskSummary';
import type { MarginSession } from './session';
import { DEFAULT_STALE_AFTER_MS, isStaleAt } from './staleness';
import type { AdjustMarginRequest, PositionSide } from './types';

/** What Confirm asks for: the text the user sees, never a value derived after the click. */
export interface ConfirmInput {
  symbol: string;
  positionSide: PositionSide;
  type: AdjustType;
  text: string;
  locale?: string;
  staleAfterMs?: number;
  /** Sends instead of the data source (an app's own `onConfirm`). */
  submit?: SubmitAdjustMargin;
  /** A removal whose liquidation price comes within this many % of the mark needs `riskAcknowledged` (default 5; 0: never). */
  warnLiquidationDistancePct?: number;
  /** The user acknowledged that this removal brings the position near liquidation. */
  riskAcknowledged?: boolean;
}

/** How a Confirm click ended at the click: sent, or why nothing was sent. */
export type ConfirmOutcome =
  | ConfirmOutcomeOf<AdjustMarginRequest, AdjustmentState>
  /** Remove with a stale mark price. */
  | { kind: 'stale' }
  /** A removal that, at the freshest mark, brings liquidation near the mark, not acknowledged: nothing was sent. */
  | { kind: 'needsAcknowledgement' };

/**
 * What Max offers now for `type`, from the freshest limits (the latest marks, past the throttle)
 * with the session's `maxHeadroomBps`; `undefined` when there are no limits to read.
 */
export function freshMax(
  session: MarginSession,
  symbol: string,
  positionSide: PositionSide,
  type: AdjustType,
): Decimal | undefined {
  const latest = session.readLatest(symbol, positionSide);
  const engine = session.engine();
  if (!latest || !engine) return undefined;
  return offeredMax(engine, latest, type, session.maxHeadroomBps);
}

/**
 * Confirm, from the click to the outcome: re-checks the amount against the freshest limits (the
 * latest marks, past the throttle; the exact limit, so a typed amount up to it is sent), refuses
 * Remove on a stale price and a removal near liquidation that was not acknowledged, sends one request per intent with at most one in flight per position,
 * keeps the limits it checked against as the request's `basis` (the "before" until the outcome),
 * and refreshes the account once when it is accepted.
 */
export function confirmAdjustment(session: MarginSession, input: ConfirmInput): ConfirmOutcome {
  const { symbol, positionSide, type } = input;
  if (session.adjustments.isBusy(symbol, positionSide)) return { kind: 'busy' };
  const latest = session.readLatest(symbol, positionSide);
  const engine = session.engine();
  if (!latest || !engine) return { kind: 'unavailable' };
  if (type === 'REMOVE' && isStaleAt(session, symbol, input.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, Date.now())) {
    return { kind: 'stale' };
  }
  const validation = validateFor(input.text, type, latest, { locale: input.locale });
  if (!validation.ok) {
    const code = validation.error.code;
    if (code === 'overLimit' || code === 'noneAvailable') {
      return { kind: 'limitMoved', newMax: offeredMax(engine, latest, type, session.maxHeadroomBps) };
    }
    return { kind: 'invalid', validation };
  }
  if (type === 'REMOVE' && !input.riskAcknowledged) {
    const adjusted = adjustedPosition(latest.input, type, validation.amount);
    const changed = { position: adjusted, figures: positionFigures(adjusted) };
    if (riskSummary(latest, type, changed, input.warnLiquidationDistancePct).nearLiquidation) {
      return { kind: 'needsAcknowledgement' };
    }
  }
  const submit = input.submit ?? ((request: AdjustMarginRequest) => session.source.adjustMargin(request));
  const sent = session.adjustments.send({ symbol, positionSide, type, amount: validation.value }, latest, submit);
  if (!sent) return { kind: 'busy' };
  const done = sent.done.then((state) => {
    // The one refresh after an accepted adjustment: the new wallet shows without waiting for a push.
    if (state.kind === 'succeeded') void session.refresh();
    return state;
  });
  return { kind: 'sent', request: sent.request, done };
}
