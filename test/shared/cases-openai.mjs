// Core behaviours through the OpenAI family, against the loopback emulator: results, caching,
// retries, timeouts, aborts, keys, JSON and schemas. Runtime-neutral: runs in all five runtimes.
import { assert, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import * as v from 'valibot';

const KEY = 'sk-test-0123456789abcdefSECRET';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiCases({ sdk, emulatorUrl }) {
  const { OpenAIModel } = sdk.openai;
  const { memoryStore } = sdk.cache;
  /** @param {string} endpoint @param {Record<string, unknown>} [opts] */
  const model = (endpoint, opts = {}) =>
    new OpenAIModel({ model: 'gpt-4o-mini', endpoint, apiKey: KEY, retryDelay: 10, ...opts });

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
        equal(r.messages.length, 3, 'system, user, assistant');
        equal(r.messages[0].role, 'system', 'system first');
        equal(r.messages[2].content, r.text, 'assistant turn');
        assert(JSON.stringify(JSON.parse(JSON.stringify(r))) === JSON.stringify(r), 'JSON-safe');
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
      'a 429 with Retry-After: 1 is retried after at least a second',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [{ status: 429, headers: { 'retry-after': '1' } }],
        });
        const started = Date.now();
        const r = await model(s.endpoint, { cache: false }).chat('hi');
        const elapsed = Date.now() - started;
        assert(elapsed >= 950, `waited ${elapsed} ms`);
        equal(r.text, 'Echo: hi', 'answer after retry');
        equal((await s.requests()).length, 2, 'two attempts');
      },
    ],
    [
      'a 400 is not retried and is an APICallError with the request id',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 400, times: 3 }] });
        const error = await rejects(model(s.endpoint, { cache: false }).chat('hi'));
        assert(error instanceof sdk.core.APICallError, `APICallError, got ${error?.name}`);
        equal(error.status, 400, 'status');
        equal(error.isRetryable, false, 'not retryable');
        assert(/^req_/.test(error.requestId), 'request id');
        assert(error.message.includes('/v1/chat/completions'), 'message names the request');
        equal((await s.requests()).length, 1, 'one attempt');
      },
    ],
    [
      '5xx, HTML error pages and dropped connections are retried; exhaustion is a RetryError',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [{ status: 500 }, { html: true, status: 502 }, { drop: true }],
        });
        const r = await model(s.endpoint, { cache: false, retryLimit: 3 }).chat('hi');
        equal(r.text, 'Echo: hi', 'answer after three failures');
        const t = await scenario(emulatorUrl, { faults: [{ status: 503, times: 5 }] });
        const error = await rejects(model(t.endpoint, { cache: false, retryLimit: 2 }).chat('hi'));
        assert(error instanceof sdk.core.RetryError, `RetryError, got ${error?.name}`);
        equal(error.errors.length, 3, 'every attempt kept');
        assert(error.lastError instanceof sdk.core.APICallError, 'last error');
        equal((await t.requests()).length, 3, 'three attempts');
      },
    ],
    [
      'a 401 is an AuthenticationError, not retried, with no key text',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = new OpenAIModel({ endpoint: s.endpoint, apiKey: 'bad-key', cache: false });
        const error = await rejects(m.chat('hi'));
        assert(error instanceof sdk.core.AuthenticationError, `got ${error?.name}`);
        assert(
          !JSON.stringify({ m: error.message, b: error.responseBody }).includes('bad-key'),
          'redacted',
        );
        equal((await s.requests()).length, 1, 'not retried');
      },
    ],
    [
      'malformed JSON in a 200 is an InvalidResponseError',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ malformedJson: true }] });
        const error = await rejects(model(s.endpoint, { cache: false }).chat('hi'));
        assert(error instanceof sdk.core.InvalidResponseError, `got ${error?.name}`);
      },
    ],
    [
      'a server that never answers gives TimeoutError at the configured timeout',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true, times: 5 }] });
        const started = Date.now();
        const error = await rejects(
          model(s.endpoint, { cache: false }).chat('hi', { timeout: 300 }),
        );
        const elapsed = Date.now() - started;
        assert(error instanceof sdk.core.TimeoutError, `TimeoutError, got ${error?.name}`);
        equal(error.timeoutMs, 300, 'timeoutMs');
        assert(elapsed >= 280 && elapsed < 3000, `elapsed ${elapsed}`);
      },
    ],
    [
      "an abort rejects at once with the caller's AbortError",
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true }] });
        const controller = new AbortController();
        const pending = model(s.endpoint, { cache: false }).chat('hi', {
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 50);
        const started = Date.now();
        const error = await rejects(pending);
        assert(Date.now() - started < 1000, 'prompt rejection');
        equal(error?.name, 'AbortError', 'AbortError');
        assert(!(error instanceof sdk.core.TimeoutError), 'not a timeout');
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
        const s = await scenario(emulatorUrl);
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
        const s = await scenario(emulatorUrl, { faults: [{ delayMs: 200 }] });
        const m = model(s.endpoint, { cache: memoryStore() });
        const prompt = uniquePrompt();
        const controller = new AbortController();
        const leader = m.chat(prompt, { signal: controller.signal });
        const follower = m.chat(prompt);
        // Abort once the leader's request has reached the server (which holds it for 200 ms).
        while ((await s.requests()).length === 0) await new Promise((r) => setTimeout(r, 5));
        controller.abort();
        const error = await rejects(leader);
        equal(error?.name, 'AbortError', "the leader's own abort");
        const r = await follower;
        equal(r.text, `Echo: ${prompt}`, 'the follower still gets its answer');
        const many = await Promise.all(Array.from({ length: 5 }, () => m.chat(prompt)));
        assert(
          many.every((x) => x.cached),
          'later calls are hits',
        );
        equal((await s.requests()).length, 2, 'the aborted request and one more');
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
      'bad input is a typed error before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        for (const [input, opts] of [
          [[], {}],
          [[{ role: 'wizard', content: 'x' }], {}],
          ['hi', { maxTokens: -1 }],
          ['hi', { temperature: 'hot' }],
          [42, {}],
        ]) {
          const error = await rejects(m.chat(input, opts));
          assert(
            error instanceof sdk.core.InvalidRequestError,
            `got ${error?.name}: ${error?.message}`,
          );
        }
        const noSchema = await rejects(m.object('hi', {}));
        assert(noSchema instanceof sdk.core.InvalidRequestError, 'object() without schema');
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      'reasoning models get max_completion_tokens and no temperature',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { model: 'o3-mini', cache: false });
        const r = await m.chat('think', { maxTokens: 500, temperature: 0.3, top_p: undefined });
        const [req] = await s.requests();
        equal(req.body.max_completion_tokens, 500, 'max_completion_tokens');
        equal(req.body.max_tokens, undefined, 'no max_tokens');
        equal(req.body.temperature, undefined, 'no temperature');
        assert(r.usage.reasoningTokens > 0, 'reasoning tokens');
        assert(
          r.warnings?.some((w) => w.includes('temperature')),
          'warning says why',
        );
        await model(s.endpoint, { model: 'gpt-4o', cache: false }).chat('x', { maxTokens: 5 });
        equal((await s.requests())[1].body.max_tokens, 5, 'max_tokens for gpt-4o');
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
    [
      'json() uses JSON mode and parses data',
      async () => {
        const s = await scenario(emulatorUrl);
        const r = await model(s.endpoint, { cache: false }).json('Give an object');
        assert(typeof r.data === 'object' && r.data.echo, 'data parsed');
        const [req] = await s.requests();
        equal(req.body.response_format.type, 'json_object', 'json mode');
        assert(JSON.stringify(req.body.messages).toLowerCase().includes('json'), 'mentions JSON');
      },
    ],
    [
      'json() reads fenced JSON from servers without JSON mode',
      async () => {
        const text = 'Sure!\n```json\n{"name": "Alice", "age": 30}\n```\nHope it helps.';
        const s = await scenario(emulatorUrl, { reply: { text } });
        const m = new sdk.compat.OpenAICompatibleModel({
          model: 'local',
          endpoint: `${s.endpoint}/v1`,
          jsonObject: false,
          cache: false,
        });
        const r = await m.json('a person');
        equal(r.data.name, 'Alice', 'extracted');
        equal((await s.requests())[0].body.response_format, undefined, 'no JSON mode sent');
      },
    ],
    [
      'object() sends a json_schema and returns validated, typed data',
      async () => {
        const s = await scenario(emulatorUrl);
        const schema = v.object({ name: v.string(), age: v.number() });
        const r = await model(s.endpoint, { cache: memoryStore() }).object(uniquePrompt('person'), {
          schema,
          schemaName: 'person',
        });
        equal(typeof r.data.name, 'string', 'name');
        equal(typeof r.data.age, 'number', 'age');
        const [req] = await s.requests();
        equal(req.body.response_format.type, 'json_schema', 'native structured output');
        equal(req.body.response_format.json_schema.name, 'person', 'name');
        equal(req.body.response_format.json_schema.schema.required.length, 2, 'schema sent');
      },
    ],
    [
      'object() asks again with the issues, then succeeds; the good answer is cached',
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: [{ text: '{"name": 3}' }, { text: '{"name": "Bo", "age": 4}' }],
        });
        const schema = v.object({ name: v.string(), age: v.number() });
        const store = memoryStore();
        const m = model(s.endpoint, { cache: store });
        const prompt = uniquePrompt('person');
        const r = await m.object(prompt, { schema });
        equal(r.data.name, 'Bo', 'repaired');
        const sent = await s.requests();
        equal(sent.length, 2, 'one repair round');
        const repair = sent[1].body.messages.at(-1).content;
        assert(repair.includes('name'), `repair names the issue: ${repair}`);
        equal((await m.object(prompt, { schema })).cached, true, 'valid answer cached');
      },
    ],
    [
      'object() gives up with OutputValidationError and caches nothing',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: 'not json at all' } });
        const store = memoryStore();
        const m = model(s.endpoint, { cache: store, maxRepairs: 1 });
        const error = await rejects(
          m.object(uniquePrompt(), { schema: v.object({ a: v.string() }) }),
        );
        assert(error instanceof sdk.core.OutputValidationError, `got ${error?.name}`);
        equal(error.text, 'not json at all', 'keeps the text');
        equal(error.attempts, 2, 'attempts');
        equal((await store.keys()).length, 0, 'nothing cached');
      },
    ],
    [
      'portable tools round-trip: toolCalls out, tool results back',
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: [
            { toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Oslo' } }] },
            {},
          ],
        });
        const m = model(s.endpoint, { cache: false });
        const tools = [
          { name: 'weather', description: 'Weather', parameters: v.object({ city: v.string() }) },
        ];
        const r = await m.chat('Weather in Oslo?', { tools });
        equal(r.finishReason, 'tool_calls', 'finish');
        equal(r.toolCalls[0].name, 'weather', 'name');
        equal(r.toolCalls[0].arguments.city, 'Oslo', 'arguments parsed');
        const next = await m.chat(
          [...r.messages, { role: 'tool', toolCallId: 'call_1', content: '5°C' }],
          { tools },
        );
        equal(next.finishReason, 'stop', 'final answer after the tool result');
        equal(next.messages.length, 4, 'user, assistant call, tool result, assistant');
        const [first, second] = await s.requests();
        equal(first.body.tools[0].type, 'function', 'OpenAI tool shape');
        equal(first.body.tools[0].function.parameters.type, 'object', 'schema converted');
        equal(second.body.messages[1].tool_calls[0].id, 'call_1', 'assistant tool call sent back');
        equal(second.body.messages[2].tool_call_id, 'call_1', 'tool result');
      },
    ],
    [
      'thinking comes from reasoning_content (xAI) and reasoning (vLLM)',
      async () => {
        const x = await scenario(emulatorUrl, { reply: { reasoning: 'Let me think.' } });
        const grok = new sdk.xai.GrokModel({ endpoint: x.endpoint, apiKey: KEY, cache: false });
        equal((await grok.chat('hi')).thinking, 'Let me think.', 'reasoning_content');
        const l = await scenario(emulatorUrl, {
          reply: { reasoning: 'Hmm.', reasoningField: 'reasoning' },
        });
        const vllm = new sdk.vllm.VLLMModel({ endpoint: l.endpoint, cache: false });
        equal((await vllm.chat('hi')).thinking, 'Hmm.', 'reasoning');
      },
    ],
    [
      'vLLM structured outputs by server version',
      async () => {
        const s = await scenario(emulatorUrl);
        const schema = v.object({ n: v.number() });
        const current = new sdk.vllm.VLLMModel({ endpoint: s.endpoint, cache: false });
        equal(typeof (await current.object('n', { schema })).data.n, 'number', 'new form parsed');
        const old = new sdk.vllm.VLLMModel({
          endpoint: s.endpoint,
          serverVersion: '0.11.2',
          cache: false,
        });
        equal(typeof (await old.object('n', { schema })).data.n, 'number', 'old form parsed');
        const [a, b] = await s.requests();
        assert(a.body.structured_outputs?.json, 'structured_outputs.json');
        assert(!Object.keys(a.body).some((k) => k.startsWith('guided_')), 'no guided_* for ≥ 0.12');
        assert(b.body.guided_json && !b.body.structured_outputs, 'guided_json for 0.11');
      },
    ],
  ];
}
