import { memo } from 'react';
import type { AdjustType } from '../../core/types';
import type { AdjustMarginMessages } from '../messages';

const MODES: readonly AdjustType[] = ['ADD', 'REMOVE'];

/**
 * Add or Remove: a radio group. Read-only while a request is in flight: the radios stay focusable
 * and announced (aria-disabled), and a change does nothing.
 */
export const ModeSwitch = memo(function ModeSwitch(props: {
  name: string;
  mode: AdjustType;
  onChange: (mode: AdjustType) => void;
  readOnly?: boolean;
  m: AdjustMarginMessages;
}) {
  const { m } = props;
  return (
    <fieldset className="amk-mode">
      <legend className="amk-visually-hidden">{m.modeLegend}</legend>
      {MODES.map((mode) => (
        <label key={mode} className="amk-mode-option">
          <input
            type="radio"
            name={props.name}
            value={mode}
            checked={props.mode === mode}
            aria-disabled={props.readOnly || undefined}
            onChange={() => {
              if (!props.readOnly) props.onChange(mode);
            }}
          />
          <span>{mode === 'ADD' ? m.add : m.remove}</span>
        </label>
      ))}
    </fieldset>
  );
});
