// Cache benchmark (Node, built package): per store, hit latency (get, p50/p99) for a 4 kB and a
// 200 kB result, set latency, and a full cached chat call against a real loopback request to the
// emulator (the hit-versus-request ratio). Stores: memory, fs (temp folder), unstorage + Redis when
// Debian's redis-server is installed. Prints a Markdown table. Bounded: BENCH_N samples per cell.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from 'alea-llm-client/cache';
import { fsStore } from 'alea-llm-client/cache/fs';
import { unstorageStore } from 'alea-llm-client/cache/unstorage';
import { OpenAIModel } from 'alea-llm-client/openai';
import { startEmulator } from '../test/emulator/server.mjs';

const N = Number(process.env.BENCH_N ?? 200);

function resultOf(size) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `word${i} `;
  return {
    v: 1,
    createdAt: Date.now(),
    response: {
      text,
      choices: [text],
      finishReason: 'stop',
      provider: 'openai',
      model: 'm',
      usage: {},
      messages: [],
      cached: false,
      raw: {},
    },
  };
}

// Stores hold only keys of the client's layout, {provider}/{16 hex}/{64 hex}.
const keyOf = (label) =>
  `bench/0123456789abcdef/${createHash('sha256').update(label).digest('hex')}`;

const quantile = (xs, q) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
async function time(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}
const ms = (x) => (x < 0.1 ? x.toFixed(3) : x.toFixed(2));

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const ok = await new Promise((resolve) => {
    proc.once('error', () => resolve(false));
    proc.stdout.on('data', (d) => String(d).includes('Ready to accept') && resolve(true));
  });
  return ok ? { url: `redis://127.0.0.1:${port}`, stop: () => process.kill(proc.pid) } : undefined;
}

const emulator = await startEmulator({});
const dir = await mkdtemp(join(tmpdir(), 'alea-cache-bench-'));
const redis = await startRedis();
const stores = { memory: memoryStore({ maxEntries: 100_000 }), fs: fsStore({ dir }) };
let storage;
if (redis) {
  const { createStorage } = await import('unstorage');
  const { default: redisDriver } = await import('unstorage/drivers/redis');
  storage = createStorage({ driver: redisDriver({ url: redis.url }) });
  stores['unstorage+redis'] = unstorageStore(storage, { base: 'bench' });
}

// One loopback request through the client (no cache), the baseline of the ratio.
const endpoint = `${emulator.url}/s/bench`;
const live = new OpenAIModel({ endpoint, apiKey: 'k', cache: false });
await live.chat('warm up');
const request = await time(N, (i) => live.chat(`request ${i}`));

const rows = [];
for (const [name, store] of Object.entries(stores)) {
  const row = { name };
  for (const [label, size] of [
    ['4 kB', 4096],
    ['200 kB', 200_000],
  ]) {
    const entry = resultOf(size);
    const n = size > 10_000 ? Math.max(20, N >> 2) : N;
    await store.set(keyOf(`warm ${label}`), entry);
    await store.get(keyOf(`warm ${label}`));
    const set = await time(n, (i) => store.set(keyOf(`${label} ${i}`), entry));
    const get = await time(n, (i) => store.get(keyOf(`${label} ${i}`)));
    row[label] = { set, get };
  }
  const model = new OpenAIModel({ endpoint, apiKey: 'k', cache: store });
  await model.chat('cached prompt');
  row.hit = await time(N, () => model.chat('cached prompt'));
  rows.push(row);
}

const p = (xs) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}`;
console.log(`\nCache benchmark (Node ${process.version}, ${N} samples; ms, p50 / p99)\n`);
console.log(
  '| store | get 4 kB | get 200 kB | set 4 kB | set 200 kB | cached chat call | loopback request | request ÷ hit (p50) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = quantile(request, 0.5) / quantile(r.hit, 0.5);
  console.log(
    `| ${r.name} | ${p(r['4 kB'].get)} | ${p(r['200 kB'].get)} | ${p(r['4 kB'].set)} | ${p(r['200 kB'].set)} | ${p(r.hit)} | ${p(request)} | ${ratio.toFixed(1)}× |`,
  );
}
console.log(
  '\n(IndexedDB, the browser default, is browser-only: this Node bench does not measure it; KV ' +
    'runs only in workerd.)',
);
if (!redis)
  console.log(
    '\n(redis-server not found: unstorage+redis row skipped; apt-get install redis-server)',
  );

await storage?.dispose();
redis?.stop();
await emulator.close();
await rm(dir, { recursive: true, force: true });
