// What importing a client costs above bare `node`: each module is imported by a fresh Node process,
// which times the import() alone (wall ms and CPU ms of the process, so module loading, parsing and
// top-level code). Runs are interleaved across modules, RUNS per module, medians. The alea rows
// import the built package (dist/), as an installed copy would.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
const root = new URL('..', import.meta.url);
const version = (name) =>
  JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
/** Module specifiers that fail to resolve (not installed) are left out with a note. */
const modules = {
  'alea-llm-client/openai': ['alea-llm-client/openai'],
  'alea-llm-client/anthropic': ['alea-llm-client/anthropic'],
  [`openai ${version('openai')}`]: ['openai'],
  [`@anthropic-ai/sdk ${version('@anthropic-ai/sdk')}`]: ['@anthropic-ai/sdk'],
  [`ai ${version('ai')} + @ai-sdk/openai ${version('@ai-sdk/openai')}`]: ['ai', '@ai-sdk/openai'],
  '@google/genai': ['@google/genai'],
};

const child = (specifiers) => `
const cpu = process.cpuUsage();
const start = performance.now();
for (const s of ${JSON.stringify(specifiers)}) await import(s);
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));`;

/** One fresh process importing the modules; resolves to its wall and CPU milliseconds. */
async function once(specifiers) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', child(specifiers)],
    { cwd: root },
  );
  return JSON.parse(stdout);
}

const results = {};
for (const [name, specifiers] of Object.entries(modules)) {
  try {
    await once(specifiers);
    results[name] = [];
  } catch {
    console.log(`(${name}: not installed, left out)`);
  }
}
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(results)) results[name].push(await once(modules[name]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `\nImport cost above bare node (a fresh process per import, ${RUNS} runs each, medians; ` +
    `Node ${process.version})\n`,
);
console.log('| Module | import ms (wall) | CPU ms |');
console.log('| --- | ---: | ---: |');
for (const [name, runs] of Object.entries(results)) {
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  console.log(`| ${name} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} |`);
}
