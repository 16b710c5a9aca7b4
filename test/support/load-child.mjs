// Run by test/load.node.test.ts as `node --expose-gc load-child.mjs <scenario endpoint> <calls>
// <identical-calls endpoint>`, against dist/: N concurrent distinct calls (no cache), each result
// checked against its own prompt, the heap measured settled before and after; then N concurrent
// identical calls sharing one store. Prints one JSON line and then must exit on its own: a timer or
// socket the SDK left behind would keep the process alive.
import { memoryStore } from '../../dist/cache/index.js';
import { OpenAIModel } from '../../dist/providers/openai/index.js';

const [endpoint, count, sameEndpoint] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const model = new OpenAIModel({ endpoint, apiKey: 'sk-load', cache: false });
const heapMB = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
};

// Warm up: the lazily loaded chunks and fetch itself are loaded once, before the baseline.
await Promise.all(Array.from({ length: 20 }, (_, i) => model.chat(`warm ${i}`)));
const before = await heapMB();
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);

/** N concurrent distinct calls; returns how many answers did not match their own prompt. */
async function round(tag, calls) {
  let mismatched = 0;
  await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      const prompt = `${tag} ${i} ${'·'.repeat(i % 50)}`;
      const r = await model.chat(prompt, { temperature: (i % 10) / 10 });
      if (r.text !== `Echo: ${prompt}` || r.cached !== false) mismatched++;
    }),
  );
  return mismatched;
}
const started = performance.now();
let mismatched = await round('first', count);
const ms = performance.now() - started;
const afterFirst = await heapMB();
// A second round (half as many): what stays after the first (fetch's pool of idle connections, compiled code)
// must not grow again, or every call leaks.
mismatched += await round('second', count / 2);
clearInterval(sampler);
const afterSecond = await heapMB();

// Identical calls: one request, every caller gets its answer.
const shared = new OpenAIModel({ endpoint: sameEndpoint, apiKey: 'sk-load', cache: memoryStore() });
const same = await Promise.all(Array.from({ length: count }, () => shared.chat('the same call')));

console.log(
  JSON.stringify({
    ms: Math.round(ms),
    mismatched,
    heapBeforeMB: +before.toFixed(1),
    firstGrewMB: +(afterFirst - before).toFixed(1),
    secondGrewMB: +(afterSecond - afterFirst).toFixed(1),
    peakAboveMB: +(peak / 2 ** 20 - before).toFixed(1),
    identicalAnswered: same.filter((r) => r.text === 'Echo: the same call').length,
    resources: process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap'),
  }),
);
