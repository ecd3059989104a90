import type { MarginDataSource } from '../index';
import { createSimulatedExchange, defaultScenario, type SimulatedExchange } from '../simulated';
import {
  decodeScenario,
  scenarioFromHash,
  urlWithScenario,
  type DemoScenario,
  type Locale,
  type Theme,
} from './scenario';

/** The page's own settings, beside the exchange's state. */
export interface DemoSettings {
  theme: Theme;
  locale: Locale;
  running: boolean;
  feed: 'live' | 'reconnecting';
  rateHz: number;
  latencyMs: number;
  timeoutMs: number;
  /** Set when the link's scenario could not be loaded: why, shown on the page. */
  loadProblem: string | null;
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
   * playground's diagnostics show "Requests sent", so a test can prove exactly one was sent).
   */
  readonly source: MarginDataSource;
  private settings: DemoSettings;
  private readonly listeners = new Set<() => void>();
  private requests = 0;
  private readonly requestListeners = new Set<() => void>();

  constructor(location: Location) {
    const hash = scenarioFromHash(location.hash);
    let scenario: DemoScenario | null = null;
    let loadProblem: string | null = null;
    let exchange: SimulatedExchange | null = null;
    if (hash !== null) {
      try {
        scenario = decodeScenario(hash);
        exchange = createSimulatedExchange({ state: scenario.state });
      } catch (e) {
        scenario = null;
        loadProblem = e instanceof Error ? e.message : String(e);
      }
    }
    // The default scenario walks at 1 Hz.
    this.exchange = exchange ?? createSimulatedExchange({ state: defaultScenario(), rateHz: 1 });
    this.settings = {
      theme: scenario?.theme ?? 'dark',
      locale: scenario?.locale ?? 'en',
      running: scenario?.running ?? true,
      feed: scenario?.feed ?? 'live',
      rateHz: this.exchange.getRate(),
      latencyMs: this.exchange.exportState().latencyMs,
      timeoutMs: this.exchange.exportState().timeoutMs,
      loadProblem,
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
    const { theme, locale, running, feed } = this.settings;
    return { v: 1, state: this.exchange.exportState(), theme, locale, running, feed };
  }

  /** Writes the current scenario into the URL hash (no history entry). Returns the URL. */
  save(): string {
    clearTimeout(this.saveTimer);
    const url = urlWithScenario(window.location, this.scenario());
    window.history.replaceState(window.history.state, '', url);
    return window.location.href;
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Applies a playground edit to the exchange, then saves the scenario into the URL — at once, or
   * (`debounce`, for sliders and typing) once the edits pause.
   */
  edit(apply: (exchange: SimulatedExchange) => void, options: { debounce?: boolean } = {}): void {
    apply(this.exchange);
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
    this.update({ theme });
    this.save();
  }

  setLocale(locale: Locale): void {
    this.update({ locale });
    this.save();
  }

  setFeed(feed: 'live' | 'reconnecting'): void {
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
