import type { MarginDataSource } from '../index';
import { createSimulatedExchange, defaultScenario, type SimulatedExchange } from '../simulated';
import { loadProblemReason, type LoadProblemReason } from './linkProblem';
import {
  decodeScenario,
  hashWithScenario,
  scenarioFromHash,
  type DemoScenario,
  type Language,
  type Locale,
  type Theme,
} from './scenario';

/** A link whose scenario could not be loaded: why, and what the page shows instead. */
interface LoadProblem {
  reason: LoadProblemReason;
  /** The default scenario (a link the page opened with) or the current one (a link opened later). */
  showing: 'default' | 'current';
}

/** The page's own settings, beside the exchange's state. */
export interface DemoSettings {
  theme: Theme;
  locale: Locale;
  language: Language;
  running: boolean;
  feed: 'live' | 'reconnecting';
  rateHz: number;
  latencyMs: number;
  timeoutMs: number;
  /** Set when a link's scenario could not be loaded: why, shown on the page. */
  loadProblem: LoadProblem | null;
  /** A new link was opened while the current scenario had edits: it waits for "open" or "keep". */
  linkWaiting: boolean;
  /** Counts the scenarios loaded into the page: the playground re-reads the exchange when it changes. */
  generation: number;
}

/**
 * The demo outside React: the simulated exchange, the page settings, and the scenario link.
 * Every playground edit goes through `edit`, which applies it and then writes the URL once — the
 * price feed never touches the URL.
 */
export class DemoController {
  readonly exchange: SimulatedExchange;
  /**
   * What the page's kit reads: the exchange, with every `adjustMargin` call counted first (the
   * playground's diagnostics show "Requests sent", so a test can prove exactly one was sent), and
   * its `transfer` (the summary's Transfer out).
   */
  readonly source: MarginDataSource;
  private settings: DemoSettings;
  private readonly listeners = new Set<() => void>();
  private requests = 0;
  private readonly requestListeners = new Set<() => void>();
  /** The `scenario` value of the hash the page last loaded or wrote. */
  private currentLink: string | null;
  /** Whether the scenario was edited since it was loaded: a new link then asks before replacing it. */
  private edited = false;
  private waitingLink: DemoScenario | null = null;

  constructor(location: Location) {
    const hash = scenarioFromHash(location.hash);
    this.currentLink = hash;
    let scenario: DemoScenario | null = null;
    let loadProblem: LoadProblem | null = null;
    let exchange: SimulatedExchange | null = null;
    if (hash !== null) {
      try {
        scenario = decodeScenario(hash);
        exchange = createSimulatedExchange({ state: scenario.state });
      } catch (e) {
        scenario = null;
        loadProblem = { reason: loadProblemReason(e), showing: 'default' };
      }
    }
    // The default scenario walks at 1 Hz.
    this.exchange = exchange ?? createSimulatedExchange({ state: defaultScenario(), rateHz: 1 });
    this.settings = {
      theme: scenario?.theme ?? 'dark',
      locale: scenario?.locale ?? 'en',
      language: scenario?.language ?? 'en',
      running: scenario?.running ?? true,
      feed: scenario?.feed ?? 'live',
      rateHz: this.exchange.getRate(),
      latencyMs: this.exchange.exportState().latencyMs,
      timeoutMs: this.exchange.exportState().timeoutMs,
      loadProblem,
      linkWaiting: false,
      generation: 0,
    };
    if (this.settings.feed === 'reconnecting') this.exchange.setFeedStatus('reconnecting');
    if (this.settings.running) this.exchange.start();
    const ex = this.exchange;
    this.source = {
      getAccount: () => ex.getAccount(),
      subscribeMarkPrice: (symbol, onUpdate) => ex.subscribeMarkPrice(symbol, onUpdate),
      subscribeAccount: (onUpdate) => ex.subscribeAccount(onUpdate),
      subscribeFeedStatus: (onStatus) => ex.subscribeFeedStatus(onStatus),
      adjustMargin: (request) => {
        this.requests += 1;
        for (const l of [...this.requestListeners]) l();
        return ex.adjustMargin(request);
      },
      transfer: (request) => ex.transfer(request),
    };
  }

  /** How many adjustments the exchange has received since the page loaded. */
  getRequestsSent = (): number => this.requests;

  subscribeRequests = (listener: () => void): (() => void) => {
    this.requestListeners.add(listener);
    return () => {
      this.requestListeners.delete(listener);
    };
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSettings = (): DemoSettings => this.settings;

  private update(patch: Partial<DemoSettings>): void {
    this.settings = { ...this.settings, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /** The scenario as it stands now. */
  scenario(): DemoScenario {
    const { theme, locale, language, running, feed } = this.settings;
    return { v: 1, state: this.exchange.exportState(), theme, locale, language, running, feed };
  }

  /**
   * Writes the current scenario into the URL's hash, replacing only the hash (no history entry,
   * whatever the path). Returns the URL.
   */
  save(): string {
    clearTimeout(this.saveTimer);
    const hash = hashWithScenario(this.scenario());
    window.history.replaceState(window.history.state, '', hash);
    this.currentLink = scenarioFromHash(hash);
    return window.location.href;
  }

  /**
   * A link opened in this page (`hashchange`): its scenario replaces the current one at once, or,
   * when the current one was edited, once the person chooses to (`openWaitingLink`). A link that
   * cannot be loaded leaves the current scenario, says why, and the URL is the current one again.
   */
  openLink(hash: string): void {
    const link = scenarioFromHash(hash);
    if (link === null || link === this.currentLink) return;
    // A debounced save would write the old scenario over the new link.
    clearTimeout(this.saveTimer);
    let scenario: DemoScenario;
    try {
      scenario = decodeScenario(link);
    } catch (e) {
      this.refuseLink(e);
      return;
    }
    if (this.edited) {
      this.waitingLink = scenario;
      this.update({ linkWaiting: true });
    } else {
      this.load(scenario, link);
    }
  }

  /** Loads the link that waits for a choice, replacing the edited scenario. */
  openWaitingLink(): void {
    const scenario = this.waitingLink;
    if (!scenario) return;
    this.waitingLink = null;
    this.load(scenario, scenarioFromHash(window.location.hash));
  }

  /** Keeps the edited scenario: the link that waited is dropped and the URL holds the current scenario again. */
  keepCurrentScenario(): void {
    this.waitingLink = null;
    this.update({ linkWaiting: false });
    this.save();
  }

  private refuseLink(error: unknown): void {
    this.waitingLink = null;
    this.update({ loadProblem: { reason: loadProblemReason(error), showing: 'current' }, linkWaiting: false });
    this.save();
  }

  private load(scenario: DemoScenario, link: string | null): void {
    try {
      this.exchange.importState(scenario.state);
    } catch (e) {
      this.refuseLink(e);
      return;
    }
    if (scenario.running) this.exchange.start();
    else this.exchange.pause();
    this.exchange.setFeedStatus(scenario.feed);
    this.currentLink = link;
    this.edited = false;
    const s = this.exchange.exportState();
    this.update({
      theme: scenario.theme,
      locale: scenario.locale,
      language: scenario.language ?? 'en',
      running: this.exchange.isRunning(),
      feed: scenario.feed,
      rateHz: s.rateHz,
      latencyMs: s.latencyMs,
      timeoutMs: s.timeoutMs,
      loadProblem: null,
      linkWaiting: false,
      generation: this.settings.generation + 1,
    });
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Applies a playground edit to the exchange, then saves the scenario into the URL — at once, or
   * (`debounce`, for sliders and typing) once the edits pause.
   */
  edit(apply: (exchange: SimulatedExchange) => void, options: { debounce?: boolean } = {}): void {
    apply(this.exchange);
    this.edited = true;
    this.sync();
    if (options.debounce) {
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.save(), 250);
    } else {
      this.save();
    }
  }

  /** Re-reads what the exchange owns (rate, latency, running) into the settings. */
  private sync(): void {
    const s = this.exchange.exportState();
    this.update({
      running: this.exchange.isRunning(),
      rateHz: s.rateHz,
      latencyMs: s.latencyMs,
      timeoutMs: s.timeoutMs,
    });
  }

  setTheme(theme: Theme): void {
    this.edited = true;
    this.update({ theme });
    this.save();
  }

  setLocale(locale: Locale): void {
    this.edited = true;
    this.update({ locale });
    this.save();
  }

  /** The kit's language; its numbers follow (the number locale can be changed after). */
  setLanguage(language: Language): void {
    this.edited = true;
    this.update({ language, locale: language });
    this.save();
  }

  setFeed(feed: 'live' | 'reconnecting'): void {
    this.edited = true;
    this.exchange.setFeedStatus(feed);
    this.update({ feed });
    this.save();
  }

  togglePaused(): void {
    this.edit((ex) => (ex.isRunning() ? ex.pause() : ex.start()));
  }

  step(): void {
    this.edit((ex) => ex.step());
  }

  dismissLoadProblem(): void {
    this.update({ loadProblem: null });
  }
}
