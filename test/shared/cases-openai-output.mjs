// OpenAI-family output and request shapes against the loopback emulator: reasoning-model options,
// json(), object() with repairs, portable tools, thinking (xAI, vLLM) and vLLM structured outputs.
// Runtime-neutral: runs in all five runtimes.
import { assert, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY, openaiModelFactory } from './openai-fixture.mjs';
import * as v from 'valibot';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiOutputCases({ sdk, emulatorUrl }) {
  const { memoryStore } = sdk.cache;
  const model = openaiModelFactory(sdk);

  return [
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
        // A local server without a key: the emulator requires one unless told otherwise.
        const s = await scenario(emulatorUrl, { reply: { text }, requireAuth: false });
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
          requireAuth: false,
        });
        const vllm = new sdk.vllm.VLLMModel({ endpoint: l.endpoint, cache: false });
        equal((await vllm.chat('hi')).thinking, 'Hmm.', 'reasoning');
      },
    ],
    [
      'vLLM structured outputs by server version',
      async () => {
        const s = await scenario(emulatorUrl, { requireAuth: false });
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
