// Throughput with 50 calls in flight against the instant loopback server (in another process): raw
// fetch, alea-llm-client with the cache off, openai-node and the AI SDK. Each client runs 50 workers
// that call one after another until TOTAL calls are done; rounds are interleaved so drift on a shared
// machine hits every client alike. Calls per second (wall) and CPU time per call, medians of rounds.
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { OpenAIModel } from 'alea-llm-client/openai';
import { rawFetchChat, startInstantServer } from './start-instant-server.mjs';

const IN_FLIGHT = 50;
const TOTAL = Number(process.env.BENCH_THROUGHPUT_N ?? 3000);
const ROUNDS = 3;
const version = (name) =>
  JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'))
    .version;

const { base, stop } = await startInstantServer();
const messages = [{ role: 'user', content: 'hi' }];

const sdk = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'k', maxRetries: 0 });
const alea = new OpenAIModel({ model: 'gpt-4o-mini', endpoint: base, apiKey: 'k', cache: false });
const aiModel = createOpenAI({ baseURL: `${base}/v1`, apiKey: 'k' }).chat('gpt-4o-mini');

/** @type {Record<string, () => Promise<string>>} */
const clients = {
  'raw fetch': rawFetchChat(base, messages),
  'alea-llm-client OpenAIModel.chat (cache off)': async () => (await alea.chat(messages)).text,
  [`openai ${version('openai')} chat.completions.create`]: async () =>
    (await sdk.chat.completions.create({ model: 'gpt-4o-mini', messages })).choices[0].message
      .content,
  [`ai ${version('ai')} generateText (@ai-sdk/openai ${version('@ai-sdk/openai')})`]: async () =>
    (await generateText({ model: aiModel, messages, maxRetries: 0 })).text,
};

/** Runs `total` calls with `IN_FLIGHT` workers; returns calls per second and CPU µs per call. */
async function run(call, total) {
  let started = 0;
  const worker = async () => {
    while (started++ < total) {
      const text = await call();
      if (text !== 'hello') throw new Error(`unexpected answer: ${text}`);
    }
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: total / seconds, cpuUs: (used.user + used.system) / total };
}

const results = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
for (const call of Object.values(clients)) await run(call, IN_FLIGHT * 4); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, call] of Object.entries(clients)) results[name].push(await run(call, TOTAL));
}
stop();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `\nThroughput, ${IN_FLIGHT} calls in flight, ${TOTAL} calls x ${ROUNDS} rounds (medians), ` +
    `Node ${process.version}\n`,
);
console.log('| Client | calls/s | CPU µs/call | CPU vs raw fetch |');
console.log('| --- | ---: | ---: | ---: |');
const rawCpu = median(results['raw fetch'].map((r) => r.cpuUs));
for (const [name, runs] of Object.entries(results)) {
  const cpu = median(runs.map((r) => r.cpuUs));
  const perSecond = median(runs.map((r) => r.perSecond));
  console.log(
    `| ${name} | ${perSecond.toFixed(0)} | ${cpu.toFixed(0)} | ${(cpu / rawCpu).toFixed(2)} |`,
  );
}
