import { useEffect, useId, useRef } from 'react';
import { useDemo } from './DemoContext';

/**
 * Asks before a newly opened link replaces an edited scenario: two real buttons, focus on the
 * first, nothing of the link's own text shown.
 */
export function LinkPrompt() {
  const demo = useDemo();
  const id = useId();
  const open = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    open.current?.focus();
  }, []);
  return (
    <section
      className="demo-note demo-prompt"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
    >
      <div>
        <h2 id={`${id}-title`}>Open the new scenario link?</h2>
        <p id={`${id}-text`}>It replaces the current scenario and the edits made to it.</p>
      </div>
      <div className="demo-row">
        <button ref={open} type="button" className="amk-button demo-button" onClick={() => demo.openWaitingLink()}>
          Open the new scenario
        </button>
        <button type="button" className="amk-button demo-button" onClick={() => demo.keepCurrentScenario()}>
          Keep the current scenario
        </button>
      </div>
    </section>
  );
}
