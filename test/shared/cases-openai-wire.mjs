// OpenAI-family requests follow OpenAI's rules (issue 9 items 5, 6, 7, 9): strict structured output
// from a plain valibot object, complete() routing, no parameters a model refuses, no empty or orphan
// tool members, versioned base URLs used as given. The emulator refuses every broken form with
// OpenAI's error (test/emulator-strict.node.test.ts), so each case fails if the SDK sends one.
// Runtime-neutral: runs in all five runtimes.
import * as v from 'valibot';
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { answered, named } from './fixtures.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';

/** A fetch that records each URL and answers a minimal body of the given shape. */
function urlRecorder(body) {
  /** @type {string[]} */
  const urls = [];
  /** @type {typeof fetch} */
  const fetch = async (input) => {
    urls.push(String(input));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { urls, fetch };
}
const CHAT_BODY = { choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] };

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiWireCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const { OpenAICompatibleModel } = sdk.compat;

  return [
    [
      'openai: object() with a valibot v.object is strict; optional fields come back absent, not null',
      async () => {
        const schema = v.object({
          name: v.string(),
          age: v.optional(v.number()),
          nick: v.optional(v.string(), 'none'),
          tags: v.array(v.object({ t: v.string(), note: v.optional(v.string()) })),
          bio: v.nullish(v.string()),
        });
        const text =
          '{"name":"Al","age":null,"nick":null,"tags":[{"t":"x","note":null}],"bio":null}';
        const s = await scenario(emulatorUrl, { reply: { text } });
        const r = await model(s.endpoint, { cache: false }).object('who', { schema });
        // Nulls of optional fields are gone (a default applies); a nullable field keeps its null.
        deepEqual(r.data, { name: 'Al', nick: 'none', tags: [{ t: 'x' }], bio: null }, 'data');
        equal(r.text, '{"name":"Al","tags":[{"t":"x"}],"bio":null}', 'text without the nulls');
        const format = (await s.requests())[0].body.response_format.json_schema;
        equal(format.strict, true, 'strict');
        const sent = format.schema;
        equal(sent.additionalProperties, false, 'root closed');
        deepEqual(sent.required, ['name', 'age', 'nick', 'tags', 'bio'], 'every property required');
        deepEqual(sent.properties.age.type, ['number', 'null'], 'optional → nullable');
        const item = sent.properties.tags.items;
        equal(item.additionalProperties, false, 'nested object closed');
        deepEqual(item.required, ['t', 'note'], 'nested required');
        equal(sent.properties.nick.default, undefined, 'no default in a strict schema');
        // The README's example, unchanged, runs strict too.
        const t = await scenario(emulatorUrl);
        const person = v.object({ name: v.string(), age: v.number() });
        await model(t.endpoint, { cache: false }).object('Alice is 30.', { schema: person });
        equal((await t.requests())[0].body.response_format.json_schema.strict, true, 'README');
      },
    ],
    [
      'openai: constraints strict mode lacks move into descriptions; shapes it cannot express go non-strict',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        const constrained = v.object({
          code: v.pipe(v.string(), v.minLength(2), v.description('A code')),
          site: v.pipe(v.string(), v.url()),
        });
        await answered(m.object('x', { schema: constrained, maxRepairs: 0 }));
        const map = v.object({ scores: v.record(v.string(), v.number()) });
        await answered(m.object('x', { schema: map, maxRepairs: 0 }));
        const [a, b] = (await s.requests()).map((q) => q.body.response_format.json_schema);
        equal(a.strict, true, 'constrained schema is strict');
        equal(a.schema.properties.code.description, 'A code (minLength: 2)', 'minLength described');
        equal(a.schema.properties.code.minLength, undefined, 'minLength not sent');
        equal(a.schema.properties.site.description, '(format: "uri")', 'uri format described');
        equal(b.strict, false, 'a map of any keys cannot be strict');
        deepEqual(b.schema.properties.scores.additionalProperties, { type: 'number' }, 'unchanged');
      },
    ],
    [
      'openai: complete() on a chat model is one user turn; instruct models, vLLM and compatible servers use /v1/completions',
      async () => {
        const s = await scenario(emulatorUrl, { strictModels: true });
        const prompt = uniquePrompt('Once upon');
        const r = await model(s.endpoint, { cache: false }).complete(prompt, { system: 'Go on.' });
        equal(r.text, `Echo: ${prompt}`, 'text');
        const legacy = model(s.endpoint, { model: 'gpt-3.5-turbo-instruct', cache: false });
        await legacy.complete('Once upon');
        const vllm = new sdk.vllm.VLLMModel({ endpoint: s.endpoint, apiKey: KEY, cache: false });
        // Neither model id is OpenAI's: the strict emulator answers 404, after recording the request.
        const notFound = (/** @type {any} */ e) => e?.status === 404;
        await rejects(vllm.complete('Once upon'), notFound, 'vLLM model id');
        const compat = new OpenAICompatibleModel({
          model: 'local',
          endpoint: s.endpoint,
          apiKey: KEY,
          cache: false,
        });
        await rejects(compat.complete('Once upon'), notFound, 'compatible model id');
        const [chat, instruct, v1, v2] = await s.requests();
        equal(chat.path, '/v1/chat/completions', 'chat model: Chat Completions');
        deepEqual(
          chat.body.messages,
          [
            { role: 'system', content: 'Go on.' },
            { role: 'user', content: prompt },
          ],
          'one user turn',
        );
        equal(chat.body.prompt, undefined, 'no prompt member');
        equal(instruct.path, '/v1/completions', 'instruct model');
        equal(v1.path, '/v1/completions', 'vLLM');
        equal(v2.path, '/v1/completions', 'compatible server');
        const error = await rejects(legacy.chat('hi'), named('UnsupportedFeatureError'));
        assert(error.message.includes('complete()'), error.message);
        equal((await s.requests()).length, 4, 'nothing sent for chat() on an instruct model');
      },
    ],
    [
      'openai: reasoning models get no stop, penalties or log probabilities, with a warning each',
      async () => {
        const s = await scenario(emulatorUrl);
        const options = {
          stop: ['END'],
          topP: 0.5,
          frequency_penalty: 0.2,
          presence_penalty: 0.1,
          logprobs: true,
          top_logprobs: 2,
        };
        const r = await model(s.endpoint, { model: 'o3-mini', cache: false }).chat('hi', options);
        await model(s.endpoint, { cache: false }).chat('hi', options);
        const [reasoning, plain] = await s.requests();
        for (const key of ['stop', 'top_p', 'frequency_penalty', 'presence_penalty', 'logprobs']) {
          equal(reasoning.body[key], undefined, `${key} not sent to o3-mini`);
          assert(
            r.warnings?.some((w) => w.startsWith(`${key} was not sent`)),
            `${key} warning`,
          );
          assert(plain.body[key] !== undefined, `${key} sent to gpt-4o-mini`);
        }
      },
    ],
    [
      'openai: tools: [] and a tool choice without tools are never sent',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        await m.chat('a', { tools: [] });
        const r = await m.chat('b', { tools: [], toolChoice: 'auto' });
        await m.chat('c', { tool_choice: 'none' });
        const [a, b, c] = await s.requests();
        equal('tools' in a.body, false, 'no empty tools');
        equal('tool_choice' in b.body || 'tools' in b.body, false, 'no tool_choice without tools');
        equal('tool_choice' in c.body, false, 'pass-through tool_choice too');
        assert(
          r.warnings?.some((w) => w.includes('tool_choice')),
          'warning',
        );
        await rejects(m.chat('d', { toolChoice: 'required' }), named('InvalidRequestError'));
        await rejects(m.chat('e', { toolChoice: { name: 'f' } }), named('InvalidRequestError'));
        equal((await s.requests()).length, 3, 'nothing sent for a required tool without tools');
      },
    ],
    [
      'openai: a tool result that answers no call, or a call left unanswered, fails before sending',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        const call = {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_1', name: 'f', arguments: {} }],
        };
        const orphan = await rejects(
          m.chat([
            { role: 'user', content: 'hi' },
            { role: 'tool', toolCallId: 'call_9', content: 'x' },
          ]),
          named('InvalidRequestError'),
        );
        assert(orphan.message.includes('Message 1 (tool)'), orphan.message);
        const open = await rejects(
          m.chat([{ role: 'user', content: 'hi' }, call, { role: 'user', content: 'and?' }]),
          named('InvalidRequestError'),
        );
        assert(open.message.includes('call_1'), open.message);
        equal((await s.requests()).length, 0, 'nothing sent');
        await m.chat([
          { role: 'user', content: 'hi' },
          call,
          { role: 'tool', toolCallId: 'call_1', content: 'x' },
        ]);
        equal((await s.requests()).length, 1, 'a paired conversation is sent');
      },
    ],
    [
      'base URLs: a versioned path is used as given; a bare host or an unversioned path gets /v1',
      async () => {
        const s = await scenario(emulatorUrl, { strictModels: true, requireAuth: false });
        const at = (endpoint) =>
          new OpenAICompatibleModel({ model: 'gpt-4o-mini', endpoint, cache: false });
        for (const base of ['', '/v1', '/v1/', '/v1beta/openai/', '/api/v4', '/openai/v1'])
          await at(s.endpoint + base).chat('hi');
        // A chat model on /completions: the emulator refuses it as OpenAI does, but records the path.
        await rejects(at(`${s.endpoint}/api/v4`).complete('hi'), (e) => e?.status === 404);
        deepEqual(
          (await s.requests()).map((q) => q.path),
          [
            '/v1/chat/completions',
            '/v1/chat/completions',
            '/v1/chat/completions',
            '/v1beta/openai/chat/completions',
            '/api/v4/chat/completions',
            '/openai/v1/chat/completions',
            '/api/v4/completions',
          ],
          'paths',
        );
        const proxy = urlRecorder(CHAT_BODY);
        await new OpenAICompatibleModel({
          model: 'm',
          endpoint: 'https://gateway.example/llm/',
          fetch: proxy.fetch,
          cache: false,
        }).chat('hi');
        deepEqual(proxy.urls, ['https://gateway.example/llm/v1/chat/completions'], 'mount point');
        const claude = urlRecorder({
          content: [{ type: 'text', text: 'ok' }],
          stop_reason: 'end_turn',
        });
        await new sdk.anthropic.AnthropicModel({
          endpoint: 'https://api.anthropic.com/v1/',
          apiKey: KEY,
          dangerouslyAllowBrowser: true,
          fetch: claude.fetch,
          cache: false,
        }).chat('hi');
        deepEqual(claude.urls, ['https://api.anthropic.com/v1/messages'], 'Anthropic');
        const google = urlRecorder({
          candidates: [
            { content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP' },
          ],
        });
        const { GoogleModel } = sdk.google;
        const common = {
          apiKey: 'k',
          fetch: google.fetch,
          cache: false,
          model: 'gemini-2.5-flash',
        };
        await new GoogleModel({
          ...common,
          endpoint: 'https://generativelanguage.googleapis.com/v1',
        }).chat('hi');
        await new GoogleModel({
          ...common,
          endpoint: 'https://asia-east1-aiplatform.googleapis.com/v1',
          projectId: 'proj-1',
        }).chat('hi');
        deepEqual(
          google.urls,
          [
            'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
            'https://asia-east1-aiplatform.googleapis.com/v1/projects/proj-1/locations/asia-east1/publishers/google/models/gemini-2.5-flash:generateContent',
          ],
          'Gemini API and Vertex',
        );
      },
    ],
    [
      'openai: with strictModels the emulator refuses unknown ids, and the default model is known',
      async () => {
        const s = await scenario(emulatorUrl, { strictModels: true });
        const m = new sdk.openai.OpenAIModel({ endpoint: s.endpoint, apiKey: KEY, cache: false });
        equal((await m.chat('hi')).provider, 'openai', 'default model answered');
        const typo = model(s.endpoint, { model: 'gpt-4o-mini-typo', cache: false, retryLimit: 0 });
        const error = await rejects(typo.chat('hi'), named('APICallError'));
        equal(error.status, 404, 'status');
      },
    ],
  ];
}
