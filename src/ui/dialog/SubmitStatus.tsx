import { memo } from 'react';
import type { Decimal } from '../../core/decimal';
import type { AdjustMarginError } from '../../engine/types';
import { amountErrorText, type AdjustMarginMessages } from '../messages';
import { failureText } from './failureText';
import type { ConfirmReason } from './visibleError';

/** What the status reads of a form's submit state: the margin form's `SubmitState` and Transfer out's both fit. */
type ShownSubmitState =
  | { kind: 'idle' | 'pending' | 'succeeded' }
  | { kind: 'failed'; error: AdjustMarginError; overLimit: boolean }
  | { kind: 'limitMoved'; newMax: Decimal };

/**
 * Why Confirm is off (a stale price, or the amount), and where a Confirm stands (in flight, see
 * `ConfirmForm`'s pending note): the limit moved at the click (nothing sent; "Use new max"), or failed (the sentence for its kind,
 * the exchange's words, and what to do next). The status and alert regions are always there, so
 * what appears in them is announced.
 */
export const SubmitStatus = memo(function SubmitStatus(props: {
  /** The reason's id: Confirm is described by it. */
  reasonId: string;
  reason: ConfirmReason | null;
  /** Names the position in a failure's sentence ("ETHUSDT Short"). */
  positionName: string;
  submitState: ShownSubmitState;
  amountText: (value: Decimal) => string;
  onTakeNewMax: () => void;
  /** After "over the limit" from the exchange: Max from the freshest limits, sent at once. */
  onConfirmNewMax: () => void;
  m: AdjustMarginMessages;
}) {
  const { submitState, m } = props;
  // In flight, the one reason Confirm cannot be pressed is the request itself.
  const reason = submitState.kind === 'pending' ? null : props.reason;
  const failure = submitState.kind === 'failed' ? failureText(submitState.error, props.positionName, m) : null;
  return (
    <div className="amk-messages">
      {reason?.kind === 'stale' && (
        <p id={props.reasonId} className="amk-warning" role="status">
          {m.staleBlocksRemove}
        </p>
      )}
      {reason?.kind === 'risk' && (
        <p id={props.reasonId} className="amk-hint">
          {m.removalAcknowledgeReason}
        </p>
      )}
      {reason?.kind === 'amount' && (
        <p id={props.reasonId} className="amk-hint">
          {amountErrorText(reason.error, m.amountErrors)}
        </p>
      )}
      <div role="status" className="amk-status">
        {submitState.kind === 'limitMoved' && (
          <p className="amk-warning">
            {m.limitMoved(props.amountText(submitState.newMax))}{' '}
            <button type="button" className="amk-link" onClick={props.onTakeNewMax}>
              {m.useNewMax}
            </button>
          </p>
        )}
      </div>
      <div role="alert" className="amk-alert">
        {failure && (
          <>
            <p>{failure.sentence}</p>
            {failure.detail !== null && <p className="amk-detail">{failure.detail}</p>}
            <p className="amk-muted">{failure.hint}</p>
            {submitState.kind === 'failed' && submitState.overLimit && (
              <button type="button" className="amk-button" onClick={props.onConfirmNewMax}>
                {m.useNewMaxAndConfirm}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
});
