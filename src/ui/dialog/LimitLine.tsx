'use client';
import { useId, useState } from 'react';
import type { RemoveLimitedBy } from '../../core/types';
import type { Percent } from '../../engine/adjustMarginForm';
import type { AdjustMarginMessages } from '../messages';
import { ExactLimit } from '../ExactLimit';

/**
 * "Max addable: …" or "Max removable: …" at the asset's display decimals, with its exact value on
 * demand (the figure's title and an "Exact" disclosure), what a pinned preset follows, and for Remove the bound
 * that limits it with a "Why?" that shows the explanation.
 */
export function LimitLine(props: {
  id: string;
  label: string;
  /** The max as shown, "—" while unknown. */
  maxText: string;
  /** The exact max (what Max fills in), null while unknown. */
  exactText: string | null;
  pinned: Percent | null;
  limitedBy: RemoveLimitedBy | null;
  /** The headroom Max keeps, as a percentage ("0.1 %"); null when Max is the exact limit. */
  headroom?: string | null;
  m: AdjustMarginMessages;
}) {
  const { limitedBy, m } = props;
  const explainId = useId();
  const [explain, setExplain] = useState(false);
  return (
    <div className="amk-limit">
      <div className="amk-limit-line">
        <p id={props.id}>
          {props.label}:{' '}
          <strong className="amk-num" title={props.exactText === null ? undefined : m.exactLimitValue(props.exactText)}>
            {props.maxText}
          </strong>
        </p>
        {props.exactText !== null && <ExactLimit exact={props.exactText} m={m} />}
      </div>
      {props.pinned !== null && <p className="amk-pinned">{m.follows(props.pinned)}</p>}
      {props.headroom && <p className="amk-headroom">{m.maxHeadroom(props.headroom)}</p>}
      {limitedBy && (
        <>
          <p className="amk-limited-by">
            {m.limitedBy(limitedBy)}{' '}
            <button
              type="button"
              className="amk-link"
              aria-expanded={explain}
              aria-controls={explainId}
              onClick={() => setExplain((v) => !v)}
            >
              {m.whyLimited}
            </button>
          </p>
          <p id={explainId} className="amk-explain" hidden={!explain}>
            {m.limitExplanation(limitedBy)}
          </p>
        </>
      )}
    </div>
  );
}
