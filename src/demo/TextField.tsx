import { useId } from 'react';
import { LINK_LIMITS } from './linkLimits';

/** A labelled text field with an optional hint and error, wired for assistive tech. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  suffix?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  /** Default: the longest decimal a scenario link may hold. */
  maxLength?: number;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="demo-field">
      <label htmlFor={id}>{props.label}</label>
      <div className="demo-input-row">
        <input
          id={id}
          className="demo-input"
          type="text"
          inputMode={props.inputMode ?? 'decimal'}
          autoComplete="off"
          spellCheck={false}
          maxLength={props.maxLength ?? LINK_LIMITS.decimalLength}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described}
        />
        {props.suffix && (
          <span className="demo-suffix" aria-hidden="true">
            {props.suffix}
          </span>
        )}
      </div>
      {props.hint && (
        <p id={hintId} className="demo-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="demo-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
