import type { AdjustMarginMessages } from '../messages';

/** Where a dialog ends when nothing can be sent: the position closed, not isolated, or not loaded. */
export type FinalStatus = 'closed' | 'notIsolated' | 'error';

/** The dialog's body when nothing can be sent: why, and a Close button. */
export function FinalState(props: { status: FinalStatus; m: AdjustMarginMessages; onClose: () => void }) {
  const { status, m } = props;
  const body = status === 'closed' ? m.closedBody : status === 'notIsolated' ? m.notIsolated : m.loadError;
  return (
    <>
      <div className="amk-final" role="alert">
        {status === 'closed' && <p className="amk-final-title">{m.closedTitle}</p>}
        <p>{body}</p>
      </div>
      <div className="amk-actions">
        <button type="button" className="amk-button" onClick={props.onClose}>
          {m.close}
        </button>
      </div>
    </>
  );
}
