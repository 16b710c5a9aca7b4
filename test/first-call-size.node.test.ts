// Everything a browser page downloads for ONE uncached chat call with the default cache on
// (IndexedDB), measured in real Chromium over the packed package (test/support/page-download.ts):
// the entry chunk plus every chunk the call loads on the way (registry slice, IndexedDB store and
// idb-keyval, the entry codec). A second load of the page answers from IndexedDB.
import { inject, it, expect } from 'vitest';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';
import { requireDist } from './support/bundle-consumer.ts';
import { pageDownloads, type PageDownload } from './support/page-download.ts';

const emulatorUrl = inject('emulatorUrl');

// Budgets in gzip bytes: the measured sizes plus about 3%, so growth fails here. Issue 14's targets:
// entry <= 6 kB (met), first call <= 12 kB for Anthropic and Google (met, and the budget) and
// <= 10 kB for OpenAI (NOT met yet). History: 21-24 scripts and 20.8/20.2/21.2 kB before dist/ was
// grouped into call-path chunks
// (rollup.config.mjs, CALL_PATH_GROUPS); 17.9/17.5/18.9 kB after; 14.9/14.3/15.4 kB once the rare
// paths of the pipeline, the cache, the adapters and the IndexedDB store loaded on demand (retries,
// capability checks, message wording, tools/parts/output shaping, pruning, database upgrades);
// 13.4/13.1/14.3 kB after a second diet (entry decoding, scrubbing, tool-call mapping on demand), the
// registry rows split per model family, and dist/ regrouped (no `store` group; rare errors out of
// `core`). The OpenAI and Anthropic entries grew by 0.26 kB and 0.07 kB when the registry lookup
// moved into them: as a lazy chunk it cost more framing than it weighs, and a fetch in sequence. The
// entry chunk is small because the call path lives in the chunks it imports (loaded with it, in
// parallel). 13.2/13.1/14.1 kB in 5/5/7 scripts once the OpenAI-compatible and Google on-demand
// helpers took the adapter's functions as arguments instead of importing its chunk: bundlers then
// keep that chunk in the entry (OpenAI entry 1.0 -> 2.9 kB, Google 0.6 -> 3.2 kB, one script and
// 0.16-0.22 kB less in all). 12.9/12.8/13.8 kB in 4/4/6 scripts once the browser default store
// imported the IndexedDB store statically (it ships with the call code: the cache is on by default,
// and as a chunk of its own it cost a script and its framing). Google 12.9 kB in 4 once thoughts and
// thought signatures (the emulator signs the default Gemini 3 model's answer, as Gemini does) were
// read on the call path instead of by a two-script on-demand reader, and Google's call code shrank
// (plain conversations converted without the rich loop, one tune step, Vertex hosts by one pattern).
// 12.2/12.7/12.9 kB in 4/4/4 scripts once the OpenAI-compatible adapter built and parsed only plain chat itself (every other
// call, sampling settings included, loads its extras), Anthropic's tuned bodies were completed by one
// on-demand call, and the registry flags decoded from one string. 12.1/12.6/12.8 kB in 4/4/4 once
// the model family's file held ready specs (no decoder on the call path; the family file 0.2 kB
// larger, the shared chunk 0.4 kB smaller). 11.8/12.3/12.6 kB once json/object's repair rounds
// loaded on demand and dist/'s `core` chunk kept only what other entry points share (errors' base
// classes, cost, the cache key's helpers; 1.0 kB gzip): the rest of the call path's shared code
// moved into `call`, compressed with it. 11.9/12.3/12.2 kB once the rate-limit header reader
// became the OpenAI-compatible and Anthropic adapters' (`adapter.rateLimit`; it moved into their
// entry chunks, +0.3 kB there): Google sends no such headers and its calls no longer carry it.
// Anthropic -0.2 kB and Google -0.1 kB once Anthropic converted plain conversations by a small loop
// (every other conversation, and a late system message, by an on-demand chunk) and mapped stop
// reasons other than end_turn on demand, and Google's sampling settings and native
// generationConfig moved into its on-demand tune step. 0.12-0.15 kB less for each once cache code
// that a first call never runs loaded on demand or went (a byte store's corrupt-entry warning loads
// with the decoder, its listing with pruning; a leaner IndexedDB backend and memory fallback).
// 11.7/11.9/11.9 kB once the model's registry record was memoised on the model (a call's model is
// always its model's) and json()/object() chained their on-demand methods without async wrappers.
// 11.7/11.97/11.97 kB (11726/11965/11966 B) after the speed round of 2026-12-03 (apiUrl without new
// URL(): -16 B; the call signal waking its waiters and the headers read once: +20 to +40 B).
// 11.7/11.98/11.99 kB (11744/11984/11986 B) once the pipeline started the registry rows and the
// capability checks with the call and the stream (a call with options no longer waits for one
// before the next: +40 to +50 B) and the rare errors of `complete()` and of a `fetch` option that
// is not one loaded on demand (-20 to -30 B).
// Google 11985-11988 B (chunk hashes move it by a few bytes) once its adapter read error bodies on demand (errorDetail: RetryInfo's wait, a
// refused key; it loads the answer-problem chunk the call path already names: +20 B, against +34 B
// for a chunk of its own) and sent conversations with an empty message through the rich converter
// (+7 B); keyRefused() lost a check (-2 B for all).
// The budgets are those measured sizes plus about 3%, and at most issue 14's 12 000 B for Anthropic
// and Google (met: 11984 and 11986 B); OpenAI's 10 000 B is not met yet.
const budgets = {
  openai: { entry: 2655, total: 12060, scripts: 4 },
  anthropic: { entry: 2890, total: 12000, scripts: 4 },
  google: { entry: 2925, total: 12000, scripts: 4 },
};
// The script counts are budgets too: each script is a request and its own gzip framing, and an
// on-demand chunk that imports a call-path chunk statically (rather than taking the functions it
// needs as arguments) makes bundlers split that chunk off the entry, one more script per first call.

const consumers = {
  openai: ['OpenAIModel', 'openai', ''],
  anthropic: ['AnthropicModel', 'anthropic', ', dangerouslyAllowBrowser: true'],
  google: ['GoogleModel', 'google', ''],
} as const;

for (const [provider, [cls, subpath, extra]] of Object.entries(consumers)) {
  const budget = budgets[provider as keyof typeof budgets];
  it(`one uncached ${provider} chat call in Chromium downloads <= ${budget.total} B gzip (entry <= ${budget.entry} B); a reload is served from IndexedDB`, async () => {
    requireDist();
    const sc = await scenario(emulatorUrl);
    const code = `import { ${cls} } from 'alea-llm-client/${subpath}';
const { endpoint, prompt } = window.__args;
const model = new ${cls}({ endpoint, apiKey: 'sk-test'${extra} });
model.chat(prompt).then(
  (r) => (window.__result = { text: r.text, cached: r.cached, warnings: r.warnings ?? [] }),
  (e) => (window.__result = { error: String(e) }),
);`;
    const args = { endpoint: sc.endpoint, prompt: uniquePrompt('size') };
    const [first, second] = (await pageDownloads(code, 2, { args })) as [
      PageDownload,
      PageDownload,
    ];
    console.log(
      `[first-call] ${provider}: ${first.total} B gzip over ${first.scripts.length} scripts: ` +
        first.scripts.map((s) => `${s.name} ${s.gzip}`).join(', ') +
        `; cached reload ${second.total} B`,
    );
    expect(first.result).toMatchObject({ cached: false, warnings: [] });
    expect((first.result as { text: string }).text.length).toBeGreaterThan(0);
    expect(first.scripts[0]?.name).toBe('consumer.js');
    expect(first.scripts[0]!.gzip).toBeLessThanOrEqual(budget.entry);
    expect(first.total).toBeLessThanOrEqual(budget.total);
    expect(first.scripts.length, 'scripts loaded').toBeLessThanOrEqual(budget.scripts);
    // The second page load of the same origin answers from IndexedDB: no second request.
    expect(second.result).toMatchObject({ cached: true });
    expect(await sc.requests()).toHaveLength(1);
  }, 180_000); // packs, bundles and starts Chromium; minutes on a loaded 2-core machine
}

/**
 * Loads a page whose module makes one first call (`call`, an expression over `model` and the
 * prompt `P`, and valibot as `v` if it uses it), its scripts answered in waves (one per round trip,
 * see support/page-download.ts), and logs what it fetched
 * and in how many round trips. The page's result is `{ text }` (tool calls as JSON) or `{ error }`.
 */
async function firstCall(provider: keyof typeof consumers, label: string, call: string) {
  requireDist();
  const [cls, subpath, extra] = consumers[provider];
  const sc = await scenario(emulatorUrl);
  // valibot only where the call uses it: an unused import still changes how the page is split.
  const valibot = call.includes('v.') ? "import * as v from 'valibot';" : '';
  const code = `import { ${cls} } from 'alea-llm-client/${subpath}';
${valibot}
const { endpoint, prompt: P } = window.__args;
const model = new ${cls}({ endpoint, apiKey: 'sk-test'${extra} });
${call}.then(
  (r) => (window.__result = { text: r.toolCalls ? JSON.stringify(r.toolCalls) : r.text }),
  (e) => (window.__result = { error: String(e) }),
);`;
  const [load] = (await pageDownloads(code, 1, {
    scriptDelayMs: 400,
    args: { endpoint: sc.endpoint, prompt: `${uniquePrompt(label)} Reply in JSON.` },
  })) as [PageDownload];
  console.log(
    `[first-call] ${provider} ${label}: ${load.total} B gzip over ${load.scripts.length} scripts in ` +
      `${load.rounds!.length} round trips: ${load.rounds!.map((r) => r.join(' ')).join(' | ')}`,
  );
  expect((load.result as { text?: string }).text, JSON.stringify(load.result)).toBeTruthy();
  return { load, rounds: load.rounds!.length, requests: await sc.requests() };
}

// A first call with the options most calls set. Their code loads on demand (above), so what matters
// here is how it loads: each script a page can only ask for after another arrived is one more round
// trip before the request goes out (about 100 ms each on a mobile network). The pipeline starts the
// registry record and the capability checks with the call, not after the option checks, and the
// adapters keep the common tuning in one chunk (OpenAI-compatible: text-only turns without the
// converter; Anthropic: sampling with the tuning step). Before that such a call took 10/9/8 round
// trips (OpenAI/Anthropic/Google); now 5 (the plain call's 3, the option checks' chunk and its
// shared parts, the adapter's tuning step).
const optionBudgets = {
  openai: { rounds: 5, scripts: 11, total: 15_850 },
  anthropic: { rounds: 5, scripts: 11, total: 15_850 },
  google: { rounds: 5, scripts: 11, total: 15_250 },
};
// What the request carries for maxTokens, in each provider's form (the options reached the wire).
const maxTokensOnWire = {
  openai: { max_completion_tokens: 200 },
  anthropic: { max_tokens: 200, temperature: 0.2 },
  google: { generationConfig: { maxOutputTokens: 200, temperature: 0.2 } },
};

for (const provider of Object.keys(consumers) as (keyof typeof consumers)[]) {
  const budget = optionBudgets[provider];
  it(`a first ${provider} chat call with system, temperature and maxTokens fetches its code in <= ${budget.rounds} round trips`, async () => {
    const { load, rounds, requests } = await firstCall(
      provider,
      'with options',
      "model.chat(P, { system: 'Be brief.', temperature: 0.2, maxTokens: 200 })",
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toMatchObject(maxTokensOnWire[provider]);
    expect(rounds, 'round trips').toBeLessThanOrEqual(budget.rounds);
    expect(load.scripts.length, 'scripts loaded').toBeLessThanOrEqual(budget.scripts);
    expect(load.total).toBeLessThanOrEqual(budget.total);
  }, 180_000);
}

// The same for a first stream: the streaming code is one more chunk (and its shared parts) before
// the option checks, and the stream's parser loads while the request is in flight (see
// test/stream-reader-early), after the adapter's tuning step. 11 round trips before the registry
// rows and the checks started with the stream; 9 now (a plain first stream takes 7).
it('a first openai stream with system, temperature and maxTokens fetches its code in <= 9 round trips', async () => {
  const { load, rounds, requests } = await firstCall(
    'openai',
    'stream with options',
    "model.stream(P, { system: 'Be brief.', temperature: 0.2, maxTokens: 200 }).response",
  );
  expect(requests).toHaveLength(1);
  expect(rounds, 'round trips').toBeLessThanOrEqual(9);
  // 18: the stream's parser brings InvalidResponseError's chunk, which no longer ships with the call
  // code (a call's answer check loads it only for a body that does not fit).
  expect(load.scripts.length, 'scripts loaded').toBeLessThanOrEqual(18);
}, 180_000);

// json(), object() and responses(): their code loads on demand in several steps (the methods, the
// schema's conversion and checks, the adapter's output and effort steps, the repair rounds that read
// the answer). Each method starts what it will need at once (model-methods' preload), the adapters'
// steps start their later steps' code with their first (OpenAI's schema format, the Responses
// answer's reader; Anthropic's and Google's output, tools and thinking steps), so fewer wait on one
// another; a call with tools fetches the tool step with the call step (it shipped as a chunk of its
// own) and with the option checks (it waited for them), and the answer's reader of tool calls (or
// Anthropic's of thinking and tool_use blocks) with the request; Anthropic's effort step keeps its
// own copy of the smallest thinking budget (importing it chained the thinking step's chunk behind
// it). Round trips before: json() 9, object() 15, responses() 11, object() with effort 17/19/16
// (OpenAI/Anthropic/Google), a forced tool 13 (OpenAI; the Anthropic and Google cases are new); the sizes are those measured plus about 3%.
const schema = 'v.object({ answer: v.string() })';
const tool =
  "{ name: 'lookup', description: 'Looks a word up.', parameters: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] } }";
const methodCases: [
  provider: keyof typeof consumers,
  name: string,
  call: string,
  rounds: number,
  total: number,
][] = [
  ['openai', 'json()', 'model.json(P)', 7, 16_350],
  ['openai', 'object()', `model.object(P, { schema: ${schema} })`, 9, 26_800],
  ['openai', 'responses()', 'model.responses(P)', 9, 21_300],
  [
    'openai',
    'object() with effort',
    `model.object(P, { schema: ${schema}, effort: 'low' })`,
    10,
    29_300,
  ],
  [
    'anthropic',
    'object() with effort',
    `model.object(P, { schema: ${schema}, effort: 'low' })`,
    8,
    30_050,
  ],
  [
    'google',
    'object() with effort',
    `model.object(P, { schema: ${schema}, effort: 'low' })`,
    8,
    27_950,
  ],
  [
    'openai',
    'chat() with a tool it must call',
    `model.chat(P, { tools: [${tool}], toolChoice: 'required' })`,
    7,
    19_600,
  ],
  [
    'anthropic',
    'chat() with a tool it must call',
    `model.chat(P, { tools: [${tool}], toolChoice: 'required' })`,
    6,
    19_500,
  ],
  [
    'google',
    'chat() with a tool it must call',
    `model.chat(P, { tools: [${tool}], toolChoice: 'required' })`,
    7,
    19_150,
  ],
];
for (const [provider, name, call, budget, total] of methodCases) {
  it(`a first ${provider} ${name} fetches its code in <= ${budget} round trips`, async () => {
    const { load, rounds } = await firstCall(provider, name, call);
    expect(rounds, 'round trips').toBeLessThanOrEqual(budget);
    expect(load.total).toBeLessThanOrEqual(total);
  }, 180_000);
}
