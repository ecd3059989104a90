import { expect, type Page } from '@playwright/test';
import { openDemo, pauseFeed } from './support';

/** A scenario link's JSON, as the tests edit it. */
export type ScenarioJson = Record<string, unknown>;

/** The `#scenario=` value of a URL, decoded. */
export function scenarioOf(url: string): ScenarioJson {
  const encoded = new URLSearchParams(new URL(url).hash.slice(1)).get('scenario');
  if (encoded === null) throw new Error(`no scenario in ${url}`);
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as ScenarioJson;
}

/** A hash holding `json` (any JSON text) as the scenario. */
export function hashOfJson(json: string): string {
  return `#scenario=${Buffer.from(json, 'utf8').toString('base64url')}`;
}

/** A hash holding `scenario`. */
export function scenarioHash(scenario: unknown): string {
  return hashOfJson(JSON.stringify(scenario));
}

/** The demo's own default scenario, paused (written into the link by pausing). */
export async function defaultScenarioJson(page: Page): Promise<ScenarioJson> {
  await openDemo(page);
  await pauseFeed(page);
  await expect(page).toHaveURL(/#scenario=/);
  return scenarioOf(page.url());
}

/** The banner of a link that could not be loaded. */
export function loadBanner(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'The scenario in the link could not be loaded' });
}
