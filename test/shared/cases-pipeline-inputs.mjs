// No call changes its caller's data (issue 9 item 19): messages, content parts, tools, schemas and
// options go through every provider and method deeply frozen (a write throws in strict code), and
// unfrozen copies compare deep-equal before and after. Provider-native parts and tools, which are
// passed through, and Anthropic's prompt-cache marks are where a rewrite would land.
import * as v from 'valibot';
import { assert, deepEqual } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { weatherTool } from './fixtures.mjs';

/** Freezes a value and everything reachable from it (functions and getters' owners included). */
function deepFreeze(/** @type {any} */ value, seen = new Set()) {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const desc = Object.getOwnPropertyDescriptor(value, key);
    if (desc && 'value' in desc) deepFreeze(desc.value, seen);
  }
  return Object.freeze(value);
}

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A conversation with every kind of message and part; `native` is a provider-native user part. */
const conversation = (/** @type {object | undefined} */ native) => [
  { role: 'system', content: 'Be brief.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Look at this, JSON please.' },
      { type: 'image', url: PNG },
      ...(native ? [native] : []),
    ],
  },
  {
    role: 'assistant',
    content: 'Checking.',
    toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Oslo' } }],
  },
  { role: 'tool', toolCallId: 'call_1', name: 'get_weather', content: '{"c":5}' },
  { role: 'assistant', content: 'It is 5 degrees.' },
  // The native part last: where Anthropic's message cache mark goes.
  { role: 'user', content: [{ type: 'text', text: 'And as JSON?' }, ...(native ? [native] : [])] },
];

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function pipelineInputCases({ sdk, emulatorUrl }) {
  // Valibot schemas, converted to JSON Schema on the way: the converter must not write to them.
  const schemaTool = {
    name: 'lookup',
    description: 'Looks a word up',
    parameters: v.object({ word: v.string() }),
  };
  const schema = v.object({ name: v.string(), tags: v.array(v.pipe(v.string(), v.minLength(1))) });
  const providers = [
    {
      name: 'openai',
      model: (/** @type {string} */ endpoint) =>
        new sdk.openai.OpenAIModel({ endpoint, apiKey: 'k', cache: false }),
      native: undefined,
      options: {
        temperature: 0.2,
        stop: ['END'],
        seed: 3,
        headers: { 'x-trace': 'frozen' },
        logit_bias: { 50256: -100 },
      },
    },
    {
      name: 'anthropic',
      model: (/** @type {string} */ endpoint) =>
        new sdk.anthropic.AnthropicModel({
          endpoint,
          apiKey: 'k',
          cache: false,
          dangerouslyAllowBrowser: true,
        }),
      native: {
        type: 'document',
        source: { type: 'text', media_type: 'text/plain', data: 'A note.' },
      },
      options: {
        cacheControl: { system: true, tools: true, messages: true, ttl: '1h' },
        stop: ['END'],
        metadata: { user_id: 'u1' },
      },
      nativeTools: [
        { type: 'custom', name: 'lookup', input_schema: { type: 'object', properties: {} } },
      ],
    },
    {
      name: 'google',
      model: (/** @type {string} */ endpoint) =>
        new sdk.google.GoogleModel({
          endpoint,
          apiKey: 'k',
          cache: false,
          model: 'gemini-3-flash-preview',
        }),
      native: { inlineData: { mimeType: 'text/plain', data: 'QQ==' } },
      options: {
        thinking: { budgetTokens: 512 },
        stop: ['END'],
        generationConfig: { candidateCount: 1 },
        safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
      },
    },
  ];

  /** Every method with the provider's inputs; `prepare` freezes or snapshots them first. */
  const runAll = async (
    /** @type {(typeof providers)[number]} */ p,
    /** @type {(value: any) => any} */ prepare,
  ) => {
    const s = await scenario(emulatorUrl);
    const m = p.model(s.endpoint);
    const inputs = prepare({
      messages: conversation(p.native),
      options: { ...p.options, tools: [weatherTool, schemaTool], toolChoice: 'auto' },
      objectOptions: { ...p.options, schema, schemaName: 'person card' },
      nativeOptions: p.nativeTools ? { ...p.options, tools: p.nativeTools } : undefined,
    });
    // Anthropic's emulator echoes text, which json() cannot parse: only the requests matter here.
    const settled = (/** @type {Promise<unknown>} */ call) =>
      call.catch((/** @type {any} */ e) => {
        if (e?.name !== 'OutputValidationError') throw e;
      });
    await m.chat(inputs.messages, inputs.options);
    await settled(m.json(inputs.messages, inputs.options));
    await m.complete('Once upon a time', inputs.options);
    await settled(m.object(inputs.messages, inputs.objectOptions));
    if (inputs.nativeOptions) await m.chat(inputs.messages, inputs.nativeOptions);
    return inputs;
  };

  return providers.flatMap((p) => [
    /** @type {[string, () => Promise<void>]} */ ([
      `${p.name}: chat, json, complete and object work on deeply frozen messages, tools and options`,
      async () => {
        const inputs = await runAll(p, deepFreeze);
        assert(Object.isFrozen(inputs.messages[1].content[0]), 'inputs were frozen');
      },
    ]),
    /** @type {[string, () => Promise<void>]} */ ([
      `${p.name}: a call leaves the caller's messages, tools and options deep-equal to before`,
      async () => {
        /** @type {any} */
        let before;
        const inputs = await runAll(p, (value) => {
          before = JSON.parse(JSON.stringify(value));
          return value;
        });
        deepEqual(JSON.parse(JSON.stringify(inputs)), before, 'unchanged');
      },
    ]),
  ]);
}
