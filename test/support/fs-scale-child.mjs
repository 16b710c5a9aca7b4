// Run by test/cache-fs-scale.node.test.ts as `node --expose-gc fs-scale-child.mjs <dir> <entries>`,
// against dist/: fills an fs store with real entry files (half created in 2020, half now), then
// times listCacheKeys and pruneCache and samples the heap while they run. Prints one JSON line.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsStore } from '../../dist/cache/fs/index.js';
import { listCacheKeys, pruneCache } from '../../dist/cache/index.js';

const [dir, count] = [process.argv[2], Number(process.argv[3])];
const hex = (n, width) => n.toString(16).padStart(width, '0');
// 8 kB of text per decoded entry: a prune that held every entry at once would need 160 MB.
const text = 'x'.repeat(4096);
const messages = [
  { role: 'user', content: 'hi' },
  { role: 'assistant', content: text },
];
const response = { text, messages, cached: false, model: 'gpt-4o-mini' };

// Two entries as the store writes them, then copied under every key (50 groups, like 50 models).
const seed = fsStore({ dir: join(dir, 'seed') });
const blobs = [];
for (const createdAt of [Date.UTC(2020, 0, 1), Date.now()]) {
  const key = `openai/${hex(0, 16)}/${hex(createdAt, 64)}`;
  await seed.set(key, { v: 1, createdAt, response });
  blobs.push(await readFile(join(dir, 'seed', ...key.split('/')) + '.json.gz'));
}
const root = join(dir, 'cache');
const keyOf = (i) => `openai/${hex(i % 50, 16)}/${hex(i, 64)}`;
for (let g = 0; g < 50; g++) await mkdir(join(root, 'openai', hex(g, 16)), { recursive: true });
for (let i = 0; i < count; i += 500) {
  const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => i + j);
  await Promise.all(
    batch.map((n) => writeFile(join(root, ...keyOf(n).split('/')) + '.json.gz', blobs[n % 2])),
  );
}

/** Runs `work` with the heap sampled every 5 ms; returns its result, time and peak heap growth. */
async function measure(work) {
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { result, ms: Math.round(ms), peakMB: +((peak - base) / 2 ** 20).toFixed(1) };
}

const store = fsStore({ dir: root });
const list = await measure(() => listCacheKeys(store));
const prune = await measure(() => pruneCache(store, new Date(Date.UTC(2021, 0, 1))));
const after = await listCacheKeys(store);
console.log(
  JSON.stringify({
    listed: list.result.length,
    sorted: list.result.every((k, i, all) => i === 0 || all[i - 1] < k),
    listMs: list.ms,
    listPeakMB: list.peakMB,
    removed: prune.result,
    remaining: after.length,
    pruneMs: prune.ms,
    prunePeakMB: prune.peakMB,
  }),
);
