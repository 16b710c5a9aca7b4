// Public options of the OpenAI family that reach the body, each checked against the emulator (which
// refuses malformed tool choices, content parts and schema names as OpenAI does): toolChoice values,
// n > 1, image parts, the compatible server's structuredOutput modes and jsonObject, vLLM's
// serverVersion, tool-name validation and schemaName clean-up. Runtime-neutral: all five runtimes.
import * as v from 'valibot';
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { named, weatherTool } from './fixtures.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';

const person = v.object({ name: v.string(), age: v.number() });

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiOptionCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const { OpenAICompatibleModel } = sdk.compat;
  const { VLLMModel } = sdk.vllm;
  const compat = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new OpenAICompatibleModel({ model: 'local', endpoint, cache: false, ...extra });

  return [
    [
      'openai family: toolChoice auto, none, required and { name } reach the body; bad choices fail before sending',
      async () => {
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const tools = [weatherTool, { ...weatherTool, name: 'get_time' }];
        const classes = [
          model(s.endpoint, { cache: false }),
          new sdk.xai.GrokModel({ endpoint: s.endpoint, apiKey: KEY, cache: false }),
          compat(s.endpoint),
        ];
        for (const m of classes) {
          const calls = [];
          for (const toolChoice of ['auto', 'none', 'required', { name: 'get_time' }])
            calls.push((await m.chat('Weather?', { tools, toolChoice })).toolCalls?.[0]?.name);
          // The emulator calls a tool only when the choice forces one, as the API does.
          deepEqual(
            calls,
            [undefined, undefined, 'get_weather', 'get_time'],
            `${m.provider} calls`,
          );
          for (const toolChoice of ['sometimes', { name: 'nope' }, { tool: 'x' }])
            await rejects(m.chat('x', { tools, toolChoice }), named('InvalidRequestError'));
        }
        const sent = (await s.requests()).map((q) => q.body.tool_choice);
        const each = [
          'auto',
          'none',
          'required',
          { type: 'function', function: { name: 'get_time' } },
        ];
        deepEqual(sent, [...each, ...each, ...each], 'tool_choice of every request');
      },
    ],
    [
      'openai: n > 1 returns every choice; the first is text',
      async () => {
        const s = await scenario(emulatorUrl);
        const r = await model(s.endpoint, { cache: false }).chat('hi', { n: 3 });
        deepEqual(r.choices, ['Echo: hi', 'Echo: hi (choice 1)', 'Echo: hi (choice 2)'], 'choices');
        equal(r.text, 'Echo: hi', 'text');
        equal((await s.requests())[0].body.n, 3, 'n sent');
      },
    ],
    [
      'openai: image parts are sent as image_url parts',
      async () => {
        const s = await scenario(emulatorUrl);
        const data = 'data:image/png;base64,iVBORw0KGgo=';
        const content = [
          { type: 'text', text: 'What is this?' },
          { type: 'image', url: 'https://example.com/a.png' },
          { type: 'image', url: data, mediaType: 'image/png' },
        ];
        const r = await model(s.endpoint, { cache: false }).chat([{ role: 'user', content }]);
        equal(r.text, 'Echo: What is this?', 'answered');
        deepEqual((await s.requests())[0].body.messages[0].content, [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          { type: 'image_url', image_url: { url: data } },
        ]);
      },
    ],
    [
      'openai-compatible: structuredOutput json_schema, structured_outputs, guided_json and prompt; jsonObject: false',
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: { text: '{"name":"Al","age":3}' },
          requireAuth: false,
        });
        const modes = ['json_schema', 'structured_outputs', 'guided_json', 'prompt'];
        for (const structuredOutput of modes) {
          const r = await compat(s.endpoint, { structuredOutput }).object('x', { schema: person });
          deepEqual(r.data, { name: 'Al', age: 3 }, `${structuredOutput}: data`);
        }
        const j = await compat(s.endpoint, { jsonObject: false }).json('x');
        deepEqual(j.data, { name: 'Al', age: 3 }, 'jsonObject: false: data');
        const [a, b, c, d, e] = (await s.requests()).map((q) => q.body);
        const members = (/** @type {any} */ x) =>
          ['response_format', 'structured_outputs', 'guided_json'].filter((k) => k in x);
        equal(a.response_format.type, 'json_schema', 'json_schema');
        deepEqual(b.structured_outputs.json.required, ['name', 'age'], 'structured_outputs.json');
        deepEqual(c.guided_json.required, ['name', 'age'], 'guided_json');
        deepEqual([a, b, c, d, e].map(members), [
          ['response_format'],
          ['structured_outputs'],
          ['guided_json'],
          [],
          [],
        ]);
        equal(d.messages[0].role, 'system', 'prompt mode: an instruction');
        assert(d.messages[0].content.includes('"required":["name","age"]'), 'with the schema');
        equal(
          e.messages[0].content,
          'Respond with only JSON, no other text.',
          'json() instruction',
        );
      },
    ],
    [
      'vllm: serverVersion below 0.12 sends guided_json, 0.12 and later structured_outputs',
      async () => {
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const versions = ['0.9.1', '0.11.2', '0.12.0', '0.13', '1.0.0', undefined];
        for (const serverVersion of versions) {
          const m = new VLLMModel({ endpoint: s.endpoint, serverVersion, cache: false });
          equal(typeof (await m.object('n', { schema: person })).data.age, 'number', 'parsed');
        }
        deepEqual(
          (await s.requests()).map((q) => ('guided_json' in q.body ? 'guided' : 'structured')),
          ['guided', 'guided', 'structured', 'structured', 'structured', 'structured'],
          'form per version',
        );
      },
    ],
    [
      'tool names providers refuse are an InvalidRequestError before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        for (const name of [
          'get weather',
          'get.weather',
          'résumé',
          '',
          'x'.repeat(65),
          undefined,
        ]) {
          const e = await rejects(
            m.chat('x', { tools: [{ ...weatherTool, name }] }),
            named('InvalidRequestError'),
            `name ${JSON.stringify(name)}`,
          );
          assert(e.message.includes('name'), e.message);
        }
        equal((await s.requests()).length, 0, 'nothing sent');
        await m.chat('x', { tools: [{ ...weatherTool, name: `A-_9${'x'.repeat(60)}` }] });
        equal((await s.requests()).length, 1, 'a 64-character name is sent');
      },
    ],
    [
      'object(): schemaName is fitted to ^[a-zA-Z0-9_-]{1,64}$ (spaces, unicode, length)',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        const names = ['my schema', 'Résumé №1', 'x'.repeat(70), '', 'ok_Name-2'];
        for (const schemaName of names) await m.object('x', { schema: person, schemaName });
        deepEqual(
          (await s.requests()).map((q) => q.body.response_format.json_schema.name),
          ['my_schema', 'R_sum___1', 'x'.repeat(64), 'response', 'ok_Name-2'],
          'names sent',
        );
      },
    ],
  ];
}
