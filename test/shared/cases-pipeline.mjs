// The call pipeline's promises that `npm run mutants` found unguarded (scripts/mutants-list.mjs):
// x-should-retry both ways, RateLimitError and its fields, model and call headers (never in the
// cache key), cacheTtl reaching the store, a cache hit re-validated against the call's schema, a
// store value that is not an entry, repair rounds in usage and cost, settings warnings reaching
// onWarning, strict json_schema, and a golden cache key that every runtime must derive. Runtime-neutral.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';
import * as v from 'valibot';
import { calls, inputs, keyOfCall } from '../fixtures/cache-key-corpus.mjs';
import { golden } from '../fixtures/cache-key-golden.mjs';

/** A Standard Schema over a fixed JSON Schema, with the caller's own acceptance rule. */
const personBy = (/** @type {(v: any) => boolean} */ accept) => ({
  '~standard': {
    version: 1,
    vendor: 'cases',
    validate: (/** @type {any} */ value) =>
      accept(value) ? { value } : { issues: [{ message: 'not accepted' }] },
  },
});
const PERSON_JSON = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
  additionalProperties: false,
};

/** A memory store that records the options of every set(). */
function recordingStore(/** @type {any} */ inner) {
  /** @type {unknown[]} */
  const sets = [];
  return {
    sets,
    store: {
      name: 'recording',
      get: (/** @type {string} */ k, /** @type {any} */ o) => inner.get(k, o),
      set: (/** @type {string} */ k, /** @type {any} */ e, /** @type {any} */ o) => {
        sets.push(o);
        return inner.set(k, e, o);
      },
      keys: (/** @type {string} */ p) => inner.keys(p),
      delete: (/** @type {string} */ k) => inner.delete(k),
    },
  };
}

// The golden cache key: the same in every runtime and release, or every cached result is lost on
// an upgrade. It is cacheKey() of a fixed input, which is also exactly what one fixed call sends
// (OpenAIModel, gpt-4o-mini at api.openai.com, chat 'golden', temperature 0): if that call's body
// changes, the call's key moves too. Update the constant only for an intended change, and say so.
// Changed once on purpose: CACHE_KEY_VERSION 2 keys the request path and answer-changing headers.
export const GOLDEN_CACHE_KEY =
  'openai/1ede07f68e486b2d/a45876f2089592e39edfe2a5ef34fe173b5f57616080984747cfebc6af588094';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function pipelineCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const { memoryStore } = sdk.cache;
  return [
    [
      'pipeline: x-should-retry: false stops a 500 from being retried; true retries a 400',
      async () => {
        const no = await scenario(emulatorUrl, {
          faults: [{ status: 500, headers: { 'x-should-retry': 'false' }, times: 3 }],
        });
        const error = await rejects(model(no.endpoint, { cache: false }).chat('hi'));
        assert(error instanceof sdk.core.APICallError, `got ${error?.name}`);
        equal(error.status, 500, 'status');
        equal(error.isRetryable, false, 'isRetryable follows the header');
        equal((await no.requests()).length, 1, 'not retried');
        const yes = await scenario(emulatorUrl, {
          faults: [{ status: 400, headers: { 'x-should-retry': 'true' } }],
        });
        equal((await model(yes.endpoint, { cache: false }).chat('hi')).text, 'Echo: hi');
        equal((await yes.requests()).length, 2, 'the 400 was retried');
      },
    ],
    [
      'pipeline: a 429 is a RateLimitError with its status, request id and retryAfterMs',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [{ status: 429, headers: { 'retry-after-ms': '30' }, times: 2 }],
        });
        const error = await rejects(model(s.endpoint, { cache: false, retryLimit: 1 }).chat('hi'));
        assert(error instanceof sdk.core.RetryError, `RetryError, got ${error?.name}`);
        equal(error.errors.length, 2, 'both attempts');
        for (const e of error.errors) {
          assert(e instanceof sdk.core.RateLimitError, `RateLimitError, got ${e?.name}`);
          assert(e instanceof sdk.core.APICallError, 'a RateLimitError is an APICallError');
          equal(e.name, 'RateLimitError', 'name');
          equal(e.status, 429, 'status');
          equal(e.retryAfterMs, 30, 'retryAfterMs from retry-after-ms');
          equal(e.isRetryable, true, 'retryable');
          assert(/^req_/.test(e.requestId), `request id ${e.requestId}`);
          assert(e.message.includes('Rate limit reached'), e.message);
        }
      },
    ],
    [
      "pipeline: the model's and the call's headers are sent (the call's win) and never split the cache",
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, {
          cache: memoryStore(),
          headers: { 'x-team': 'research', 'x-both': 'model' },
        });
        const prompt = uniquePrompt('headers');
        await m.chat(prompt, { headers: { 'x-both': 'call', 'x-call': '1' } });
        const [req] = await s.requests();
        equal(req.headers['x-team'], 'research', "the model's header");
        equal(req.headers['x-both'], 'call', "the call's header wins");
        equal(req.headers['x-call'], '1', "the call's own header");
        equal(req.headers.authorization, `Bearer ${KEY}`, 'the key is still sent');
        const other = await m.chat(prompt, { headers: { 'x-both': 'other' } });
        equal(other.cached, true, 'other headers, same cache entry');
        equal((await s.requests()).length, 1, 'one request');
      },
    ],
    [
      'pipeline: cacheTtl reaches the store, and the entry expires after it',
      async () => {
        const s = await scenario(emulatorUrl);
        const { store, sets } = recordingStore(memoryStore());
        const m = model(s.endpoint, { cache: store, cacheTtl: 1 });
        const prompt = uniquePrompt('ttl');
        await m.chat(prompt);
        deepEqual(sets, [{ ttl: 1 }], 'set() got the TTL');
        equal((await m.chat(prompt)).cached, true, 'a hit within the TTL');
        await new Promise((r) => setTimeout(r, 1100));
        equal((await m.chat(prompt)).cached, false, 'a miss after it');
        const plain = recordingStore(memoryStore());
        await model(s.endpoint, { cache: plain.store }).chat(prompt);
        deepEqual(plain.sets, [undefined], 'no cacheTtl, no TTL');
      },
    ],
    [
      "pipeline: a cache hit is re-validated against the call's schema; a failing one is a miss",
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: [{ text: '{"name":"Ann"}' }, { text: '{"name":"Bob"}' }],
        });
        const m = model(s.endpoint, { cache: memoryStore() });
        const prompt = uniquePrompt('a person');
        const opts = { jsonSchema: PERSON_JSON, schemaName: 'person', maxRepairs: 0 };
        const first = await m.object(prompt, { ...opts, schema: personBy(() => true) });
        equal(first.data.name, 'Ann', 'first answer');
        const same = await m.object(prompt, { ...opts, schema: personBy(() => true) });
        equal(same.cached, true, 'the same schema: a hit');
        const stricter = personBy((p) => p.name !== 'Ann');
        const second = await m.object(prompt, { ...opts, schema: stricter });
        equal(second.cached, false, 'the hit fails the new schema: asked again');
        equal(second.data.name, 'Bob', 'the new answer');
        equal((await s.requests()).length, 2, 'two requests');
      },
    ],
    [
      'pipeline: a store value that is not a cache entry is a miss with a warning',
      async () => {
        const s = await scenario(emulatorUrl);
        /** @type {string[]} */
        const warnings = [];
        const junk = { name: 'junk', get: () => ({ v: 1, response: { text: 'stale' } }), set() {} };
        const r = await model(s.endpoint, {
          cache: junk,
          onWarning: (/** @type {string} */ w) => warnings.push(w),
        }).chat('hi');
        equal(r.cached, false, 'a miss');
        equal(r.text, 'Echo: hi', 'the real answer');
        equal(warnings.length, 1, `one warning: ${warnings.join('; ')}`);
        assert(/is corrupt \(not a cache entry\)/.test(warnings[0]), warnings[0]);
      },
    ],
    ...['json', 'object'].map(
      (method) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `pipeline: usage and cost of ${method}() include every repair round`,
          async () => {
            const s = await scenario(emulatorUrl, {
              reply: [
                { text: 'not JSON', usage: { prompt_tokens: 100, completion_tokens: 10 } },
                { text: '{"name":"Ann"}', usage: { prompt_tokens: 300, completion_tokens: 20 } },
              ],
            });
            const m = model(s.endpoint, { cache: false });
            const opts = { schema: personBy(() => true), jsonSchema: PERSON_JSON, maxRepairs: 1 };
            const r = await (method === 'json'
              ? m.json('a person as JSON', { maxRepairs: 1 })
              : m.object('a person', opts));
            equal((await s.requests()).length, 2, 'one repair round');
            deepEqual(r.data, { name: 'Ann' }, 'the repaired answer');
            equal(r.usage.inputTokens, 400, 'input tokens of both rounds');
            equal(r.usage.outputTokens, 30, 'output tokens of both rounds');
            const spec = sdk.registry.getModelDetails('gpt-4o-mini');
            equal(r.cost, sdk.registry.computeCost(spec, r.usage), 'cost of both rounds');
            assert(r.cost > sdk.registry.computeCost(spec, { inputTokens: 300, outputTokens: 20 }));
          },
        ]),
    ),
    [
      "pipeline: onWarning receives each call's settings warnings, as response.warnings has them, hits included",
      async () => {
        const s = await scenario(emulatorUrl);
        /** @type {string[]} */
        const seen = [];
        const m = model(s.endpoint, {
          model: 'o3-mini',
          cache: memoryStore(),
          onWarning: (/** @type {string} */ w) => seen.push(w),
        });
        const prompt = uniquePrompt('warnings');
        const first = await m.chat(prompt, { temperature: 0.2 });
        assert(first.warnings?.[0]?.startsWith('temperature was not sent'), `${first.warnings}`);
        deepEqual(seen, first.warnings, 'the same lines as response.warnings');
        const hit = await m.chat(prompt, { temperature: 0.2 });
        equal(hit.cached, true, 'a hit');
        deepEqual(hit.warnings, first.warnings, 'the hit keeps its warnings');
        deepEqual(seen, [...first.warnings, ...first.warnings], 'and reports them again');
        await m.chat(uniquePrompt('nothing dropped'));
        equal(seen.length, 2 * first.warnings.length, 'no warning for a call that drops nothing');
      },
    ],
    [
      'pipeline: object() asks for strict json_schema when the schema allows it, and not otherwise',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        await m.object('a person', { schema: v.strictObject({ name: v.string() }) });
        // A record's keys cannot be listed, so strict mode (every property required) cannot take it.
        await m.object('tags', { schema: v.object({ tags: v.record(v.string(), v.string()) }) });
        const [closed, open] = await s.requests();
        equal(closed.body.response_format.json_schema.strict, true, 'closed, all required');
        equal(open.body.response_format.json_schema.strict, false, 'a record');
      },
    ],
    [
      'pipeline: cacheKey() of a fixed input, the key of a fixed call and the stored corpus are the golden keys',
      async () => {
        const key = await sdk.core.cacheKey({
          provider: 'openai',
          endpoint: 'https://api.openai.com',
          model: 'gpt-4o-mini',
          method: 'chat',
          path: '/v1/chat/completions',
          body: {
            model: 'gpt-4o-mini',
            temperature: 0,
            messages: [{ role: 'user', content: 'golden' }],
          },
        });
        equal(key, GOLDEN_CACHE_KEY, 'cacheKey()');
        const store = memoryStore();
        const m = new sdk.openai.OpenAIModel({
          model: 'gpt-4o-mini',
          apiKey: 'sk-golden',
          cache: store,
          fetch: async () =>
            new Response(JSON.stringify({ choices: [{ message: { content: 'ok' } }] })),
        });
        await m.chat('golden', { temperature: 0 });
        deepEqual(await store.keys(), [GOLDEN_CACHE_KEY], 'the call');
        // The stored corpus (test/fixtures/cache-key-corpus.mjs): the same keys in every runtime.
        for (const { name, input } of inputs)
          equal(await sdk.core.cacheKey(input), golden.inputs[name], `cacheKey(): ${name}`);
        for (const call of calls)
          equal(await keyOfCall(sdk, call), golden.calls[call.name], `call: ${call.name}`);
        equal(
          inputs.length + calls.length,
          Object.keys({ ...golden.inputs, ...golden.calls }).length,
        );
      },
    ],
  ];
}
