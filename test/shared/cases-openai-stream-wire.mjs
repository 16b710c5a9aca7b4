// stream() on Chat Completions against the shapes real servers stream that the spec does not show,
// each sent by the emulator (test/emulator/openai-chat-stream.mjs): custom tool calls as gpt-5.5
// streams them (null id/type/function on later deltas), so constraints and grammar tools stream
// their answer; no `[DONE]` and no usage (ik_llama.cpp, mlc-llm); tool calls without ids, with object
// arguments, or several at one index (llama.cpp, vLLM); a refusal. Runtime-neutral.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { weatherTool } from './fixtures.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/** The result without what differs between two requests for the same answer. */
const comparable = (/** @type {any} */ r) => {
  const { id: _i, raw: _r, cached: _c, rateLimit: _l, requestId: _q, latencyMs: _m, ...rest } = r;
  return rest;
};

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiStreamWireCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const sql = { name: 'sql', grammar: { syntax: 'regex', definition: 'SELECT .+' } };

  return [
    [
      'stream OpenAI: choice, regex and grammar stream the forced custom tool input as text; cached as chat() answers',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: 'no, it is not wet at all' } });
        const store = sdk.cache.memoryStore();
        const m = model(s.endpoint, { model: 'gpt-5', cache: store });
        const constraints = [
          { choice: ['yes', 'no, it is not wet at all'] },
          { regex: '(yes|no).*' },
          { grammar: 'start: /.+/' },
        ];
        for (const constraint of constraints) {
          const prompt = uniquePrompt('Is water wet?');
          const stream = m.stream(prompt, constraint);
          const { events, text } = await drain(stream);
          const r = await stream.response;
          const label = Object.keys(constraint)[0];
          equal(r.text, 'no, it is not wet at all', `${label}: the answer`);
          equal(text, r.text, `${label}: the text deltas`);
          assert(events.filter((e) => e.type === 'text').length > 1, `${label}: in pieces`);
          equal(
            events.filter((e) => e.type.startsWith('tool-call')).length,
            0,
            `${label}: no call`,
          );
          equal(r.toolCalls, undefined, `${label}: no tool call left`);
          equal(r.finishReason, 'stop', `${label}: finishReason`);
          const whole = await m.chat(prompt, constraint);
          equal(whole.cached, true, `${label}: chat() reads what stream() cached`);
          deepEqual(comparable(whole), comparable(r), `${label}: the same answer`);
        }
      },
    ],
    [
      'stream OpenAI: a grammar tool call streams named deltas of its input and ends as chat() reads it',
      async () => {
        const input = 'SELECT name FROM cities WHERE id = 1';
        const s = await scenario(emulatorUrl, {
          reply: { toolCalls: [{ name: 'sql', arguments: input }] },
        });
        const m = model(s.endpoint, { model: 'gpt-5', cache: false });
        const stream = m.stream('a query', { tools: [weatherTool, sql] });
        const { events } = await drain(stream);
        const r = await stream.response;
        const [call] = r.toolCalls ?? [];
        deepEqual(call && { ...call, id: 'x' }, {
          id: 'x',
          name: 'sql',
          arguments: input,
          custom: true,
        });
        const deltas = events.filter((e) => e.type === 'tool-call-delta');
        assert(deltas.length > 2, 'input in pieces');
        assert(
          deltas.every((d) => d.id === call.id && d.name === 'sql'),
          'deltas named and of the call',
        );
        equal(deltas.map((d) => d.argumentsDelta).join(''), input, 'the input');
        const whole = await m.chat('a query', { tools: [weatherTool, sql] });
        deepEqual(comparable(whole), comparable(r), 'equals chat()');
      },
    ],
    [
      'stream OpenAI-compatible: no [DONE] and no usage, every choice finished, is a finished answer; a cut still fails',
      async () => {
        const s = await scenario(emulatorUrl, {
          requireAuth: false,
          reply: { noDone: true, noUsage: true },
        });
        const store = sdk.cache.memoryStore();
        const m = new sdk.compat.OpenAICompatibleModel({
          model: 'local',
          endpoint: s.endpoint,
          cache: store,
          retryDelay: 1,
        });
        const prompt = uniquePrompt('one two three');
        const stream = m.stream(prompt, { n: 2 });
        const { text } = await drain(stream);
        const r = await stream.response;
        equal(text, r.text, 'text deltas');
        assert(r.text.includes('one two three'), r.text);
        equal(r.finishReason, 'stop');
        equal(r.choices.length, 2, 'both choices');
        deepEqual(r.usage, {}, 'no usage sent, none made up');
        equal((await store.keys()).length, 1, 'cached');
        // The body ends cleanly before the second choice's finish reason: an answer cut short.
        /** @type {typeof fetch} */
        const clean = async (input, init) => {
          const res = await fetch(input, init);
          const frames = (await res.text()).split('\n\n');
          const last = frames.findLastIndex((f) => f.includes('"finish_reason":"stop"'));
          const body = frames.filter((_, i) => i !== last).join('\n\n');
          return new Response(body, { status: res.status, headers: res.headers });
        };
        const broken = new sdk.compat.OpenAICompatibleModel({
          model: 'local',
          endpoint: s.endpoint,
          cache: store,
          retryLimit: 0,
          fetch: clean,
        });
        const error = await rejects(
          broken.stream(uniquePrompt('one two three'), { n: 2 }).response,
        );
        assert(error instanceof sdk.core.StreamError, `a StreamError, got ${error}`);
      },
    ],
    [
      'stream OpenAI-compatible: tool calls without ids, with object arguments, or sharing index 0 are separate whole calls',
      async () => {
        const toolCalls = [
          { name: 'get_weather', arguments: { city: 'Paris in the spring' } },
          { name: 'get_weather', arguments: { city: 'Rome' } },
        ];
        const shapes = [
          { noToolCallIds: true },
          { objectArguments: true },
          { sameToolIndex: true },
          { noToolCallIds: true, objectArguments: true },
        ];
        for (const shape of shapes) {
          const label = JSON.stringify(shape);
          const s = await scenario(emulatorUrl, {
            requireAuth: false,
            reply: { toolCalls, ...shape },
          });
          const m = new sdk.compat.OpenAICompatibleModel({
            model: 'local',
            endpoint: s.endpoint,
            cache: false,
          });
          const stream = m.stream('weather', { tools: [weatherTool] });
          const { events } = await drain(stream);
          const r = await stream.response;
          deepEqual(
            r.toolCalls?.map((/** @type {any} */ c) => [c.name, c.arguments]),
            toolCalls.map((c) => [c.name, c.arguments]),
            `${label}: the calls`,
          );
          const ids = r.toolCalls.map((/** @type {any} */ c) => c.id);
          assert(ids.every(Boolean) && new Set(ids).size === 2, `${label}: distinct ids ${ids}`);
          for (const call of r.toolCalls) {
            const deltas = events.filter((e) => e.type === 'tool-call-delta' && e.id === call.id);
            const joined = deltas.map((d) => d.argumentsDelta).join('');
            deepEqual(JSON.parse(joined), call.arguments, `${label}: ${call.id}'s deltas`);
          }
          const whole = await m.chat('weather', { tools: [weatherTool] });
          deepEqual(whole.toolCalls, r.toolCalls, `${label}: chat() reads the same calls`);
        }
      },
    ],
  ];
}
