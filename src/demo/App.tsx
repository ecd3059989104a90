import { useLayoutEffect, useMemo, useState } from 'react';
import { AccountSummary, PositionsTable } from '../index';
import { useDemo, useDemoSettings } from './DemoContext';
import { kitLanguage } from './language';
import { feedText } from './feedText';
import { LinkPrompt } from './LinkPrompt';
import { Playground } from './Playground';

/** The page: the positions table on the simulated feed, the link tools and the playground. */
export function App(props: { staleAfterMs?: number }) {
  const demo = useDemo();
  const settings = useDemoSettings();
  const [copyMessage, setCopyMessage] = useState('');
  const kit = useMemo(() => kitLanguage(settings.language), [settings.language]);

  // The page root follows the theme (the kit's custom properties live on .amk-root).
  useLayoutEffect(() => {
    document.documentElement.setAttribute('data-amk-theme', settings.theme);
  }, [settings.theme]);

  const copyLink = async () => {
    const url = demo.save();
    try {
      await navigator.clipboard.writeText(url);
      setCopyMessage('Link copied: it reproduces this scenario.');
    } catch {
      setCopyMessage('Could not copy: the link is in the address bar.');
    }
  };

  return (
    <>
      {settings.linkWaiting && <LinkPrompt />}
      {settings.loadProblem && (
        <div className="demo-note" role="alert">
          <p>
            The scenario in the link could not be loaded: {settings.loadProblem.reason.sentence}
            {settings.loadProblem.reason.quoted !== undefined && (
              <>
                : “<bdi>{settings.loadProblem.reason.quoted}</bdi>”
              </>
            )}
            . Showing the {settings.loadProblem.showing} scenario.
          </p>
          <button type="button" className="amk-button demo-button" onClick={() => demo.dismissLoadProblem()}>
            Dismiss
          </button>
        </div>
      )}
      <section className="demo-positions" aria-labelledby="positions-title">
        <div className="demo-section-head">
          <h2 id="positions-title">Account</h2>
          <p
            className="demo-feed"
            data-feed={settings.feed === 'reconnecting' ? 'down' : settings.running ? 'live' : 'paused'}
          >
            <span className="demo-dot" aria-hidden="true" />
            Price feed: {feedText(settings)}
          </p>
          <div className="demo-link">
            <button type="button" className="amk-button demo-button" onClick={copyLink}>
              Copy link
            </button>
            <p role="status" className="demo-status">
              {copyMessage}
            </p>
          </div>
        </div>
        <div lang={settings.language} className="demo-kit">
          <AccountSummary theme={settings.theme} locale={settings.locale} {...kit} className="demo-summary" />
          <PositionsTable theme={settings.theme} locale={settings.locale} {...kit} staleAfterMs={props.staleAfterMs} />
        </div>
      </section>
      <Playground key={settings.generation} />
    </>
  );
}
