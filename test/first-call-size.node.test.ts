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
// The budgets are those measured sizes plus about 3%, and at most issue 14's 12 000 B for Anthropic
// and Google (met: 11946 B each); OpenAI's 10 000 B is not met yet.
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
    const prompt = uniquePrompt('size');
    const code = `import { ${cls} } from 'alea-llm-client/${subpath}';
const model = new ${cls}({ endpoint: ${JSON.stringify(sc.endpoint)}, apiKey: 'sk-test'${extra} });
model.chat(${JSON.stringify(prompt)}).then(
  (r) => (window.__result = { text: r.text, cached: r.cached, warnings: r.warnings ?? [] }),
  (e) => (window.__result = { error: String(e) }),
);`;
    const [first, second] = (await pageDownloads(code, 2)) as [PageDownload, PageDownload];
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
