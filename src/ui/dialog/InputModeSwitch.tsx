import { memo } from 'react';
import type { AdjustMarginMessages } from '../messages';

/** Which field leads: the amount (the liquidation price follows) or the target liquidation price (the amount follows). */
export type InputMode = 'amount' | 'target';

/**
 * The switch between typing the amount and typing a target liquidation price: a segmented pair of
 * real radios. Switching keeps both values as they stand; only which one stays fixed changes.
 */
export const InputModeSwitch = memo(function InputModeSwitch(props: {
  name: string;
  value: InputMode;
  onChange: (mode: InputMode) => void;
  m: AdjustMarginMessages;
}) {
  const { m, value } = props;
  const options: readonly (readonly [InputMode, string])[] = [
    ['amount', m.inputModeAmount],
    ['target', m.inputModeTarget],
  ];
  return (
    <fieldset className="amk-input-mode">
      <legend className="amk-input-mode-legend">{m.inputModeLegend}</legend>
      <div className="amk-segments">
        {options.map(([mode, label]) => (
          <label key={mode} className="amk-mode-option amk-segment">
            <input type="radio" name={props.name} checked={value === mode} onChange={() => props.onChange(mode)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
});
