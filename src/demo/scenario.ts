import { validateState, type SimulatedState } from '../simulated';

/** Themes and locales the demo offers. */
export const THEMES = ['dark', 'light'] as const;
export type Theme = (typeof THEMES)[number];
export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * What a demo link carries: the simulated exchange's whole state (`exportState()`) plus the
 * page's own settings. Written to `#scenario=<base64url(JSON)>`.
 */
export interface DemoScenario {
  v: 1;
  state: SimulatedState;
  theme: Theme;
  locale: Locale;
  /** Whether the random walk runs. */
  running: boolean;
  /** A simulated feed outage. */
  feed: 'live' | 'reconnecting';
}

const HASH_KEY = 'scenario';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SyntaxError('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The scenario as the hash's value. */
function encodeScenario(scenario: DemoScenario): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
}

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/** Parses and checks a hash value. Throws an Error saying what is wrong. */
export function decodeScenario(text: string): DemoScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text)));
  } catch {
    throw new Error('the link is not a readable scenario');
  }
  if (typeof raw !== 'object' || raw === null) throw new Error('the scenario is not an object');
  const s = raw as Partial<DemoScenario>;
  if (s.v !== 1) throw new Error('unsupported scenario version');
  if (!isOneOf(THEMES, s.theme)) throw new Error('unknown theme');
  if (!isOneOf(LOCALES, s.locale)) throw new Error('unknown locale');
  if (typeof s.running !== 'boolean') throw new Error('running is not a boolean');
  if (s.feed !== 'live' && s.feed !== 'reconnecting') throw new Error('unknown feed status');
  try {
    validateState(s.state as SimulatedState);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : 'invalid exchange state');
  }
  return s as DemoScenario;
}

/** The `scenario` value of a location hash (`#scenario=…`), or null when there is none. */
export function scenarioFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(HASH_KEY);
  return value === null || value === '' ? null : value;
}

/** The URL of the current page with `scenario` written into its hash (query string kept). */
export function urlWithScenario(location: Location, scenario: DemoScenario): string {
  return `${location.pathname}${location.search}#${HASH_KEY}=${encodeScenario(scenario)}`;
}

/**
 * `?throttleMs=0` (every tick), `?throttleMs=1000`…: how often live figures may re-render (the
 * provider's `throttleMs`); absent or malformed, the kit's default.
 */
export function throttleMsFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('throttleMs');
  return raw !== null && /^\d{1,5}$/.test(raw) ? Number(raw) : undefined;
}

/** `?staleAfterMs=2000`: a shorter stale threshold for the table and dialog (tests, demos). */
export function staleAfterMsFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('staleAfterMs');
  if (raw === null || !/^\d{1,7}$/.test(raw)) return undefined;
  const ms = Number(raw);
  return ms > 0 ? ms : undefined;
}
