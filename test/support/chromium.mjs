// How the tests start Chromium through Playwright: Debian's /usr/bin/chromium (never
// `npx playwright install`, which fails offline; runtimes.md P2), quiet and offline. Shared by the
// browser project (vitest.config.ts) and the browser example's test.

/** The Chromium binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch flags. Playwright adds --headless/--no-sandbox and a fresh temp --user-data-dir itself;
 * passing --user-data-dir here fails (runtimes.md P2).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
