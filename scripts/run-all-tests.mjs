#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then every test runner (vitest's node/Chromium/workerd projects,
// Deno, Bun, the plain-miniflare worker bundle). Every step runs even if an earlier one failed; the
// exit code is 1 if anything failed, and the LAST line printed is exactly `N passed, M failed`,
// totalled over every runtime (CI reads that line; vitest's own summary is not in that form).
//
// How the totals are made:
//   - test runners contribute their test counts: vitest from its JSON report (numPassedTests /
//     numFailedTests, plus 1 per file that failed outside any test, e.g. in beforeAll; skipped and
//     todo tests are shown but not counted), Deno from
//     `ok | N passed | M failed`, Bun from `N pass` / `M fail`, the worker bundle from its
//     `worker-bundle: N passed, M failed` line;
//   - build, typecheck and lint count as one check each (1 passed or 1 failed);
//   - a runner that exits non-zero without reporting a failed test (crash, unhandled error, no
//     parsable summary) adds 1 failed, so `M failed` is 0 exactly when the exit code is 0.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutProviderSettings } from '../test/support/hermetic-env.mjs';
import { startAllPeers } from '../test/peers/start-all.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST_JSON = resolve(ROOT, '.tmp/vitest-results.json');

/** @typedef {{ passed: number, failed: number, skipped?: number } | null} Counts */

/** Deno's summary line, `ok | N passed | M failed`. @param {string} out @returns {Counts} */
function denoCounts(out) {
  const m =
    /(?:^|\n)(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \| (\d+) ignored)?/.exec(
      out,
    );
  return m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) } : null;
}
/** @type {Array<{ name: string, script: string, args?: string[], parse?: (out: string) => Counts }>} */
const STEPS = [
  { name: 'build', script: 'build' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  {
    name: 'vitest (node, chromium, workerd)',
    script: 'test:vitest',
    args: ['--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
    parse: () => {
      const r = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
      // A failing beforeAll/import marks its file failed but its tests only "skipped": count such a
      // file as one failure, or the tally would hide it.
      const brokenFiles = r.testResults.filter(
        (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
      ).length;
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests + brokenFiles,
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  },
  {
    name: 'deno',
    script: 'test:deno',
    parse: (out) => denoCounts(out),
  },
  {
    // Deno without --allow-sys: cache trouble must be printed (test/runtimes/deno-no-sys.test.ts).
    name: 'deno (no --allow-sys)',
    script: 'test:deno-no-sys',
    parse: (out) => denoCounts(out),
  },
  {
    name: 'bun',
    script: 'test:bun',
    parse: (out) => {
      const n = (w) =>
        /** @type {RegExpExecArray} */ (
          new RegExp(`^\\s*(\\d+) ${w}$`, 'm').exec(out) ?? [0, 0]
        )[1];
      return /^\s*\d+ pass$/m.test(out)
        ? { passed: +n('pass'), failed: +n('fail'), skipped: +n('skip') }
        : null;
    },
  },
  {
    name: 'worker bundle (plain miniflare)',
    script: 'test:worker-bundle',
    parse: (out) => {
      const m = /worker-bundle: (\d+) passed, (\d+) failed/.exec(out);
      return m ? { passed: +m[1], failed: +m[2] } : null;
    },
  },
];

/** Peer URLs (EMULATOR_URL, …) passed to every runner once the peers are up. */
let peerEnv = {};

/** Runs `npm run <script> [-- args]`, streaming its output, and resolves with code and output. */
function run(script, args = []) {
  return new Promise((done) => {
    const child = spawn(
      'npm',
      ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...withoutProviderSettings({ ...process.env }),
          ...peerEnv,
          NO_COLOR: process.env.NO_COLOR ?? '1',
          FORCE_COLOR: '0',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), (out += d)));
    child.once('error', (e) => done({ code: 127, out: String(e) }));
    child.once('close', (code) => done({ code: code ?? 1, out }));
  });
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
mkdirSync(dirname(VITEST_JSON), { recursive: true });
rmSync(VITEST_JSON, { force: true });

const tally = [];
const t0 = Date.now();
let peers;
for (const step of STEPS) {
  // Start the peers once, before the first test runner, and share them with all runners (through
  // the environment; see test/peers/start-all.mjs): saves three Steady+3×Prism start-ups.
  if (step.parse && !peers) {
    const t = Date.now();
    try {
      peers = await startAllPeers();
      peerEnv = peers.env;
      console.log(`\n━━━ peers up in ${((Date.now() - t) / 1000).toFixed(1)} s ━━━`);
    } catch (e) {
      peers = { close: async () => {} };
      console.error('peers failed to start; each runner will try on its own:', e);
    }
  }
  console.log(`\n━━━ ${step.name}: npm run ${step.script} ━━━`);
  const t = Date.now();
  const { code, out } = await run(step.script, step.args);
  let counts = null;
  if (step.parse) {
    try {
      counts = step.parse(stripAnsi(out));
    } catch {
      counts = null; // e.g. vitest crashed before writing its JSON report
    }
  }
  counts ??= step.parse
    ? { passed: 0, failed: 0 }
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // see the header comment
  tally.push({ name: step.name, code, ms: Date.now() - t, ...counts });
}

await peers?.close();

console.log('\n━━━ summary ━━━');
for (const r of tally) {
  const skip = r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(
    `${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed${skip} (${(r.ms / 1000).toFixed(1)} s, exit ${r.code})`,
  );
}
const passed = tally.reduce((n, r) => n + r.passed, 0);
const failed = tally.reduce((n, r) => n + r.failed, 0);
console.log(`total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
