#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then every test runner (vitest's node/Chromium/workerd projects,
// Deno, Bun, the plain-miniflare worker bundle). Every step runs even if an earlier one failed; the
// exit code is 1 if anything failed, and the LAST line printed is exactly `N passed, M failed`,
// totalled over every runtime (CI reads that line; vitest's own summary is not in that form). Just
// before it, a breakdown says what the total is made of: one line per runtime, the build checks,
// the examples, the CLI and the packed package (NODE_PARTS), and the emulator's self-tests
// (test/emulator-*.node.test.ts: the loopback emulator's own routes, including those the SDK does
// not call yet, run once in Node and are not SDK tests).
//
// How the totals are made:
//   - test runners contribute their test counts: vitest per project and file from
//     test/support/count-reporter.mjs (plus 1 failed per file that failed outside any test, e.g. in
//     beforeAll, and per unhandled error; skipped and todo tests are shown but not counted), Deno
//     from `ok | N passed | M failed`, Bun from `N pass` / `M fail`, the worker bundle from its
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
const COUNT_REPORT = resolve(ROOT, '.tmp/vitest-counts.json');

// vitest project -> the runtime it stands for in the breakdown (a browser project is named after
// its instance: "browser (chromium)").
const PROJECT_RUNTIME = {
  node: 'node',
  'browser (chromium)': 'chromium',
  workers: 'workerd pool',
};
// The emulator's own tests (Node only): counted apart from the SDK's node tests.
const CHECKS = 'checks (build, typecheck, lint)';
const EMULATOR_SELF_TEST = /^test\/emulator-[^/]+\.node\.test\.ts$/;
// Node test files that stand for a part of the product rather than the SDK in Node: the examples
// (each run in its own runtime from the packed package), the alea CLI, and the packed package.
const NODE_PARTS = [
  [/^test\/examples\.node\.test\.ts$/, 'examples (node, deno, bun, workerd, chromium)'],
  [/^test\/cli(-[^/]+)?\.node\.test\.ts$/, 'alea CLI (node)'],
  [/^test\/(packaging|packed-[^/]+)\.node\.test\.ts$/, 'packaging (packed tarball)'],
];

/**
 * Splits the count reporter's output into breakdown parts, and the step's counts.
 * @param {Record<string, Record<string, { passed: number, failed: number, skipped: number, broken: number }>>} report
 */
function vitestCounts(report) {
  /** @type {Map<string, { passed: number, failed: number, skipped: number }>} */
  const parts = new Map();
  for (const [project, files] of Object.entries(report)) {
    for (const [file, c] of Object.entries(files)) {
      const named = project === 'node' && NODE_PARTS.find(([re]) => re.test(file));
      const label =
        project === 'node' && EMULATOR_SELF_TEST.test(file)
          ? 'emulator self-tests (node)'
          : named
            ? named[1]
            : (PROJECT_RUNTIME[project] ?? `vitest ${project}`);
      const part = parts.get(label) ?? { passed: 0, failed: 0, skipped: 0 };
      part.passed += c.passed;
      part.failed += c.failed + c.broken;
      part.skipped += c.skipped;
      parts.set(label, part);
    }
  }
  const list = [...parts].map(([label, c]) => Object.assign({ label }, c));
  const sum = (k) => list.reduce((n, p) => n + p[k], 0);
  return { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), parts: list };
}

/**
 * @typedef {{ label: string, passed: number, failed: number, skipped?: number }} Part
 * @typedef {{ passed: number, failed: number, skipped?: number, parts?: Part[] } | null} Counts
 */
/** Deno's summary line, `ok | N passed | M failed`. @param {string} out @returns {Counts} */
function denoCounts(out) {
  const m =
    /(?:^|\n)(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \| (\d+) ignored)?/.exec(
      out,
    );
  return m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) } : null;
}
/** @type {Array<{ name: string, part?: string, script: string, args?: string[], parse?: (out: string) => Counts }>} */
const STEPS = [
  { name: 'build', part: CHECKS, script: 'build' },
  { name: 'typecheck', part: CHECKS, script: 'typecheck' },
  { name: 'lint', part: CHECKS, script: 'lint' },
  {
    name: 'vitest (node, chromium, workerd)',
    script: 'test:vitest',
    args: ['--reporter=default', '--reporter=./test/support/count-reporter.mjs'],
    parse: () => vitestCounts(JSON.parse(readFileSync(COUNT_REPORT, 'utf8'))),
  },
  {
    name: 'deno',
    part: 'deno',
    script: 'test:deno',
    parse: (out) => denoCounts(out),
  },
  {
    // Deno without --allow-sys: cache trouble must be printed (test/runtimes/deno-no-sys.test.ts).
    name: 'deno (no --allow-sys)',
    part: 'deno',
    script: 'test:deno-no-sys',
    parse: (out) => denoCounts(out),
  },
  {
    name: 'bun',
    part: 'bun',
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
    part: 'workerd bundle',
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
          ALEA_COUNT_REPORT: COUNT_REPORT,
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
mkdirSync(dirname(COUNT_REPORT), { recursive: true });
rmSync(COUNT_REPORT, { force: true });

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
  // A step's own parts (vitest's runtimes), else the whole step under one label.
  let parts = counts.parts ?? [{ label: step.part ?? step.name, ...counts, parts: undefined }];
  const unexplained = counts.failed - parts.reduce((n, p) => n + p.failed, 0);
  if (unexplained > 0)
    parts = [...parts, { label: `${step.name}: crashed`, passed: 0, failed: unexplained }];
  tally.push({ name: step.name, code, ms: Date.now() - t, ...counts, parts });
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

// What the total is made of, one line per runtime (the parts sum to the last line exactly).
/** @type {Map<string, { passed: number, failed: number, skipped: number }>} */
const breakdown = new Map();
for (const p of tally.flatMap((r) => r.parts)) {
  const b = breakdown.get(p.label) ?? { passed: 0, failed: 0, skipped: 0 };
  b.passed += p.passed;
  b.failed += p.failed;
  b.skipped += p.skipped ?? 0;
  breakdown.set(p.label, b);
}
console.log('\n━━━ the total, by runtime ━━━');
const width = Math.max(...[...breakdown.keys()].map((k) => k.length));
for (const [label, b] of breakdown) {
  const skip = b.skipped ? `, ${b.skipped} skipped` : '';
  console.log(`${label.padEnd(width)}  ${b.passed} passed, ${b.failed} failed${skip}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
