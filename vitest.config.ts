// One vitest config, three projects: Node, real Debian Chromium, workerd (runtimes.md §4).
// Vitest runs src/ directly, so the package-internal `#key-file` / `#default-store` imports (package.json
// "imports", which point into dist/) are aliased to their src files per project: only the node project
// may see the node:fs-based key-file reader; browser and workerd get the stub that returns undefined.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { playwright } from '@vitest/browser-playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.mjs';
import { withoutProviderSettings } from './test/support/hermetic-env.mjs';

// Workers inherit this process's environment: no real provider keys or projects reach a test.
withoutProviderSettings(process.env);

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));
// `#default-store` mirrors package.json's conditions: fs for node, IndexedDB for browsers, memory for
// workerd. The node project's fs store writes to a fresh folder per run (ALEA_CACHE_DIR below), so
// runs never hit each other's entries and the real ~/.alea/cache is untouched.
const aliases = (keyFile: string, store: string) => [
  { find: /^#key-file$/, replacement: src(keyFile) },
  { find: /^#default-store$/, replacement: src(store) },
];
// The config is loaded more than once per run; the environment carries one folder through all of
// them, and test/global-setup.ts removes it when the run ends.
const nodeCacheDir = (process.env.ALEA_VITEST_CACHE_DIR ??= mkdtempSync(
  join(tmpdir(), 'alea-vitest-cache-'),
));
// The node project's HOME: key files (~/.alea/keys) of the machine must not reach the key-chain cases.
const nodeHome = join(nodeCacheDir, 'home');
const NODE_ONLY = 'test/**/*.node.test.ts';
const BROWSER_ONLY = 'test/**/*.browser.test.ts';
const WORKERS_ONLY = 'test/**/*.workers.test.ts';
// Deno and Bun tests live in test/runtimes/ and are run by their own runners, never by vitest.
const OTHER_RUNTIMES = 'test/runtimes/**';

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    projects: [
      {
        extends: true,
        resolve: { alias: aliases('keys/read-key-file.node.ts', 'cache/default-store.fs.ts') },
        test: {
          name: 'node',
          environment: 'node',
          env: { ALEA_CACHE_DIR: nodeCacheDir, HOME: nodeHome },
          include: ['test/**/*.test.ts'],
          exclude: [BROWSER_ONLY, WORKERS_ONLY, OTHER_RUNTIMES],
          // The tree-shake and bundle-size tests run esbuild over dist/; give them room on 2 cores.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        resolve: { alias: aliases('keys/read-key-file.ts', 'cache/default-store.indexeddb.ts') },
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          exclude: [NODE_ONLY, WORKERS_ONLY, OTHER_RUNTIMES],
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            // Never `npx playwright install` (fails offline); use Debian's Chromium (P2).
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_PATH,
                args: CHROMIUM_ARGS,
              },
            }),
          },
        },
      },
      {
        extends: true,
        resolve: { alias: aliases('keys/read-key-file.ts', 'cache/default-store.ts') },
        // compatibilityDate must be <= 2026-05-03 for workerd 1.20260426.1 (P6). Loopback works
        // without settings in pool-workers (P7). The pool adds nodejs_compat_v2 to its runner, so the
        // "no Node APIs" proof is the plain-miniflare bundle run (scripts/run-worker-bundle.mjs).
        plugins: [
          cloudflareTest({
            miniflare: { compatibilityDate: '2026-04-01', kvNamespaces: ['CACHE'] },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          exclude: [NODE_ONLY, BROWSER_ONLY, OTHER_RUNTIMES],
        },
      },
    ],
  },
});
