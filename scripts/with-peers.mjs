#!/usr/bin/env node
// node scripts/with-peers.mjs <cmd> [args…]
// Starts the test peers (emulator, Steady, Prism: test/peers/start-all.mjs; reused when their URLs
// are already in the environment), runs <cmd> with EMULATOR_URL, STEADY_URL, PRISM_*_URL in its
// environment, stops what it started, and exits with <cmd>'s exit code. Used by the Deno and Bun
// runners (vitest starts its peers in test/global-setup.ts).
// Children are stopped by their own PID, never by name (runtimes.md P12).
//
// HOME isolation: <cmd> runs with HOME set to a fresh temp folder (removed afterwards), so the SDK's
// ~/.alea/keys and ~/.alea/cache are the test's own: no real keys leak in, and no cache survives
// from an earlier run (which would turn "first call is a miss" into a hit). `{HOME}` in the
// arguments is replaced by that folder, for Deno's permission flags (a shell's $HOME would expand
// to the real home before this script runs). DENO_DIR stays at the real home's cache so Deno's
// type-check cache stays warm.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllPeers } from '../test/peers/start-all.mjs';
import { withoutProviderSettings } from '../test/support/hermetic-env.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-peers.mjs <cmd> [args…]');
  process.exit(2);
}

const peers = await startAllPeers();
const home = mkdtempSync(join(tmpdir(), 'alea-test-home-'));
mkdirSync(join(home, '.alea'));

// No shell: arguments pass through unchanged. npm puts node_modules/.bin (deno, bun) on PATH.
const child = spawn(
  cmd,
  args.map((a) => a.replaceAll('{HOME}', home)),
  {
    stdio: 'inherit',
    env: {
      ...withoutProviderSettings({ ...process.env }),
      ...peers.env,
      HOME: home,
      DENO_DIR: process.env.DENO_DIR ?? join(homedir(), '.cache', 'deno'),
    },
  },
);
// Forward Ctrl-C / CI cancellation to the child only; we clean up when it exits.
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(sig, () => child.kill(sig));

const code = await new Promise((resolve) => {
  child.once('error', (e) => {
    console.error(`with-peers: cannot start ${cmd}: ${e.message}`);
    resolve(127);
  });
  child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 + 15 : 1)));
});
await peers.close();
rmSync(home, { recursive: true, force: true });
process.exit(code);
