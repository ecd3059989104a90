import { adjustmentReceipt, type AdjustmentReceipt, type AdjustmentState } from '../../engine/adjustments';
import type { AdjustMarginRequest } from '../../engine/types';
import { sideLabel } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { failureText } from './failureText';
import { figureText } from './figureText';

/**
 * A receipt's lines in the messages' words: what was done to which position (its side named, the
 * amount as it was confirmed), the margin before → after at the asset's display decimals, and the estimated liquidation price before → after.
 */
export function receiptLines(
  request: Pick<AdjustMarginRequest, 'type' | 'amount'>,
  receipt: AdjustmentReceipt,
  m: AdjustMarginMessages,
  locale: string | undefined,
): string[] {
  const { position, before, after } = receipt;
  const text = figureText(position, locale);
  const liq = (v: typeof before.liquidationPrice) => (v === null ? m.noLiquidationPrice : text.liquidationPrice(v));
  return [
    m.receiptAction(
      request.type,
      text.entered(request.amount),
      m.positionName(position.symbol, sideLabel(position, m)),
    ),
    m.receiptMargin(text.amount(before.margin), text.amount(after.margin)),
    m.receiptLiquidation(liq(before.liquidationPrice), liq(after.liquidationPrice)),
  ];
}

/**
 * An outcome in one sentence, for a live region outside the dialog: a success's receipt, or a
 * failure's sentence naming the position; `null` for a state that is no outcome.
 */
export function outcomeText(
  state: AdjustmentState,
  m: AdjustMarginMessages,
  locale: string | undefined,
): string | null {
  if (state.kind === 'succeeded')
    return m.receiptSummary(receiptLines(state.request, adjustmentReceipt(state), m, locale));
  if (state.kind !== 'failed') return null;
  const position = state.basis.position;
  return failureText(state.error, m.positionName(position.symbol, sideLabel(position, m)), m).sentence;
}
