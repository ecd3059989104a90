import { memo } from 'react';
import type { Percent } from '../../engine/adjustMarginForm';
import type { AdjustMarginMessages } from '../messages';

const FRACTIONS: readonly Percent[] = [25, 50, 75, 100];

/** 25 %, 50 %, 75 % and Max of the live max; the chosen one is pressed while it follows the max. */
export const Presets = memo(function Presets(props: {
  /** Names the group: "Max addable" or "Max removable". */
  label: string;
  pinned: Percent | null;
  disabled: boolean;
  /** While a request is in flight: focusable and announced (aria-disabled), a press does nothing. */
  readOnly?: boolean;
  onPick: (percent: Percent) => void;
  /** Writes a count in the locale's digits. */
  count: (value: number) => string;
  m: AdjustMarginMessages;
}) {
  const { m } = props;
  return (
    <div className="amk-presets" role="group" aria-label={props.label}>
      {FRACTIONS.map((p) => (
        <button
          key={p}
          type="button"
          className={p === 100 ? 'amk-chip amk-chip-max' : 'amk-chip'}
          aria-pressed={props.pinned === p}
          disabled={props.disabled}
          aria-disabled={props.readOnly || undefined}
          onClick={() => {
            if (!props.readOnly) props.onPick(p);
          }}
        >
          {p === 100 ? m.max : m.percentOfMax(p, props.count(p))}
        </button>
      ))}
    </div>
  );
});
