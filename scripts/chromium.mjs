// Debian's Chromium, and the flags every browser run of this project uses (Playwright, Vitest's
// browser mode, the consumer test, the benchmarks, the screenshots). Playwright's own browser
// download cannot work here; CHROMIUM_PATH points elsewhere if needed.

/** The Chromium binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (root), no GPU, and no background network traffic on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
