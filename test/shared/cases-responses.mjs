// responses(): OpenAI's Responses API through the same pipeline as chat(), against the emulator,
// which refuses what OpenAI refuses (test/emulator/openai-responses-rules.mjs): stateless by default,
// encrypted reasoning carried in `messages` through a tool loop, function and custom tool calls,
// finish reasons, refusals, failures, json/schema variants with repairs, previous_response_id, the
// classes that serve it and those that do not. Runtime-neutral: runs in all five runtimes.
import * as v from 'valibot';
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { named, weatherTool } from './fixtures.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function responsesCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const { memoryStore } = sdk.cache;
  const reasoning = (/** @type {string} */ endpoint, extra = {}) =>
    model(endpoint, { model: 'gpt-5', cache: false, ...extra });

  return [
    [
      'responses: POST /v1/responses, store false, max_output_tokens, verbosity, parallel_tool_calls, usage, id and encrypted reasoning',
      async () => {
        const s = await scenario(emulatorUrl);
        const r = await reasoning(s.endpoint).responses('hi there', {
          maxTokens: 200,
          instructions: 'Be brief.',
          reasoning: { summary: 'auto' },
          verbosity: 'low',
          parallelToolCalls: false,
        });
        const [req] = await s.requests();
        deepEqual(req.body.text, { verbosity: 'low' }, 'verbosity in text');
        equal(req.body.parallel_tool_calls, false, 'parallel_tool_calls');
        deepEqual(req.body.reasoning, { summary: 'auto' }, 'reasoning as given');
        equal(req.path, '/v1/responses', 'path');
        equal(req.body.store, false, 'nothing kept on the server unless asked');
        equal(req.body.max_output_tokens, 200, 'max_output_tokens');
        for (const k of ['max_tokens', 'max_completion_tokens', 'messages'])
          equal(req.body[k], undefined, `no ${k}`);
        deepEqual(
          req.body.include,
          ['reasoning.encrypted_content'],
          'encrypted reasoning asked for',
        );
        equal(req.body.instructions, 'Be brief.', 'instructions as they are');
        deepEqual(req.body.input, [{ role: 'user', content: 'hi there' }], 'input');
        equal(r.text, 'Echo: hi there', 'text from output_text');
        assert(r.id?.startsWith('resp_'), `id ${r.id}`);
        equal(r.finishReason, 'stop', 'finishReason');
        assert(r.usage.reasoningTokens > 0, 'reasoningTokens');
        equal(r.usage.cachedInputTokens, 0, 'cachedInputTokens');
        assert(typeof r.thinking === 'string' && r.thinking.length > 0, 'summary as thinking');
        const part = r.messages.at(-1).reasoning?.[0];
        assert(part?.id?.startsWith('rs_'), 'reasoning item id kept');
        assert(typeof part.signature === 'string', 'encrypted content kept');
        equal(part.provider, 'openai', 'reasoning part names its provider');
      },
    ],
    [
      'responses: a tool loop with a reasoning model works statelessly (store false)',
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: [
            { toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] },
            { text: 'It is 5°C in Oslo.' },
          ],
        });
        const m = reasoning(s.endpoint);
        const first = await m.responses('Weather in Oslo?', { tools: [weatherTool] });
        equal(first.finishReason, 'tool_calls', 'finishReason');
        const [call] = first.toolCalls ?? [];
        deepEqual(call?.arguments, { city: 'Oslo' }, 'function_call arguments parsed');
        const next = [...first.messages, { role: 'tool', toolCallId: call.id, content: '5°C' }];
        const second = await m.responses(next, { tools: [weatherTool] });
        equal(second.text, 'It is 5°C in Oslo.', 'answer after the tool result');
        const input = (await s.requests())[1].body.input;
        deepEqual(
          input.map((/** @type {any} */ i) => i.type ?? i.role),
          ['user', 'reasoning', 'function_call', 'function_call_output'],
          'reasoning, call and result in order',
        );
        assert(typeof input[1].encrypted_content === 'string', 'encrypted content sent back');
        equal(input[3].call_id, call.id, 'output answers the call');
        // The emulator verifies encrypted content as OpenAI does: a changed one is refused.
        const forged = structuredClone(next);
        forged[1].reasoning[0].signature = 'gAAAAforged';
        await rejects(
          m.responses(forged, { tools: [weatherTool] }),
          (e) => e instanceof sdk.core.APICallError && /could not be verified/.test(e.message),
          'forged encrypted content',
        );
        // Without encrypted content (and store false) the item cannot be sent: dropped, with a warning.
        const bare = structuredClone(next);
        delete bare[1].reasoning[0].signature;
        const r = await m.responses(bare, { tools: [weatherTool] });
        assert(
          r.warnings?.some((w) => /reasoning item .* was not sent/.test(w)),
          'warning',
        );
        const sent = (await s.requests()).at(-1).body.input;
        assert(!sent.some((/** @type {any} */ i) => i.type === 'reasoning'), 'no reasoning item');
      },
    ],
    [
      'responses: custom tool calls come back as toolCalls (custom: true) and go back as custom_tool_call_output',
      async () => {
        const sql = { name: 'sql', grammar: { syntax: 'regex', definition: 'SELECT .+' } };
        const s = await scenario(emulatorUrl, {
          reply: [{ toolCalls: [{ name: 'sql', arguments: 'SELECT 1' }] }, { text: 'one row' }],
        });
        const m = reasoning(s.endpoint);
        const first = await m.responses('count rows', { tools: [sql, weatherTool] });
        deepEqual(
          first.toolCalls?.map((c) => [c.name, c.arguments, c.custom]),
          [['sql', 'SELECT 1', true]],
          'custom call',
        );
        const [req] = await s.requests();
        deepEqual(
          req.body.tools.map((/** @type {any} */ t) => [t.type, t.name]),
          [
            ['function', 'get_weather'],
            ['custom', 'sql'],
          ],
          'function and custom tools',
        );
        deepEqual(
          req.body.tools[1].format,
          { type: 'grammar', syntax: 'regex', definition: 'SELECT .+' },
          'grammar format',
        );
        const next = [
          ...first.messages,
          { role: 'tool', toolCallId: first.toolCalls[0].id, content: '1' },
        ];
        equal((await m.responses(next, { tools: [sql] })).text, 'one row', 'answer');
        const input = (await s.requests())[1].body.input;
        deepEqual(
          input.slice(-2).map((/** @type {any} */ i) => i.type),
          ['custom_tool_call', 'custom_tool_call_output'],
          'custom call and output',
        );
        equal(input.at(-2).input, 'SELECT 1', 'the call input as text');
      },
    ],
    [
      'responses: incomplete is length; refusals and filtered answers are ContentFilterError and never cached; failed is an APICallError',
      async () => {
        const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
        const s = await scenario(emulatorUrl);
        const cut = await model(s.endpoint, { cache: false }).responses(words, { maxTokens: 16 });
        equal(cut.finishReason, 'length', 'max_output_tokens');
        equal(cut.rawFinishReason, 'incomplete:max_output_tokens', 'raw');
        const store = memoryStore();
        const refuse = await scenario(emulatorUrl, {
          reply: { refusal: "I can't help with that." },
        });
        const m = model(refuse.endpoint, { cache: store });
        const prompt = uniquePrompt('forbidden');
        const err = await rejects(m.responses(prompt), named('ContentFilterError'), 'refusal');
        equal(err.reason, 'refusal', 'reason');
        assert(err.message.includes("I can't help with that."), 'the refusal is in the message');
        await rejects(m.responses(prompt), named('ContentFilterError'), 'asked again');
        equal((await refuse.requests()).length, 2, 'a refusal is never cached');
        const filtered = await scenario(emulatorUrl, {
          reply: { finishReason: 'content_filter', text: '' },
        });
        const f = await rejects(
          model(filtered.endpoint, { cache: false }).responses('x'),
          named('ContentFilterError'),
        );
        equal(f.reason, 'content_filter', 'incomplete: content_filter');
        const failed = await scenario(emulatorUrl, {
          reply: { failed: { code: 'server_error', message: 'The model failed.' } },
        });
        const e = await rejects(
          model(failed.endpoint, { cache: false }).responses('x'),
          (x) => x instanceof sdk.core.APICallError,
        );
        equal(e.errorType, 'server_error', 'error code');
        assert(e.message.includes('The model failed.') && !e.message.includes(KEY), e.message);
      },
    ],
    [
      'responses: json and schema variants use text.format (strict on OpenAI) and repair invalid answers',
      async () => {
        const s = await scenario(emulatorUrl);
        const j = await model(s.endpoint, { cache: false }).responses('Give an object', {
          json: true,
        });
        assert(j.data && typeof j.data === 'object', 'data');
        const [jr] = await s.requests();
        deepEqual(jr.body.text, { format: { type: 'json_object' } }, 'json_object');
        assert(JSON.stringify(jr.body.input).toLowerCase().includes('json'), 'mentions JSON');
        const person = v.object({ name: v.string(), age: v.number() });
        const bad = await scenario(emulatorUrl, {
          reply: [{ text: '{"name":"Al"}' }, { text: '{"name":"Al","age":3}' }],
        });
        const o = await model(bad.endpoint, { cache: false }).responses('Al is 3', {
          schema: person,
          schemaName: 'person',
        });
        deepEqual(o.data, { name: 'Al', age: 3 }, 'repaired and typed');
        const [first, second] = await bad.requests();
        equal(first.body.text.format.type, 'json_schema', 'json_schema');
        equal(first.body.text.format.name, 'person', 'name');
        equal(first.body.text.format.strict, true, 'strict');
        equal(first.body.text.format.schema.additionalProperties, false, 'strict schema');
        assert(
          JSON.stringify(second.body.input).includes('age'),
          'the repair turn names the issue',
        );
        equal(second.path, '/v1/responses', 'the repair uses the Responses API too');
      },
    ],
    [
      'responses: previousResponseId continues a stored response; an unstored one is the API error',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        const stored = await m.responses('remember 7', { store: true });
        await m.responses('what number?', { previousResponseId: stored.id });
        const [, second] = await s.requests();
        equal(second.body.previous_response_id, stored.id, 'previous_response_id');
        const unstored = await m.responses('remember 8');
        const e = await rejects(
          m.responses('what number?', { previousResponseId: unstored.id }),
          (x) => x instanceof sdk.core.APICallError && x.status === 400,
        );
        equal(e.errorType, 'invalid_request_error', 'type');
        assert(/Previous response with id/.test(e.message), e.message);
        await rejects(
          m.responses('x', { store: 'yes' }),
          named('InvalidRequestError'),
          'store must be a boolean',
        );
      },
    ],
    [
      'responses: Anthropic, Google and compatible servers without responses: true refuse before any request; xAI and vLLM serve it',
      async () => {
        // vLLM and compatible servers run keyless.
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const refused = [
          new sdk.anthropic.AnthropicModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
          new sdk.google.GoogleModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
          new sdk.compat.OpenAICompatibleModel({
            model: 'local',
            endpoint: s.endpoint,
            cache: false,
          }),
          new sdk.vllm.VLLMModel({ endpoint: s.endpoint, cache: false }),
        ];
        for (const m of refused) {
          const e = await rejects(m.responses('hi'), named('UnsupportedFeatureError'), m.provider);
          equal(e.provider, m.provider, 'names the provider');
          assert(e.message.includes('chat()'), 'says what to use');
        }
        equal((await s.requests()).length, 0, 'no request');
        const served = [
          new sdk.xai.GrokModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
          new sdk.vllm.VLLMModel({ endpoint: s.endpoint, cache: false, responses: true }),
          new sdk.compat.OpenAICompatibleModel({
            model: 'local',
            endpoint: s.endpoint,
            cache: false,
            responses: true,
          }),
        ];
        for (const m of served) equal((await m.responses('hi')).text, 'Echo: hi', m.provider);
        const paths = (await s.requests()).map((/** @type {any} */ q) => q.path);
        deepEqual(paths, ['/v1/responses', '/v1/responses', '/v1/responses'], 'paths');
        // Only OpenAI reasoning models are asked for encrypted reasoning.
        assert(
          (await s.requests()).every((/** @type {any} */ q) => q.body.include === undefined),
          'no include',
        );
      },
    ],
    [
      'responses: what the API refuses is not sent (token-limit names, sampling on reasoning models, stop, seed, reasoning on gpt-4o)',
      async () => {
        const s = await scenario(emulatorUrl);
        await rejects(
          reasoning(s.endpoint).responses('x', { maxTokens: 8 }),
          (e) => e.name === 'InvalidRequestError' && /minimum of 16/.test(e.message),
          'maxTokens below 16',
        );
        // toolChoice as OpenAI checks it on /v1/responses too: its three words, or a passed tool.
        const sql = { name: 'sql', grammar: { syntax: 'regex', definition: 'SELECT .+' } };
        for (const [toolChoice, why] of [
          ['any', /"auto", "none", "required"/],
          [{ name: 'get_time' }, /not one of the tools passed \("get_weather", "sql"\)/],
        ])
          await rejects(
            reasoning(s.endpoint).responses('x', { tools: [weatherTool, sql], toolChoice }),
            (e) => e.name === 'InvalidRequestError' && why.test(e.message),
            `toolChoice ${JSON.stringify(toolChoice)}`,
          );
        equal((await s.requests()).length, 0, 'refused before any request');
        const r = await reasoning(s.endpoint).responses('x', {
          max_tokens: 64,
          temperature: 0.2,
          topP: 0.5,
          stop: ['\n'],
          seed: 3,
        });
        const [req] = await s.requests();
        equal(req.body.max_output_tokens, 64, 'max_tokens renamed');
        for (const k of ['max_tokens', 'temperature', 'top_p', 'stop', 'seed'])
          equal(req.body[k], undefined, `no ${k}`);
        for (const k of ['max_output_tokens', 'temperature', 'top_p', 'stop', 'seed'])
          assert(
            r.warnings?.some((w) => w.includes(k)),
            `warning about ${k}`,
          );
        const plain = await model(s.endpoint, { model: 'gpt-4o', cache: false }).responses('x', {
          temperature: 0.2,
          reasoning: { summary: 'auto' },
        });
        const second = (await s.requests())[1].body;
        equal(second.temperature, 0.2, 'gpt-4o takes temperature');
        equal(second.reasoning, undefined, 'no reasoning on gpt-4o');
        assert(
          plain.warnings?.some((w) => w.includes('reasoning')),
          'warning about reasoning',
        );
      },
    ],
    [
      'responses: cached like chat, under its own key',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: memoryStore() });
        const prompt = uniquePrompt('cache me');
        const a = await m.responses(prompt);
        const b = await m.responses(prompt);
        equal(b.cached, true, 'second call is a hit');
        equal(b.text, a.text, 'same answer');
        await m.chat(prompt);
        deepEqual(
          (await s.requests()).map((/** @type {any} */ q) => q.path),
          ['/v1/responses', '/v1/chat/completions'],
          'chat is not answered from the responses() entry',
        );
      },
    ],
  ];
}
