import type { Decimal } from '../../core/decimal';
import type { SubmitState } from '../../react/useAdjustMarginForm';
import { amountErrorText, type AdjustMarginMessages } from '../messages';
import { failureText } from './failureText';
import type { ConfirmReason } from './visibleError';

/**
 * Why Confirm is off (a stale price, or the amount), and where a Confirm stands: sending, the
 * limit moved at the click (nothing sent; "Use new max"), or failed (the sentence for its kind,
 * the exchange's words, and what to do next). The status and alert regions are always there, so
 * what appears in them is announced.
 */
export function SubmitStatus(props: {
  /** The reason's id: Confirm is described by it. */
  reasonId: string;
  reason: ConfirmReason | null;
  /** Names the position in a failure's sentence ("ETHUSDT Short"). */
  positionName: string;
  submitState: SubmitState;
  amountText: (value: Decimal) => string;
  onTakeNewMax: () => void;
  m: AdjustMarginMessages;
}) {
  const { reason, submitState, m } = props;
  const failure = submitState.kind === 'failed' ? failureText(submitState.error, props.positionName, m) : null;
  return (
    <div className="amk-messages">
      {reason?.kind === 'stale' && (
        <p id={props.reasonId} className="amk-warning" role="status">
          {m.staleBlocksRemove}
        </p>
      )}
      {reason?.kind === 'amount' && (
        <p id={props.reasonId} className="amk-hint">
          {amountErrorText(reason.error, m.amountErrors)}
        </p>
      )}
      <div role="status" className="amk-status">
        {submitState.kind === 'pending' && <p>{m.pending}</p>}
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
          </>
        )}
      </div>
    </div>
  );
}
