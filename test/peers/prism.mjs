// Prism (@stoplight/prism-cli 5.14.2, see ../shared/docs/test-peers.md §2.2): strict request validation
// for the Anthropic spec (and the prepared Google specs later). Invalid requests get **422**.
//
// startPrism(specPath) -> { url, close() }. CORS is on by default in Prism (--cors true).
// Pitfalls (test-peers.md §2.2): Prism silently skips validation when a schema fails to compile, so
// every suite using it needs one negative test that must return 422; no SSE; the first request per
// operation compiles its schema lazily (up to 5.5 s); start takes ~6 s.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killOnExit, retryOnEarlyExit } from './steady.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Run Prism's JS entry with our own node (no npx) so that close() has exactly one PID to kill.
const CLI = resolve(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
export const ANTHROPIC_SPEC = resolve(ROOT, '../shared/specs/anthropic-openapi.json');

/**
 * @param {string} specPath relative paths are taken from the repo root
 * @param {{ timeoutMs?: number }} [opts]
 * @returns {Promise<{ url: string, logs: () => string, close: () => Promise<void> }>}
 */
export async function startPrism(specPath, opts) {
  return retryOnEarlyExit(() => startPrismOnce(specPath, opts));
}

/** @param {string} specPath @param {{ timeoutMs?: number }} [opts] */
async function startPrismOnce(specPath, { timeoutMs = 180_000 } = {}) {
  const spec = resolve(ROOT, specPath);
  if (!existsSync(CLI)) throw new Error(`Prism missing: ${CLI} (run npm ci)`);
  if (!existsSync(spec)) throw new Error(`spec missing: ${spec}`);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, 'mock', '-h', '127.0.0.1', '-p', String(port), spec],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  let log = '';
  // Keep the tail of the log afterwards too: 422 details (which rule failed) are only in Prism's log.
  const keep = (d) => (log = (log + d).slice(-8000));
  const exit = new Promise((r) => child.once('exit', r));
  const untrack = killOnExit(child);

  await new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Prism not listening after ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    // Stays attached after start: it keeps the pipes drained and the log tail current.
    const onData = (d) => {
      keep(d);
      // Logged at Prism's "start" level: any -v above info (e.g. warn) hides it, so keep the default.
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        ok(undefined);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Prism exited (${code}) before listening:\n${log}`));
    });
  });

  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    logs: () => log,
    async close() {
      if (closed) return;
      closed = true;
      untrack();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exit;
        clearTimeout(t);
      }
    },
  };
}
