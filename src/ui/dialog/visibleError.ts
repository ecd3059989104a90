import type { AmountError } from '../../core/amount';
import type { AdjustMarginFormSummary } from '../../engine/adjustMarginForm';
import type { PositionStatus } from '../../engine/positionObserver';

/** Why Confirm is off, said beside it when the amount field shows no error. */
export type ConfirmReason = { kind: 'stale' } | { kind: 'risk' } | { kind: 'amount'; error: AmountError };

/** Which amount errors the dialog shows, and where. */
export interface VisibleError {
  /** Under the amount field, marking it invalid: null while the field shows no error. */
  field: AmountError | null;
  /**
   * Beside Confirm: a stale mark price blocking Remove, a removal near liquidation not acknowledged
   * yet, or why an untouched amount cannot be sent.
   */
  reason: ConfirmReason | null;
}

/**
 * Decides which error shows. The field shows its validation error once something is typed (an
 * empty field is not scolded), but never "the limit is not known yet": that is the loading state.
 * A stale price blocking Remove is said beside Confirm; otherwise, with the limits ready and the
 * field quiet, the amount's error explains the disabled Confirm (e.g. "No USDT available").
 */
export function visibleError(
  form: Pick<AdjustMarginFormSummary, 'text' | 'validation' | 'blockedByStalePrice'> & {
    /** A removal near liquidation waits for "I understand" (the form's `awaitingAcknowledgement`). */
    awaitingAcknowledgement?: boolean;
  },
  status: PositionStatus,
): VisibleError {
  const { validation } = form;
  const error = validation.ok ? null : validation.error;
  const field = error && form.text.trim() !== '' && error.code !== 'limitUnknown' ? error : null;
  let reason: ConfirmReason | null = null;
  if (form.blockedByStalePrice) reason = { kind: 'stale' };
  else if (form.awaitingAcknowledgement) reason = { kind: 'risk' };
  else if (error && !field && status === 'ready') reason = { kind: 'amount', error };
  return { field, reason };
}
