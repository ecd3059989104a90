import type { SimulatedState } from '../simulated';
import { LINK_LIMITS } from './linkLimits';
import { LinkProblem } from './linkProblem';
import { readLinkState } from './readLinkState';

/** Themes and locales the demo offers. */
export const THEMES = ['dark', 'light'] as const;
export type Theme = (typeof THEMES)[number];
export const LOCALES = ['en', 'de', 'fr', 'zh-CN', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
/** The kit's languages: its messages, and the direction they are laid out in. */
export const LANGUAGES = ['en', 'zh-CN', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What a demo link carries: the simulated exchange's whole state (`exportState()`) plus the
 * page's own settings. Written to `#scenario=<base64url(JSON)>`.
 */
export interface DemoScenario {
  v: 1;
  state: SimulatedState;
  theme: Theme;
  locale: Locale;
  /** The kit's language (links written before the switch existed have none: English). */
  language?: Language;
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

/**
 * Parses and checks a hash value: within LINK_LIMITS, the exchange state read afresh
 * (`readLinkState`). Throws a `LinkProblem` saying what is wrong.
 */
export function decodeScenario(text: string): DemoScenario {
  if (text.length > LINK_LIMITS.hashLength) {
    throw new LinkProblem(`the link is longer than ${LINK_LIMITS.hashLength} characters`, String(text.length));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text)));
  } catch {
    throw new LinkProblem('the link is not a readable scenario');
  }
  if (typeof raw !== 'object' || raw === null) throw new LinkProblem('the scenario is not an object');
  const s = raw as Record<string, unknown>;
  if (s.v !== 1) throw new LinkProblem('unsupported scenario version');
  if (!isOneOf(THEMES, s.theme)) throw new LinkProblem('unknown theme');
  if (!isOneOf(LOCALES, s.locale)) throw new LinkProblem('unknown locale');
  if (s.language !== undefined && !isOneOf(LANGUAGES, s.language)) throw new LinkProblem('unknown language');
  if (typeof s.running !== 'boolean') throw new LinkProblem('running is not a boolean');
  if (s.feed !== 'live' && s.feed !== 'reconnecting') throw new LinkProblem('unknown feed status');
  const scenario: DemoScenario = {
    v: 1,
    state: readLinkState(s.state),
    theme: s.theme,
    locale: s.locale,
    running: s.running,
    feed: s.feed,
  };
  return s.language === undefined ? scenario : { ...scenario, language: s.language };
}

/** The `scenario` value of a location hash (`#scenario=…`), or null when there is none. */
export function scenarioFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(HASH_KEY);
  return value === null || value === '' ? null : value;
}

/**
 * The hash that holds `scenario`: `#scenario=…`. Set as a relative URL it replaces only the hash,
 * whatever the path (a path beginning `//` included).
 */
export function hashWithScenario(scenario: DemoScenario): string {
  return `#${HASH_KEY}=${encodeScenario(scenario)}`;
}

/** A whole number of milliseconds from the query, capped to `range`; absent or malformed: undefined. */
function msFromQuery(search: string, key: string, range: { min: number; max: number }): number | undefined {
  const raw = new URLSearchParams(search).get(key);
  if (raw === null || !/^\d{1,9}$/.test(raw)) return undefined;
  return Math.min(range.max, Math.max(range.min, Number(raw)));
}

/**
 * `?throttleMs=0` (every tick), `?throttleMs=1000`…: how often live figures may re-render (the
 * provider's `throttleMs`), capped to LINK_LIMITS.throttleMs; absent or malformed, the kit's default.
 */
export function throttleMsFromQuery(search: string): number | undefined {
  return msFromQuery(search, 'throttleMs', LINK_LIMITS.throttleMs);
}

/**
 * `?staleAfterMs=2000`: a shorter stale threshold for the table and dialog (tests, demos), capped to
 * LINK_LIMITS.staleAfterMs; 0, absent or malformed, the kit's default.
 */
export function staleAfterMsFromQuery(search: string): number | undefined {
  const ms = msFromQuery(search, 'staleAfterMs', LINK_LIMITS.staleAfterMs);
  return ms === 0 ? undefined : ms;
}
