// Load and memory (issue 14): 1,000 concurrent distinct calls against the emulator, in a child
// process with --expose-gc against dist/ (test/support/load-child.mjs). Every answer matches its
// own prompt; the settled heap after them stays within the documented bound (fetch's pool of idle
// connections and compiled code stay; a second round must not add more, or calls leak); 1,000
// concurrent identical calls send one request; and the process exits on its own, so no timer or
// socket of the SDK's is left behind. The same at 200 calls in workerd: load.workers.test.ts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { scenario } from './shared/emulator-client.mjs';
import { requireDist } from './support/bundle-consumer.ts';

const CALLS = 1000;
/** The documented bounds (README, Development), in MB of heap and ms. */
export const LOAD_BOUNDS = { firstMB: 12, secondMB: 2, peakMB: 200, exitMs: 3000 };

it(`${CALLS} concurrent calls: each answer is its own, the heap settles within ${LOAD_BOUNDS.firstMB} MB and does not grow again, identical calls send one request, the process exits by itself`, async () => {
  requireDist();
  const emulatorUrl = inject('emulatorUrl');
  const [distinct, identical] = [await scenario(emulatorUrl), await scenario(emulatorUrl)];
  const child = spawn(process.execPath, [
    '--expose-gc',
    fileURLToPath(new URL('support/load-child.mjs', import.meta.url)),
    distinct.endpoint,
    String(CALLS),
    identical.endpoint,
  ]);
  let stdout = '';
  let stderr = '';
  let printedAt = 0;
  child.stdout.on('data', (d) => ((stdout += d), (printedAt = Date.now())));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Once it has printed, it must exit soon on its own; otherwise something keeps it alive.
  const code = await Promise.race([
    exited,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 90_000)),
  ]);
  const lingered = printedAt ? Date.now() - printedAt : undefined;
  if (code === 'timeout') child.kill();
  expect(stderr).toBe('');
  const m = JSON.parse(stdout);
  console.log(`${CALLS} concurrent calls:`, { ...m, exitedAfterMs: lingered });
  expect(code).toBe(0);
  expect(lingered).toBeLessThanOrEqual(LOAD_BOUNDS.exitMs);
  expect(m.mismatched).toBe(0);
  expect(m.firstGrewMB).toBeLessThanOrEqual(LOAD_BOUNDS.firstMB);
  expect(m.secondGrewMB).toBeLessThanOrEqual(LOAD_BOUNDS.secondMB);
  expect(m.peakAboveMB).toBeLessThanOrEqual(LOAD_BOUNDS.peakMB);
  expect(m.identicalAnswered).toBe(CALLS);
  expect(await identical.requests()).toHaveLength(1);
  // 20 warm-up calls and two rounds; a retried connection error may add a request, never remove one.
  expect((await distinct.requests()).length).toBeGreaterThanOrEqual(20 + CALLS * 1.5);
}, 120_000);
