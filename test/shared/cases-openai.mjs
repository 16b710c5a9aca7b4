// Core behaviours through the OpenAI family, against the loopback emulator: results, caching and
// keys. Runtime-neutral: runs in all five runtimes. Retries and errors are in
// cases-openai-resilience.mjs; JSON, objects, tools and thinking in cases-openai-output.mjs.
import { assert, assertPlainData, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiCases({ sdk, emulatorUrl, runtime }) {
  const { OpenAIModel } = sdk.openai;
  const { memoryStore } = sdk.cache;
  const model = openaiModelFactory(sdk);

  return [
    [
      'chat returns a typed, plain-data result',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { model: 'gpt-4o-mini-2024-07-18' } });
        const prompt = uniquePrompt();
        const r = await model(s.endpoint, { cache: false }).chat(prompt, { system: 'Be brief.' });
        equal(r.text, `Echo: ${prompt}`, 'text');
        equal(r.choices.length, 1, 'choices');
        equal(r.finishReason, 'stop', 'finishReason');
        equal(r.model, 'gpt-4o-mini-2024-07-18', 'model as served');
        equal(r.provider, 'openai', 'provider');
        equal(r.cached, false, 'cached');
        assert(typeof r.id === 'string' && r.id.startsWith('chatcmpl-'), 'id');
        assert(r.usage.inputTokens > 0 && r.usage.outputTokens > 0, 'usage');
        equal(r.usage.totalTokens, r.usage.inputTokens + r.usage.outputTokens, 'totalTokens');
        equal(r.usage.raw.prompt_tokens_details.audio_tokens, 0, 'raw usage keeps every member');
        equal(r.messages.length, 3, 'system, user, assistant');
        equal(r.messages[0].role, 'system', 'system first');
        equal(r.messages[2].content, r.text, 'assistant turn');
        await assertPlainData(r, 'chat result', { requirePostMessage: runtime === 'browser' });
        const [req] = await s.requests();
        equal(req.path, '/v1/chat/completions', 'path');
        equal(req.headers.authorization, `Bearer ${KEY}`, 'auth header');
        equal(req.body.messages[0].content, 'Be brief.', 'system message sent');
      },
    ],
    [
      'a second identical call is a cache hit; ignoreCache bypasses it both ways',
      async () => {
        const s = await scenario(emulatorUrl);
        const store = memoryStore();
        const m = model(s.endpoint, { cache: store });
        const prompt = uniquePrompt();
        const first = await m.chat(prompt);
        const second = await m.chat(prompt);
        equal(second.cached, true, 'second is cached');
        equal(second.text, first.text, 'same text');
        equal((await s.requests()).length, 1, 'one request');
        await m.chat(prompt, { ignoreCache: true });
        equal((await s.requests()).length, 2, 'per-call ignoreCache sends');
        const off = model(s.endpoint, { cache: store, ignoreCache: true });
        equal((await off.chat(prompt, { ignoreCache: false })).cached, true, 'per-call false wins');
        equal((await off.chat(prompt)).cached, false, 'model-level ignoreCache');
        equal((await s.requests()).length, 3, 'requests');
      },
    ],
    [
      'the cache key and entry never hold the key; reordered options share an entry',
      async () => {
        const s = await scenario(emulatorUrl);
        const store = memoryStore();
        const prompt = uniquePrompt();
        await model(s.endpoint, { cache: store }).chat(prompt, { temperature: 0.5, seed: 1 });
        const hit = await model(s.endpoint, { cache: store, apiKey: 'other' }).chat(prompt, {
          seed: 1,
          temperature: 0.5,
        });
        equal(hit.cached, true, 'hit with options in another order');
        const keys = await store.keys();
        equal(keys.length, 1, 'one entry');
        assert(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/.test(keys[0]), `key layout: ${keys[0]}`);
        const stored = JSON.stringify(await store.get(keys[0]));
        assert(!stored.includes(KEY) && !keys[0].includes(KEY), 'no key in cache');
      },
    ],
    [
      'no key: MissingKeyError on the call, naming every place looked, not at construction',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = new OpenAIModel({ endpoint: s.endpoint, env: { OPENAI_API_KEY: KEY } });
        const error = await rejects(m.chat('hi'));
        assert(error instanceof sdk.core.MissingKeyError, `got ${error?.name}`);
        assert(error.message.includes('apiKey'), 'names apiKey');
        assert(error.message.includes('api.openai.com'), 'explains the host rule');
        assert(!error.message.includes(KEY), 'no key text');
        equal((await s.requests()).length, 0, 'nothing sent');
        const official = new OpenAIModel({
          env: {},
          cache: false,
          fetch: () => Promise.reject(new Error('no')),
        });
        const missing = await rejects(official.chat('hi'));
        assert(missing instanceof sdk.core.MissingKeyError, `official host: ${missing?.name}`);
        assert(missing.message.includes('OPENAI_API_KEY'), 'names the env var');
      },
    ],
    [
      'keys from the environment go only to their provider; vLLM needs none',
      async () => {
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const env = { OPENAI_API_KEY: KEY, OPENAI_COMPATIBLE_API_KEY: undefined };
        const compat = new sdk.compat.OpenAICompatibleModel({
          model: 'm',
          endpoint: s.endpoint,
          env,
          cache: false,
        });
        await compat.chat('hi');
        const vllm = new sdk.vllm.VLLMModel({ endpoint: s.endpoint, env: {}, cache: false });
        await vllm.chat('hi');
        const sent = await s.requests();
        equal(sent.length, 2, 'both sent');
        assert(
          sent.every((r) => r.headers.authorization === undefined),
          'no Authorization header',
        );
        let seen;
        const official = new OpenAIModel({
          env: { OPENAI_API_KEY: KEY },
          cache: false,
          fetch: async (url, init) => {
            seen = new Headers(init.headers).get('authorization');
            return new Response(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
          },
        });
        equal((await official.chat('hi')).text, 'ok', 'custom fetch used');
        equal(seen, `Bearer ${KEY}`, 'env key sent to api.openai.com');
      },
    ],
    [
      "identical calls share one request, and one caller's abort does not fail the others",
      async () => {
        // The leader's request is held for 2 s; the follower starts once the leader's request has
        // (so it joins it), and the leader aborts 100 ms later.
        const s = await scenario(emulatorUrl, { faults: [{ delayMs: 2000 }] });
        const controller = new AbortController();
        const started = [];
        let follower;
        const m = model(s.endpoint, {
          cache: memoryStore(),
          fetch: (url, init) => {
            started.push(controller.signal.aborted);
            if (started.length === 1) {
              follower = m.chat(prompt);
              setTimeout(() => controller.abort(), 100);
            }
            return fetch(url, init);
          },
        });
        const prompt = uniquePrompt();
        const t0 = Date.now();
        const error = await rejects(m.chat(prompt, { signal: controller.signal }));
        equal(error?.name, 'AbortError', "the leader's own abort");
        assert(Date.now() - t0 < 1500, 'the leader rejected at once');
        const r = await follower;
        equal(r.text, `Echo: ${prompt}`, 'the follower still gets its answer');
        // The follower waited on the leader: no request of its own until the leader aborted.
        deepEqual(started, [false, true], 'requests started');
        const many = await Promise.all(Array.from({ length: 5 }, () => m.chat(prompt)));
        assert(
          many.every((x) => x.cached),
          'later calls are hits',
        );
        equal(started.length, 2, 'no more requests');
      },
    ],
    [
      'a caller that joined an in-flight request is still cancelled at once by its own signal',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ delayMs: 1000 }] });
        const m = model(s.endpoint, { cache: memoryStore() });
        const prompt = uniquePrompt();
        const leader = m.chat(prompt);
        while ((await s.requests()).length === 0) await new Promise((r) => setTimeout(r, 5));
        const controller = new AbortController();
        const joined = m.chat(prompt, { signal: controller.signal });
        setTimeout(() => controller.abort(), 20);
        const t0 = Date.now();
        equal((await rejects(joined))?.name, 'AbortError', 'the joined caller aborted');
        assert(Date.now() - t0 < 500, 'at once, not when the shared request ends');
        equal((await leader).text, `Echo: ${prompt}`, 'the leader is unaffected');
        equal((await s.requests()).length, 1, 'one request');
      },
    ],
    [
      'failures are never cached',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }] });
        const m = model(s.endpoint, { cache: memoryStore(), retryLimit: 0 });
        const prompt = uniquePrompt();
        await rejects(m.chat(prompt));
        equal((await m.chat(prompt)).cached, false, 'second call went out');
        equal((await m.chat(prompt)).cached, true, 'and its success was cached');
      },
    ],
    [
      'complete() uses /v1/completions; unknown options pass through verbatim',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { model: 'gpt-3.5-turbo-instruct', cache: false });
        const r = await m.complete('Once upon', {
          maxTokens: 20,
          frequency_penalty: 0.5,
          user: 'u1',
        });
        equal(r.text.trim(), 'Echo: Once upon', 'text');
        const [req] = await s.requests();
        equal(req.path, '/v1/completions', 'path');
        equal(req.body.prompt, 'Once upon', 'prompt');
        equal(req.body.frequency_penalty, 0.5, 'passthrough');
        equal(req.body.user, 'u1', 'passthrough');
      },
    ],
  ];
}
