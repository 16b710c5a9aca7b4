// Cache benchmark in real Chromium (Playwright, Debian's /usr/bin/chromium): the browser stores, the
// IndexedDB default and memory, measured as bench/cache.bench.mjs measures the Node ones. A page
// bundled by esbuild from the BUILT package times, per store, get and set of a 4 kB and a 200 kB
// result (p50 / p99) and a whole cached chat call, against a real loopback request to the emulator
// (cache off) from the same page. Prints a Markdown table. Bounded: BENCH_N samples per cell.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startEmulator } from '../test/emulator/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_N ?? 200);

// The page: the same cells as the Node bench, timed with performance.now() in the page itself.
const page = (endpoint) => `
import { memoryStore } from 'alea-llm-client/cache';
import { indexedDBStore } from 'alea-llm-client/cache/indexeddb';
import { OpenAIModel } from 'alea-llm-client/openai';
const N = ${N};
const endpoint = ${JSON.stringify(endpoint)};
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
(async () => {
  const live = new OpenAIModel({ endpoint, apiKey: 'k', cache: false });
  await live.chat('warm up');
  const request = await time(N, (i) => live.chat('request ' + i));
  const rows = [];
  const stores = { indexeddb: indexedDBStore({ dbName: 'alea-bench' }), memory: memoryStore({ maxEntries: 100000 }) };
  for (const [name, store] of Object.entries(stores)) {
    const row = { name };
    for (const [label, size] of [['4 kB', 4096], ['200 kB', 200000]]) {
      const entry = resultOf(size);
      const n = size > 10000 ? Math.max(20, N >> 2) : N;
      await store.set(keyOf(size, 0), entry);
      await store.get(keyOf(size, 0));
      const set = await time(n, (i) => store.set(keyOf(size, i + 1), entry));
      const get = await time(n, (i) => store.get(keyOf(size, i + 1)));
      row[label] = { set, get };
    }
    const model = new OpenAIModel({ endpoint, apiKey: 'k', cache: store });
    await model.chat('cached prompt');
    row.hit = await time(N, () => model.chat('cached prompt'));
    rows.push(row);
  }
  window.__result = { request, rows, isolated: crossOriginIsolated };
})().catch((e) => (window.__result = { error: String(e && e.stack || e) }));
`;

const emulator = await startEmulator({});
const dir = mkdtempSync(join(tmpdir(), 'alea-cache-browser-'));
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  try {
    const body = readFileSync(join(dir, 'out', path.slice(1) || 'index.html'));
    // Cross-origin isolated, so performance.now() ticks in 5 µs rather than 100 µs steps (the
    // emulator answers with CORS headers, which such a page requires).
    res.writeHead(200, {
      'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let result;
const version = browser.version();
try {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/alea-llm-client'), 'dir');
  writeFileSync(join(dir, 'page.mjs'), page(`${emulator.url}/s/bench`));
  await build({
    entryPoints: [join(dir, 'page.mjs')],
    absWorkingDir: dir,
    preserveSymlinks: true,
    nodePaths: [join(root, 'node_modules')],
    tsconfigRaw: {},
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    splitting: true,
    outdir: join(dir, 'out'),
    entryNames: '[name]',
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'out/index.html'),
    '<!doctype html><script type="module" src="page.js"></script>',
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.__result !== undefined, null, { timeout: 600_000 });
  result = await tab.evaluate(() => window.__result);
} finally {
  await browser.close();
  server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}
if (result.error) throw new Error(result.error);

const quantile = (xs, q) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => (x < 0.1 ? x.toFixed(3) : x.toFixed(2));
const p = (xs) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}`;
if (!result.isolated)
  console.log('\n(the page was not cross-origin isolated: times in 0.1 ms steps)');
console.log(`\nCache benchmark in Chromium ${version} (${N} samples; ms, p50 / p99)\n`);
console.log(
  '| store | get 4 kB | get 200 kB | set 4 kB | set 200 kB | cached chat call | loopback request | request ÷ hit (p50) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of result.rows) {
  const ratio = quantile(result.request, 0.5) / quantile(r.hit, 0.5);
  console.log(
    `| ${r.name} | ${p(r['4 kB'].get)} | ${p(r['200 kB'].get)} | ${p(r['4 kB'].set)} | ${p(r['200 kB'].set)} | ${p(r.hit)} | ${p(result.request)} | ${ratio.toFixed(1)}× |`,
  );
}
