// Per-call overhead of one chat call, against an instant loopback server in another process:
// raw fetch, alea-llm-client (no cache, and a cache hit), and the official SDKs, measured in the same
// run. CPU time per call (process.cpuUsage) is the contention-robust figure; wall time is shown too.
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { OpenAIModel } from 'alea-llm-client/openai';
import { memoryStore } from 'alea-llm-client/cache';
import { measureClients } from './measure-clients.mjs';
import { rawFetchChat, startInstantServer } from './start-instant-server.mjs';

const N = Number(process.env.BENCH_N ?? 1500);
// The SDK versions measured, read from node_modules so the labels cannot go stale.
const version = (name) =>
  JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'))
    .version;
const ROUNDS = 3;

const { base, stop } = await startInstantServer();
const messages = [{ role: 'user', content: 'hi' }];

const openaiSdk = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'k', maxRetries: 0 });
const anthropicSdk = new Anthropic({ baseURL: base, apiKey: 'k', maxRetries: 0 });
const alea = new OpenAIModel({ model: 'gpt-4o-mini', endpoint: base, apiKey: 'k', cache: false });
const aleaHit = new OpenAIModel({
  model: 'gpt-4o-mini',
  endpoint: base,
  apiKey: 'k',
  cache: memoryStore(),
});
let anthropicAlea;
try {
  const { AnthropicModel } = await import('alea-llm-client/anthropic');
  anthropicAlea = new AnthropicModel({ endpoint: base, apiKey: 'k', cache: false });
} catch {
  // The Anthropic entry point is optional here: the table just has one row fewer.
}

/** @type {Record<string, () => Promise<string>>} */
const clients = {
  'raw fetch': rawFetchChat(base, messages),
  'alea-llm-client OpenAIModel.chat': async () => (await alea.chat(messages)).text,
  'alea-llm-client cache hit': async () => (await aleaHit.chat(messages)).text,
  [`openai ${version('openai')} chat.completions.create`]: async () =>
    (await openaiSdk.chat.completions.create({ model: 'gpt-4o-mini', messages })).choices[0].message
      .content,
  [`@anthropic-ai/sdk ${version('@anthropic-ai/sdk')} messages.create`]: async () =>
    (await anthropicSdk.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages }))
      .content[0].text,
  ...(anthropicAlea && {
    'alea-llm-client AnthropicModel.chat': async () => (await anthropicAlea.chat(messages)).text,
  }),
};

const rows = await measureClients(clients, {
  n: N,
  warmup: 200,
  rounds: ROUNDS,
  expected: 'hello',
});
stop();
const raw = rows[0];
console.log(
  `\nPer-call overhead, ${N} sequential calls x ${ROUNDS} rounds (medians), Node ${process.version}\n`,
);
console.log('| Client | ms/call | CPU µs/call | CPU vs raw fetch |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.wall.toFixed(3)} | ${r.cpu.toFixed(0)} | ${(r.cpu / raw.cpu).toFixed(2)} |`,
  );
}
