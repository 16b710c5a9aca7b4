// Cache benchmark in workerd (Miniflare, the real runtime with its local KV): the Cloudflare KV store
// measured as bench/cache.bench.mjs measures the Node ones. A Worker bundled by esbuild from the
// BUILT package (workerd conditions) times, inside workerd, get and set of a 4 kB and a 200 kB
// result (p50 / p99) and a whole cached chat call, against a loopback request to the emulator (cache
// off). workerd's clock advances only across I/O (a Spectre mitigation), which every timed step here
// does (KV, fetch). This is local KV (SQLite under Miniflare), not Cloudflare's network. Prints a
// Markdown table. Each cell is its own request to the Worker, inside workerd's subrequest limits.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startEmulator } from '../test/emulator/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_N ?? 200);

const worker = `
import { kvStore } from 'alea-llm-client/cache/kv';
import { OpenAIModel } from 'alea-llm-client/openai';
function resultOf(size) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += 'word' + i + ' ';
  const response = { text, choices: [text], finishReason: 'stop', provider: 'openai', model: 'm',
    usage: {}, messages: [], cached: false, raw: {} };
  return { v: 1, createdAt: Date.now(), response };
}
// Keys of the client's layout, {provider}/{16 hex}/{64 hex}.
const keyOf = (size, i) =>
  'bench/0123456789abcdef/' + (String(size) + String(i).padStart(6, '0')).padStart(64, '0');
async function time(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}
export default {
  async fetch(request, env) {
    const { searchParams } = new URL(request.url);
    const cell = searchParams.get('cell');
    const n = Number(searchParams.get('n'));
    const endpoint = env.ENDPOINT;
    const store = kvStore(env.CACHE);
    let samples;
    if (cell === 'request') {
      const live = new OpenAIModel({ endpoint, apiKey: 'k', cache: false });
      await live.chat('warm up');
      samples = await time(n, (i) => live.chat('request ' + i));
    } else if (cell === 'hit') {
      const model = new OpenAIModel({ endpoint, apiKey: 'k', cache: store });
      await model.chat('cached prompt');
      samples = await time(n, () => model.chat('cached prompt'));
    } else {
      const [op, size] = [cell.split(' ')[0], Number(cell.split(' ')[1])];
      const entry = resultOf(size);
      samples =
        op === 'set'
          ? await time(n, (i) => store.set(keyOf(size, i + 1), entry))
          : await time(n, (i) => store.get(keyOf(size, i + 1)));
    }
    return Response.json(samples);
  },
};
`;

const emulator = await startEmulator({});
const dir = mkdtempSync(join(tmpdir(), 'alea-cache-workerd-'));
let mf;
const cells = {};
try {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/alea-llm-client'), 'dir');
  writeFileSync(join(dir, 'worker.mjs'), worker);
  await build({
    entryPoints: [join(dir, 'worker.mjs')],
    absWorkingDir: dir,
    preserveSymlinks: true,
    nodePaths: [join(root, 'node_modules')],
    tsconfigRaw: {},
    bundle: true,
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    format: 'esm',
    minify: true,
    outfile: join(dir, 'worker.js'),
    logLevel: 'silent',
  });
  mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, 'worker.js'),
    modulesRoot: dir, // the script lives outside the working folder
    compatibilityDate: '2026-04-01',
    kvNamespaces: ['CACHE'],
    bindings: { ENDPOINT: `${emulator.url}/s/bench` },
  });
  const run = async (cell, n) => {
    const res = await mf.dispatchFetch(`http://localhost/?cell=${encodeURIComponent(cell)}&n=${n}`);
    if (!res.ok) throw new Error(`${cell}: HTTP ${res.status}: ${await res.text()}`);
    return res.json();
  };
  cells.request = await run('request', N);
  for (const size of [4096, 200_000]) {
    const n = size > 10_000 ? Math.max(20, N >> 2) : N;
    cells[`set ${size}`] = await run(`set ${size}`, n);
    cells[`get ${size}`] = await run(`get ${size}`, n);
  }
  cells.hit = await run('hit', N);
} finally {
  await mf?.dispose();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

const quantile = (xs, q) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => (x < 0.1 ? x.toFixed(3) : x.toFixed(2));
const p = (xs) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}`;
const { version } = JSON.parse(
  (await import('node:fs')).readFileSync(join(root, 'node_modules/workerd/package.json'), 'utf8'),
);
console.log(
  `\nCache benchmark in workerd ${version} (Miniflare, local KV; ${N} samples; ms, p50 / p99)\n`,
);
console.log(
  '| store | get 4 kB | get 200 kB | set 4 kB | set 200 kB | cached chat call | loopback request | request ÷ hit (p50) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const ratio = quantile(cells.request, 0.5) / quantile(cells.hit, 0.5);
console.log(
  `| kv | ${p(cells['get 4096'])} | ${p(cells['get 200000'])} | ${p(cells['set 4096'])} | ${p(cells['set 200000'])} | ${p(cells.hit)} | ${p(cells.request)} | ${ratio.toFixed(1)}× |`,
);
