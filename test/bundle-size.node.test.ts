// Bundle-size budgets: what a browser app pays for one chat call. esbuild --bundle --minify
// --platform=browser --format=esm --splitting over the BUILT package, gzip -9 (node:zlib).
// - The entry chunk (loaded up front) must stay within 10 kB for OpenAI (issue 2, and issue 3 with
//   the IndexedDB default store, which ships with the call code, pako in lazy chunks) and Anthropic
//   (issue 4). Google's entry is printed; its issue sets no entry budget.
// - The entry chunk plus the provider's registry slice (the lazy chunk of the rows of the model's
//   family, which the first call fetches for its model's spec; the lookup itself is in the entry or
//   the provider's call chunk) must stay within 12 kB for every provider (issue 6).
// Other lazy chunks (pako, IndexedDB, schema conversion) are only printed. Needs dist/.
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { bundleConsumer, requireDist, ROOT } from './support/bundle-consumer.ts';
import { chunksLoaded } from './support/stream-chunks.ts';

const ENTRY_BUDGET = 10 * 1024;
const WITH_REGISTRY_BUDGET = 12 * 1024;
const gz = (s: string) => gzipSync(s, { level: 9 }).length;

const consumers: Array<{ name: string; code: string; slices: string[]; entryBudget?: number }> = [
  {
    name: 'OpenAI',
    code: `import { OpenAIModel } from 'alea-llm-client/openai';
new OpenAIModel({ model: 'gpt-4o-mini' }).chat('hi');`,
    slices: ['gpt-4-'],
    entryBudget: ENTRY_BUDGET,
  },
  {
    name: 'Anthropic',
    code: `import { AnthropicModel } from 'alea-llm-client/anthropic';
new AnthropicModel().chat('hi');`,
    slices: ['claude-sonnet-'],
    entryBudget: ENTRY_BUDGET,
  },
  {
    name: 'Google',
    code: `import { GoogleModel } from 'alea-llm-client/google';
new GoogleModel().chat('hi');`,
    slices: ['gemini-3.1-'],
  },
];

for (const { name, code, slices, entryBudget } of consumers) {
  const title = entryBudget ? `entry <= ${entryBudget} B, ` : '';
  it(`one ${name} chat call: ${title}with its registry slice <= ${WITH_REGISTRY_BUDGET} B (gzip)`, async () => {
    requireDist();
    const b = await bundleConsumer(code);
    const entry = gz(b.entry);
    const registry = slices.map((slice) => {
      const found = Object.entries(b.lazy).filter(([file]) => file.startsWith(slice));
      expect(found, `one lazy ${slice}… chunk`).toHaveLength(1);
      return gz(found[0]![1]);
    });
    const withRegistry = registry.reduce((sum, n) => sum + n, entry);
    const lazy = Object.entries(b.lazy)
      .map(([file, text]) => `${file.replace(/-[A-Z0-9]{8}\.js$/, '')} ${gz(text)}`)
      .join(', ');
    console.log(
      `[bundle-size] ${name} chat: entry ${Buffer.byteLength(b.entry)} B min / ${entry} B gzip; ` +
        `with registry slice ${withRegistry} B gzip; lazy chunks (gzip): ${lazy}`,
    );
    expect(entry).toBeLessThanOrEqual(entryBudget ?? Number.POSITIVE_INFINITY);
    expect(withRegistry).toBeLessThanOrEqual(WITH_REGISTRY_BUDGET);
  });
}

// One streamed call (issue 11: <= 12 kB gzip): measured as the chat budgets are, entry plus registry
// slice, plus every chunk the streamed call loads that a chat call does not (the streaming code and
// the provider's stream reader), found by running both calls (support/stream-chunks.ts). The rest
// of what both load (the call pipeline's lazy chunks) is printed. No cache (the stores are lazy
// chunks of their own, outside the chat budgets too); each consumer answers from its own fetch.
// The budget is the measured 6.85 kB plus about 3%, well inside issue 11's 12 kB, so growth fails here.
// Raised to 7.45 kB (measured 7.25 kB) when issue 14 took rare paths off the chat call: TimeoutError
// loads on demand (a chat call no longer carries it), so this stream-only share now counts its chunk
// (+0.3 kB), and stream() plans its call in run-stream (+0.1 kB). The streamed call's whole download
// fell meanwhile: 24.2 kB (6854 + 17393 B) before, 23.3 kB (7250 + 16014 B) after. Raised to
// 9.1 kB (measured 8858 B) when the OpenAI-compatible call code moved into the entry chunk (its
// on-demand helpers take the adapter's functions as arguments, so bundlers stop splitting it off):
// it was counted among the chunks a chat call loads too. The whole download fell again: 19.4 kB
// (7016 + 12386 B) before, 19.2 kB (8858 + 10348 B) after. Raised to 9.4 kB (measured 9158 B)
// when InvalidResponseError left the call code (a chat call's answer check loads it only for a body
// that does not fit, 50 B less per first call): the stream's parser imports it, so it is now
// counted here as a chunk of its own. Raised to 9.65 kB (measured 9557 B) when the Chat Completions
// stream reader learnt the streams real servers send (custom tool call deltas, several calls at one
// index, object arguments, an end without [DONE] or usage; add-tool-call-delta.ts) and the stream
// error event its nested form and unpaid accounts (audit-openai #1, #2, #5, #7, #9).
const STREAM_BUDGET = 9_650;
const answer = (body: string, type: string) =>
  `const fetch = async () => new Response(${body}, { headers: { 'content-type': '${type}' } });`;
const chunk = (o: object) => `'data: ' + JSON.stringify(${JSON.stringify(o)}) + '\\n\\n'`;
const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
const sse = [
  chunk({ ...base, choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: 'stop' }] }),
  chunk({ ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } }),
  `'data: [DONE]\\n\\n'`,
].join(' + ');
const whole = JSON.stringify({
  id: 'c',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const openai = `import { OpenAIModel } from 'alea-llm-client/openai';
const m = () => new OpenAIModel({ model: 'gpt-4o-mini', apiKey: 'sk-x', cache: false, fetch });`;

it(`one OpenAI streamed call: entry, registry slice and the streaming chunks <= ${STREAM_BUDGET} B (gzip)`, async () => {
  requireDist();
  const streamed = await bundleConsumer(`${openai}
${answer(sse, 'text/event-stream')}
globalThis.__done = (async () => {
  let text = '';
  for await (const piece of m().stream('hi').textStream) text += piece;
  if (text !== 'ok') throw new Error(text);
})();`);
  const chat = await bundleConsumer(`${openai}
${answer(`'${whole}'`, 'application/json')}
globalThis.__done = m().chat('hi');`);
  const named = (file: string) => file.replace(/-[A-Z0-9]{8}\.js$/, '');
  const size = (b: typeof chat, files: string[]) => files.reduce((n, f) => n + gz(b.lazy[f]!), 0);
  const loaded = chunksLoaded(streamed);
  // Chunk names are content hashes: the same module set has the same name in both bundles.
  const chatLoaded = new Set(chunksLoaded(chat));
  // The registry slice: the rows of gpt-4o-mini's family (the lookup is in the entry).
  const registry = loaded.filter((f) => /^gpt-4-[A-Z0-9]{8}\.js$/.test(f));
  const streaming = loaded.filter((f) => !chatLoaded.has(f) && !registry.includes(f));
  expect(registry, 'the registry slice').toHaveLength(1);
  expect(streaming.map(named), 'the streaming code loads on demand').toContain('run-stream');
  expect(streaming.map(named)).toContain('parse-openai-stream');
  const total = gz(streamed.entry) + size(streamed, registry) + size(streamed, streaming);
  const shared = loaded.filter((f) => chatLoaded.has(f));
  console.log(
    `[bundle-size] OpenAI stream: entry ${gz(streamed.entry)} B gzip; with registry slice and ` +
      `streaming chunks ${total} B gzip (${streaming.map((f) => `${named(f)} ${gz(streamed.lazy[f]!)}`).join(', ')}); ` +
      `chunks a chat call loads too: ${size(streamed, shared)} B gzip`,
  );
  expect(total).toBeLessThanOrEqual(STREAM_BUDGET);
});

// The prompt helpers (alea-llm-client/prompts): sectioned prompts carry valibot's JSON Schema
// conversion (schemas render as JSON Schema, as the original's pydantic classes did); the token
// template and JSON normaliser are tiny.
const PROMPT_CONSUMERS = [
  {
    name: 'formatPrompt + formatInstructions',
    code: `import { formatPrompt, formatInstructions } from 'alea-llm-client/prompts';
console.log(formatPrompt({ a: formatInstructions(['x']) }));`,
    budget: 6 * 1024,
  },
  {
    name: 'formatPromptLlama3 + normalizeJsonResponse',
    code: `import { formatPromptLlama3, normalizeJsonResponse } from 'alea-llm-client/prompts';
console.log(formatPromptLlama3('x'), normalizeJsonResponse('{}'));`,
    budget: 2 * 1024,
  },
];
for (const { name, code, budget } of PROMPT_CONSUMERS) {
  it(`prompts: ${name} <= ${budget} B (gzip)`, async () => {
    requireDist();
    const b = await bundleConsumer(code);
    const size = gz(b.all);
    console.log(`[bundle-size] prompts ${name}: ${size} B gzip`);
    expect(size).toBeLessThanOrEqual(budget);
  });
}

// A Cloudflare Worker that makes one OpenAI chat call, bundled as wrangler bundles it: esbuild, one
// ES module (no splitting: dynamic imports are inlined), workerd conditions (`#default-store` is the
// memory store there), minified, gzip -9: everything is in the one file (streaming, batch, pako
// included), so this is the Worker's whole script size. Issue 14 asks for a Worker budget: measured
// (39.8 kB after merging streamResponses and the batch methods) plus about 3%. Raised to 41.6 kB
// when the registry rows split into one import() target per model family (a browser call loads
// only its family's rows): one file holds every family with a module wrapper each, and the
// loader's table (measured 40821 B before, 41318 B after). Raised to 41.7 kB (measured 41620 B)
// when the OpenAI and Google on-demand helpers took the adapter's functions as arguments (the
// browser's first call saves a script and 0.16-0.22 kB; a one-file Worker pays the argument objects).
// Raised to 41.8 kB (measured 41729 B) for issue 14's instruction cuts on the call path (one abort
// listener per call signal, the reused I/O-context marker, no per-call option checks for a bare
// model, the store-supplied SHA-256): fs miss 3.06 to 2.64 M instructions, cache off 2.54 to 2.38 M.
// Raised to 42.45 kB (measured 41741 B before, 42398 B after) when the per-family registry files
// held ready specs instead of compact rows: a browser's first call needs no decoder (0.18-0.19 kB
// less per provider), but a one-file Worker carries every OpenAI family's specs beside the whole
// slices and their decoder, which the default registry still uses. Raised to 42.55 kB (measured
// 42508 B) when json/object's repair rounds moved to their own module (the round they send is now a
// function with its arguments) and dist/'s shared chunk kept only what other entry points share
// (the browser's first call: 0.25-0.27 kB less per provider; a one-file Worker holds the same code,
// in another order). Raised to 42.65 kB (measured 42598 B) when rate-limit headers became the
// adapters' to read (`adapter.rateLimit`): Google's first call carries no parser (0.3 kB less), and a
// one-file Worker pays the plumbing. Raised to 42.78 kB (measured 42715 B) when a call started its
// registry rows and capability checks with the call and the adapters kept the common tuning in one
// chunk (a browser's first call with options: 5 round trips, not 8-10; see
// test/first-call-size), and the fetch option's error moved with the other answer errors (the
// plain browser call 20 B smaller): a one-file Worker carries all of it. Raised to 42.93 kB
// (measured 42867 B) when json(), object(), responses(), tool calls and the adapters' tuning steps
// started the on-demand code they need together (a browser's first object(): 10 round trips, not
// 15): a one-file Worker carries those preloads too. Raised to 43.0 kB (measured 42949 B) when the
// answer check's error class loaded on demand (three more import() sites in one file; a browser's
// first call 50 B less) and a call with tools started its call step with the option checks. Raised
// to 43.8 kB (measured 43562 B) for the wire shapes real OpenAI-family servers send (audit-openai:
// the stream readers' custom, id-less and shared-index tool calls, the nested Responses error event,
// refusals, old vLLM and FastAPI error bodies): a one-file Worker carries every reader.
// Raised to 43.07 kB (measured 43044 B) when the error-answer code took the adapters' errorDetail
// hook (a wait or a refused key read from the body: Gemini's RetryInfo, API_KEY_INVALID) and
// AuthenticationError its keyRefused flag: a one-file Worker carries them; a browser loads them on
// an error only.
const WORKER_BUDGET = 43_870;
it(`a Worker making one OpenAI chat call bundles to <= ${WORKER_BUDGET} B (gzip, one file)`, async () => {
  requireDist();
  const dir = mkdtempSync(join(tmpdir(), 'alea-worker-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/alea-llm-client'), 'dir');
    writeFileSync(
      join(dir, 'worker.mjs'),
      `import { OpenAIModel } from 'alea-llm-client/openai';
export default { async fetch(request, env) {
  const r = await new OpenAIModel({ apiKey: env.OPENAI_API_KEY }).chat('hi');
  return new Response(r.text);
} };`,
    );
    const out = await esbuild.build({
      entryPoints: [join(dir, 'worker.mjs')],
      absWorkingDir: dir,
      nodePaths: [join(ROOT, 'node_modules')],
      preserveSymlinks: true,
      tsconfigRaw: {},
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('api.openai.com'); // it is the OpenAI Worker
    expect(code).not.toMatch(/["']node:[a-z]/); // and the workerd build of the package
    console.log(`[bundle-size] Worker (OpenAI chat): ${code.length} B min / ${gz(code)} B gzip`);
    expect(gz(code)).toBeLessThanOrEqual(WORKER_BUDGET);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
