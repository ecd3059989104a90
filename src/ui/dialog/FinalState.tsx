import type { SnapshotProblem } from '../../engine/checkSnapshot';
import { unavailableText } from '../labels';
import type { AdjustMarginMessages } from '../messages';

/** Where a dialog ends when nothing can be sent: the position closed, not isolated, unavailable, or not loaded. */
type FinalStatus = 'closed' | 'notIsolated' | 'unavailable' | 'error';

function bodyOf(status: FinalStatus, problem: SnapshotProblem | undefined, m: AdjustMarginMessages): string {
  if (status === 'closed') return m.closedBody;
  if (status === 'notIsolated') return m.notIsolated;
  if (status === 'unavailable' && problem) return unavailableText(problem, m);
  return m.loadError;
}

/** Props of {@link FinalState}. */
interface FinalStateProps {
  status: FinalStatus;
  /** Why the position is unavailable. */
  problem: SnapshotProblem | undefined;
  m: AdjustMarginMessages;
  onClose: () => void;
}

/** The dialog's body when nothing can be sent: why, and a Close button. */
export function FinalState(props: FinalStateProps) {
  const { status, m } = props;
  return (
    <>
      <div className="amk-final" role="alert">
        {status === 'closed' && <p className="amk-final-title">{m.closedTitle}</p>}
        <p>{bodyOf(status, props.problem, m)}</p>
      </div>
      <div className="amk-actions">
        <button type="button" className="amk-button" onClick={props.onClose}>
          {m.close}
        </button>
      </div>
    </>
  );
}
