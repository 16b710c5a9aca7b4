// One client's per-call loop, run in its own process under callgrind by instructions.bench.mjs:
// `node instr-client.mjs <client> <base URL> <warm-up calls> <calls>`. Every call but the memory
// hit sends a distinct prompt, so the fs-cache row misses on every call as a first call does.
// Between phases it prints `mark` and waits for a line on stdin, while the bench dumps (and so
// zeroes) callgrind's counters: the second dump counts exactly the measured calls.
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [name, base, warmupArg, nArg] = process.argv.slice(2);
const warmup = Number(warmupArg);
const n = Number(nArg);
const prompt = (i) => [{ role: 'user', content: `hi ${i}` }];
let dir;

/** @type {Record<string, () => Promise<(i: number) => Promise<string>>>} */
const clients = {
  'raw fetch': async () => async (i) => {
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: prompt(i) }),
    });
    return (await res.json()).choices[0].message.content;
  },
  'alea (cache off)': async () => {
    const { OpenAIModel } = await import('alea-llm-client/openai');
    const model = new OpenAIModel({
      model: 'gpt-4o-mini',
      endpoint: base,
      apiKey: 'k',
      cache: false,
    });
    return async (i) => (await model.chat(prompt(i))).text;
  },
  'alea default fs cache, miss': async () => {
    // The default store is the fs store under $ALEA_CACHE_DIR: a fresh folder, so every call misses.
    dir = mkdtempSync(join(tmpdir(), 'alea-instr-'));
    process.env.ALEA_CACHE_DIR = dir;
    const { OpenAIModel } = await import('alea-llm-client/openai');
    const model = new OpenAIModel({ model: 'gpt-4o-mini', endpoint: base, apiKey: 'k' });
    return async (i) => (await model.chat(prompt(i))).text;
  },
  'alea memory cache, hit': async () => {
    const { OpenAIModel } = await import('alea-llm-client/openai');
    const { memoryStore } = await import('alea-llm-client/cache');
    const model = new OpenAIModel({
      model: 'gpt-4o-mini',
      endpoint: base,
      apiKey: 'k',
      cache: memoryStore(),
    });
    return async () => (await model.chat(prompt(0))).text;
  },
  'openai-node': async () => {
    const { default: OpenAI } = await import('openai');
    const sdk = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'k', maxRetries: 0 });
    return async (i) =>
      (await sdk.chat.completions.create({ model: 'gpt-4o-mini', messages: prompt(i) })).choices[0]
        .message.content;
  },
  'AI SDK generateText': async () => {
    const { generateText } = await import('ai');
    const { createOpenAI } = await import('@ai-sdk/openai');
    const model = createOpenAI({ baseURL: `${base}/v1`, apiKey: 'k' }).chat('gpt-4o-mini');
    return async (i) => (await generateText({ model, messages: prompt(i), maxRetries: 0 })).text;
  },
};

const make = clients[name];
if (!make) throw new Error(`unknown client ${name}; one of ${Object.keys(clients).join(', ')}`);
const call = await make();
let next = 1;
/** Calls with prompts the measured calls never use, so a miss stays a miss. */
const warm = async (count) => {
  for (let i = 0; i < count; i++) {
    const text = await call(-next++);
    if (text !== 'hello') throw new Error(`${name} did not return the fixed answer: ${text}`);
  }
};
await warm(warmup);
// A full collection, so no garbage of the warm-up is collected inside the measured calls. It also
// throws away optimized code that embedded objects it frees (V8 deoptimizes it, "weak objects":
// pako's and the stream internals' code here), so a quarter of the warm-up runs again after it,
// and the measured window starts from the code a long-running process has.
globalThis.gc?.();
await warm(Math.ceil(warmup / 4));
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
// Waiting on stdin runs no code: valgrind's gdbserver takes the dump request while the process is
// blocked, so nothing but the measured calls lands between the two dumps (no collection is forced
// here: it would land inside the window).
const mark = async () => {
  process.stdout.write('mark\n');
  await lines.next();
};
await mark();
for (let i = 0; i < n; i++) await call(i);
await mark();
if (dir) rmSync(dir, { recursive: true, force: true });
process.exit(0);
