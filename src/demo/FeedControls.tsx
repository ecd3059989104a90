import { useEffect, useId, useState } from 'react';
import { MAX_RATE_HZ, MIN_RATE_HZ } from '../simulated';
import { useDemo, useDemoSettings } from './DemoContext';
import { LINK_LIMITS } from './linkLimits';
import { feedText } from './feedText';
import { TextField } from './TextField';

/** Keyboard shortcuts of the feed: they work while the (modal) dialog is open, too. */
const SHORTCUTS = { pause: 'Alt+Shift+P', step: 'Alt+Shift+S', outage: 'Alt+Shift+O' } as const;

/** Checks a milliseconds field against its range (the same bounds a scenario link must keep). */
function msProblem(text: string, range: { min: number; max: number }): string | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t) || Number(t) < range.min || Number(t) > range.max) {
    return `Enter whole milliseconds, ${range.min} to ${range.max}.`;
  }
  return null;
}

type Demo = ReturnType<typeof useDemo>;
type Announce = (message: string) => void;

/** The feed's buttons: what each does (from a click or its shortcut) and says. */
const FEED_ACTIONS = {
  pause: {
    label: (running: boolean) => (running ? 'Pause feed' : 'Resume feed'),
    run: (demo: Demo, onDone: Announce) => {
      demo.togglePaused();
      announceFeed(demo, onDone);
    },
  },
  step: {
    label: () => 'Step',
    run: (demo: Demo, onDone: Announce) => {
      demo.step();
      onDone(`Stepped the price feed once. Price feed: ${feedText(demo.getSettings())}.`);
    },
  },
};

/** Starts or ends a simulated feed outage (the checkbox and its shortcut). */
function setOutage(demo: Demo, onDone: Announce, down: boolean) {
  demo.setFeed(down ? 'reconnecting' : 'live');
  announceFeed(demo, onDone);
}

/** Says the feed's state after a change, in the header's words. */
function announceFeed(demo: Demo, onDone: Announce) {
  onDone(`Price feed: ${feedText(demo.getSettings())}.`);
}

const MS_MAX_LENGTH = String(Math.max(LINK_LIMITS.latencyMs.max, LINK_LIMITS.timeoutMs.max)).length;

/** Pause / resume / step, the walk's rate, latency, timeout and a simulated feed outage. */
export function FeedControls(props: { onDone: (message: string) => void }) {
  const demo = useDemo();
  const settings = useDemoSettings();
  const { onDone } = props;
  const id = useId();
  const [latency, setLatency] = useState(String(settings.latencyMs));
  const [timeout, setTimeoutText] = useState(String(settings.timeoutMs));
  const latencyError = msProblem(latency, LINK_LIMITS.latencyMs);
  const timeoutError = msProblem(timeout, LINK_LIMITS.timeoutMs);

  // The page can't be clicked while the modal dialog is open, so the feed has shortcuts: each runs
  // the same action as its control.
  useEffect(() => {
    const byCode: Record<string, keyof typeof SHORTCUTS> = { KeyP: 'pause', KeyS: 'step', KeyO: 'outage' };
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const action = byCode[e.code];
      if (!action) return;
      e.preventDefault();
      if (action === 'outage') setOutage(demo, onDone, demo.getSettings().feed === 'live');
      else FEED_ACTIONS[action].run(demo, onDone);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [demo, onDone]);

  return (
    <fieldset className="demo-fieldset">
      <legend>Price feed</legend>
      <div className="demo-row">
        {(['pause', 'step'] as const).map((action) => (
          <button
            key={action}
            type="button"
            className="amk-button demo-button"
            aria-keyshortcuts={SHORTCUTS[action]}
            onClick={() => FEED_ACTIONS[action].run(demo, onDone)}
          >
            {FEED_ACTIONS[action].label(settings.running)}
          </button>
        ))}
      </div>
      <p className="demo-hint">
        Shortcuts, also while the dialog is open: <kbd>{SHORTCUTS.pause}</kbd> pause/resume, <kbd>{SHORTCUTS.step}</kbd>{' '}
        step, <kbd>{SHORTCUTS.outage}</kbd> outage on/off.
      </p>
      <div className="demo-field">
        <label htmlFor={`${id}-rate`}>Rate</label>
        <div className="demo-input-row">
          <input
            id={`${id}-rate`}
            className="demo-range"
            type="range"
            min={MIN_RATE_HZ}
            max={MAX_RATE_HZ}
            step={0.1}
            value={settings.rateHz}
            aria-valuetext={`${settings.rateHz} ticks per second`}
            onChange={(e) => {
              const hz = Number(e.target.value);
              demo.edit((ex) => ex.setRate(hz), { debounce: true });
            }}
          />
          <output htmlFor={`${id}-rate`} className="demo-output">
            {settings.rateHz} Hz
          </output>
        </div>
      </div>
      <div className="demo-grid-2">
        <TextField
          label="Latency (ms)"
          inputMode="numeric"
          maxLength={MS_MAX_LENGTH}
          value={latency}
          error={latencyError}
          onChange={(v) => {
            setLatency(v);
            if (!msProblem(v, LINK_LIMITS.latencyMs)) demo.edit((ex) => ex.setLatency(Number(v)), { debounce: true });
          }}
        />
        <TextField
          label="Timeout (ms)"
          inputMode="numeric"
          maxLength={MS_MAX_LENGTH}
          value={timeout}
          error={timeoutError}
          hint="How long an injected timeout takes."
          onChange={(v) => {
            setTimeoutText(v);
            if (!msProblem(v, LINK_LIMITS.timeoutMs)) demo.edit((ex) => ex.setTimeoutMs(Number(v)), { debounce: true });
          }}
        />
      </div>
      <div className="demo-check">
        <input
          id={`${id}-outage`}
          type="checkbox"
          aria-keyshortcuts={SHORTCUTS.outage}
          checked={settings.feed === 'reconnecting'}
          onChange={(e) => setOutage(demo, onDone, e.target.checked)}
        />
        <label htmlFor={`${id}-outage`}>Feed outage (reconnecting)</label>
      </div>
    </fieldset>
  );
}
