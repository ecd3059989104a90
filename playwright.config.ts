import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { freePort } from './scripts/free-port.mjs';

// The built demo is served for the tests on a port found free at start (never the demo's 4173),
// so the tests pass while `npm run demo` is serving. E2E_PORT may name one; otherwise the first
// load of this file picks one, and Playwright's worker processes inherit it with the environment.
process.env.E2E_PORT ??= String(await freePort());
const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --port ${process.env.E2E_PORT} --strictPort --host 127.0.0.1`,
    url: BASE_URL,
    // Only ever the server started here: a server already on the port is an error, never reused.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
