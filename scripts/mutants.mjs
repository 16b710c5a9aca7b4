#!/usr/bin/env node
// `npm run mutants`: mutation testing by a list of planted bugs. Each mutant is one exact text
// replacement in src/ that stands for a realistic bug; the script applies it, runs the Node vitest
// project (or the files listed for that mutant), restores the file and reports whether the tests
// noticed (killed) or not (survived). Not part of `npm test`: it takes a while (about a minute per
// mutant on 2 cores). See scripts/mutants-list.mjs for the mutants and the equivalent ones.
//
//   npm run mutants                        every mutant
//   npm run mutants -- --only a,b          some of them (ids from the list)
//   npm run mutants -- --list              check every anchor and list the mutants, run nothing
//   npm run mutants -- --full              ignore per-mutant file filters: whole Node project
//
// Anchors must match exactly once: a mutant whose text is gone (the code changed) or ambiguous
// fails the run before anything is mutated, so the list is kept in step with the code. The file
// under mutation is restored on exit, Ctrl-C, SIGTERM and crashes; a run killed with SIGKILL leaves
// .tmp/mutant-in-progress.json, which the next run restores first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAllPeers } from '../test/peers/start-all.mjs';
import { withoutProviderSettings } from '../test/support/hermetic-env.mjs';
import { MUTANTS } from './mutants-list.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JOURNAL = resolve(ROOT, '.tmp/mutant-in-progress.json');
const PER_MUTANT_TIMEOUT_MS = 10 * 60_000;

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;

// ---- restore whatever a killed run left mutated ----
function restoreJournal() {
  if (!existsSync(JOURNAL)) return;
  const { file, original } = JSON.parse(readFileSync(JOURNAL, 'utf8'));
  writeFileSync(resolve(ROOT, file), original);
  rmSync(JOURNAL);
  console.log(`restored ${file}, left mutated by an interrupted run`);
}
restoreJournal();

// ---- check the list: ids unique, anchors present exactly once ----
const chosen = only ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
const problems = [];
const ids = new Set();
for (const m of MUTANTS) {
  if (ids.has(m.id)) problems.push(`${m.id}: duplicate id`);
  ids.add(m.id);
  const path = resolve(ROOT, m.file);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const count = text === undefined ? -1 : text.split(m.find).length - 1;
  if (count === -1) problems.push(`${m.id}: ${m.file} does not exist`);
  else if (count === 0) problems.push(`${m.id}: anchor not found in ${m.file}: ${m.find}`);
  else if (count > 1) problems.push(`${m.id}: anchor found ${count} times in ${m.file}`);
}
for (const id of only ?? []) if (!ids.has(id)) problems.push(`--only ${id}: no such mutant`);
if (problems.length) {
  console.error('The mutant list is out of step with the code:\n  ' + problems.join('\n  '));
  process.exit(2);
}
if (flag('list')) {
  for (const m of MUTANTS)
    console.log(`${m.equivalent ? 'equiv ' : '      '}${m.id.padEnd(36)} ${m.file}  ${m.bug}`);
  console.log(`${MUTANTS.length} mutants, every anchor applies`);
  process.exit(0);
}

// ---- run ----
let current; // { file, original } while a file is mutated
let child;
function restore() {
  if (!current) return;
  writeFileSync(resolve(ROOT, current.file), current.original);
  rmSync(JOURNAL, { force: true });
  current = undefined;
}
/** Stops the running vitest with everything it started (its whole process group). */
function stopChild() {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
process.on('exit', restore);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    stopChild();
    restore();
    console.error(`\n${sig}: stopped, source restored`);
    process.exit(130);
  });
process.on('uncaughtException', (error) => {
  restore();
  console.error(error);
  process.exit(1);
});

const peers = await startAllPeers();
const env = {
  ...withoutProviderSettings({ ...process.env }),
  ...peers.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** Runs the Node vitest project on `files` (all when empty); resolves with exit code and output. */
function vitest(files) {
  return new Promise((done) => {
    const argv = ['vitest', 'run', '--project', 'node', '--bail=1', ...files];
    // Its own process group, so stopping it stops vitest and its workers too, not only npx.
    child = spawn('npx', argv, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(stopChild, PER_MUTANT_TIMEOUT_MS);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      child = undefined;
      done({ code: code ?? (signal ? 124 : 1), out });
    });
  });
}

const filesOf = (m) => (flag('full') ? [] : (m.tests ?? []));
const firstFailure = (out) =>
  /^\s*(?:×|FAIL)\s+(.+)$/m.exec(out)?.[1]?.replace(/\s+\d+ms$/, '') ?? '(non-zero exit)';

// The unmutated code must pass every test file used, or every mutant would look killed. One run
// of their union checks them all (the whole project when a mutant uses it), not one per subset.
const runnable = chosen.filter((m) => !m.equivalent);
const used = runnable.map(filesOf);
const subsets = !used.length
  ? []
  : used.some((files) => files.length === 0)
    ? [[]]
    : [[...new Set(used.flat())]];
for (const files of subsets) {
  const label = files.length ? files.join(' ') : 'the whole Node project';
  process.stdout.write(`baseline: ${label} … `);
  const { code, out } = await vitest(files);
  if (code !== 0) {
    console.log('FAILS');
    console.error(out.slice(-4000));
    console.error('The baseline fails: fix the tests first (mutants would all look killed).');
    await peers.close();
    process.exit(1);
  }
  console.log('green');
}

mkdirSync(dirname(JOURNAL), { recursive: true });
const results = [];
for (const m of chosen) {
  if (m.equivalent) {
    results.push({ m, status: 'equivalent' });
    console.log(`EQUIV    ${m.id}: ${m.equivalent}`);
    continue;
  }
  const path = resolve(ROOT, m.file);
  const original = readFileSync(path, 'utf8');
  current = { file: m.file, original };
  writeFileSync(JOURNAL, JSON.stringify(current));
  writeFileSync(path, original.replace(m.find, m.replace));
  const t = Date.now();
  const { code, out } = await vitest(filesOf(m));
  restore();
  const secs = ((Date.now() - t) / 1000).toFixed(0);
  const status = code === 0 ? 'survived' : code === 124 ? 'killed (timeout)' : 'killed';
  results.push({ m, status });
  const by = code === 0 ? '' : ` by ${firstFailure(out)}`;
  console.log(`${status === 'survived' ? 'SURVIVED' : 'KILLED  '} ${m.id} (${secs} s)${by}`);
}
await peers.close();

const killed = results.filter((r) => r.status.startsWith('killed')).length;
const survived = results.filter((r) => r.status === 'survived');
const equivalent = results.filter((r) => r.status === 'equivalent').length;
const scored = results.length - equivalent;
console.log(
  `\n${killed} killed, ${survived.length} survived, ${equivalent} equivalent (not run); ` +
    `score ${scored ? ((100 * killed) / scored).toFixed(0) : 100}% (${killed}/${scored})`,
);
for (const { m } of survived) console.log(`  survived: ${m.id}: ${m.bug} (${m.file})`);
process.exit(survived.length ? 1 : 0);
