// The README's claims about the OpenAI family, each checked so that losing the behaviour fails a case:
// sampling dropped for reasoning models (registry and name rule), strict mode exactly when the schema
// allows it, json()'s instruction only when no message mentions JSON, thinking and reasoning tokens.
// The emulator refuses what OpenAI refuses (test/emulator/openai-rules.mjs), so a wrong body also
// fails. Runtime-neutral: runs in all five runtimes.
import * as v from 'valibot';
import { assert, deepEqual, equal } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';

const warned = (/** @type {any} */ r, /** @type {string} */ key) =>
  r.warnings?.some((/** @type {string} */ w) => w.startsWith(`${key} was not sent`));

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiClaimCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const { GrokModel } = sdk.xai;
  const { OpenAICompatibleModel } = sdk.compat;

  return [
    [
      'openai: temperature and topP are dropped with a warning for reasoning models, known or by name',
      async () => {
        const s = await scenario(emulatorUrl);
        const sampling = { temperature: 0.2, topP: 0.5, maxTokens: 40 };
        // o3-mini is in the registry; o9-mini is not, so the name rule decides.
        const known = await model(s.endpoint, { model: 'o3-mini', cache: false }).chat(
          'a',
          sampling,
        );
        const named = await model(s.endpoint, { model: 'o9-mini', cache: false }).chat(
          'b',
          sampling,
        );
        const chat = await model(s.endpoint, { model: 'gpt-5-chat-latest', cache: false }).chat(
          'c',
          sampling,
        );
        const [a, b, c] = (await s.requests()).map((q) => q.body);
        for (const [label, body, r] of /** @type {const} */ ([
          ['o3-mini', a, known],
          ['o9-mini', b, named],
        ])) {
          equal(body.temperature, undefined, `${label}: no temperature`);
          equal(body.top_p, undefined, `${label}: no top_p`);
          equal(body.max_completion_tokens, 40, `${label}: max_completion_tokens`);
          assert(warned(r, 'temperature') && warned(r, 'top_p'), `${label}: ${r.warnings}`);
        }
        // A GPT-5 chat variant takes sampling (registry), so nothing is dropped.
        equal(c.temperature, 0.2, 'gpt-5-chat-latest keeps temperature');
        equal(c.top_p, 0.5, 'gpt-5-chat-latest keeps top_p');
        equal(chat.warnings, undefined, 'no warning');
      },
    ],
    [
      'openai: strict: true exactly when the schema allows it (OpenAI rewrites; xAI and compatible servers only when it fits)',
      async () => {
        // The emulator's answer for a tuple schema is not one, so that request gets a fixed answer.
        const tuple = { text: '{"pair":["a",1]}' };
        const s = await scenario(emulatorUrl, { reply: [{}, {}, tuple, {}], requireAuth: false });
        const open = v.object({ name: v.string(), age: v.number() });
        const closed = v.strictObject({ name: v.string(), age: v.number() });
        const list = v.array(v.string());
        const pair = v.object({ pair: v.tuple([v.string(), v.number()]) });
        const openai = model(s.endpoint, { cache: false });
        for (const schema of [open, list, pair]) await openai.object('x', { schema });
        const grok = new GrokModel({ endpoint: s.endpoint, apiKey: KEY, cache: false });
        const compat = new OpenAICompatibleModel({
          model: 'm',
          endpoint: s.endpoint,
          cache: false,
        });
        for (const m of [grok, compat]) {
          await m.object('x', { schema: open });
          await m.object('x', { schema: closed });
        }
        const formats = (await s.requests()).map((q) => q.body.response_format.json_schema);
        deepEqual(
          formats.map((f) => f.strict),
          [true, false, false, false, true, false, true],
          'strict per request',
        );
        equal(formats[0].schema.additionalProperties, false, 'OpenAI closes the object');
        equal(formats[1].schema.type, 'array', 'an array root is sent as is');
        for (const i of [3, 5]) {
          equal(formats[i].schema.additionalProperties, undefined, `request ${i}: not rewritten`);
        }
      },
    ],
    [
      'openai: json() adds "Respond in JSON." only when no message mentions JSON',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        await m.json('Give an object');
        await m.json('Give an object', { system: 'Be brief.' });
        await m.json('Give a Json object');
        await m.json('Give an object', { system: 'Answer in JSON.' });
        await m.json([{ role: 'user', content: [{ type: 'text', text: 'As JSON: a person' }] }]);
        const sent = (await s.requests()).map((q) => q.body);
        for (const body of sent) equal(body.response_format.type, 'json_object', 'JSON mode');
        deepEqual(
          sent.map((b) => b.messages[0]),
          [
            { role: 'system', content: 'Respond in JSON.' },
            { role: 'system', content: 'Be brief.\n\nRespond in JSON.' },
            { role: 'user', content: 'Give a Json object' },
            { role: 'system', content: 'Answer in JSON.' },
            { role: 'user', content: [{ type: 'text', text: 'As JSON: a person' }] },
          ],
          'first message of each request',
        );
        deepEqual(
          sent.map((b) => b.messages.length),
          [2, 2, 1, 2, 1],
          'nothing else added',
        );
      },
    ],
    [
      'openai: thinking from reasoning_content and reasoning; reasoning tokens from completion_tokens_details',
      async () => {
        const usage = { completion_tokens_details: { reasoning_tokens: 42 } };
        for (const reasoningField of ['reasoning_content', 'reasoning']) {
          const s = await scenario(emulatorUrl, {
            reply: { reasoning: `Via ${reasoningField}.`, reasoningField, usage },
          });
          const r = await model(s.endpoint, { cache: false }).chat('hi');
          equal(r.thinking, `Via ${reasoningField}.`, reasoningField);
          equal(r.usage.reasoningTokens, 42, `${reasoningField}: reasoning tokens`);
          equal(r.messages.at(-1).content, 'Echo: hi', 'the thinking is not the answer');
        }
        const plain = await scenario(emulatorUrl);
        const r = await model(plain.endpoint, { cache: false }).chat('hi');
        equal(r.thinking, undefined, 'no reasoning: no thinking');
        equal(r.usage.reasoningTokens, 0, 'reported zero');
      },
    ],
  ];
}
