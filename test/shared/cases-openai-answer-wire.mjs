// Chat Completions answers and errors in the shapes real servers send that the spec does not show,
// each sent by the emulator: a refusal (`message.refusal`, no content), tool calls without ids or
// with object arguments (llama.cpp), normal stops named `eos` / `eos_token` / `stop_sequence`, and
// error bodies that are not OpenAI's envelope (vLLM before 0.10.1, FastAPI). Runtime-neutral.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

const REFUSAL = "I'm sorry, I can't help with that.";

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiAnswerWireCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const compat = (/** @type {string} */ endpoint, extra = {}) =>
    new sdk.compat.OpenAICompatibleModel({ model: 'local', endpoint, retryDelay: 1, ...extra });
  const refused = (/** @type {any} */ e) =>
    e instanceof sdk.core.ContentFilterError &&
    e.reason === 'refusal' &&
    e.blockedBy === 'response' &&
    e.message.includes(REFUSAL);

  return [
    [
      'OpenAI: a refusal (message.refusal, no content) is a ContentFilterError from chat(), object() and stream(): one request, never cached',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { refusal: REFUSAL } });
        const store = sdk.cache.memoryStore();
        const m = model(s.endpoint, { cache: store });
        await rejects(m.chat(uniquePrompt('do it')), refused, 'chat()');
        const options = { schema: personSchema, jsonSchema: personJsonSchema };
        await rejects(m.object(uniquePrompt('a person'), options), refused, 'object()');
        const stream = m.stream(uniquePrompt('do it'));
        await rejects(drain(stream), refused, 'the stream loop');
        await rejects(stream.response, refused, 'stream()');
        equal((await s.requests()).length, 3, 'one request each: nothing retried or re-asked');
        equal((await store.keys()).length, 0, 'nothing cached');
      },
    ],
    [
      'OpenAI-compatible: tool calls without ids or with object arguments are read; absent arguments are {}',
      async () => {
        const toolCalls = [
          { name: 'get_weather', arguments: { city: 'Paris' } },
          { name: 'get_weather', arguments: { city: 'Rome' } },
        ];
        for (const shape of [{ noToolCallIds: true }, { objectArguments: true }]) {
          const s = await scenario(emulatorUrl, {
            requireAuth: false,
            reply: { toolCalls, ...shape },
          });
          const m = compat(s.endpoint, { cache: false });
          const r = await m.chat('weather', { tools: [weatherTool] });
          const label = JSON.stringify(shape);
          deepEqual(
            r.toolCalls?.map((/** @type {any} */ c) => [c.name, c.arguments]),
            toolCalls.map((c) => [c.name, c.arguments]),
            label,
          );
          const ids = r.toolCalls.map((/** @type {any} */ c) => c.id);
          assert(ids.every(Boolean) && new Set(ids).size === 2, `${label}: distinct ids ${ids}`);
          const again = await m.chat('weather', { tools: [weatherTool] });
          deepEqual(again.toolCalls, r.toolCalls, `${label}: the same ids every time`);
        }
        // A body with a null id and no arguments at all, as some proxies send.
        const message = {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: null, type: 'function', function: { name: 'get_weather' } }],
        };
        const json = { choices: [{ index: 0, message, finish_reason: 'tool_calls' }] };
        const s = await scenario(emulatorUrl, { faults: [{ status: 200, json }] });
        const r = await compat(s.endpoint, { cache: false }).chat('w', { tools: [weatherTool] });
        deepEqual(r.toolCalls, [{ id: 'call_0', name: 'get_weather', arguments: {} }]);
      },
    ],
    [
      'OpenAI-compatible: eos, eos_token, stop_sequence and end_turn are a normal stop, max_tokens a length stop',
      async () => {
        const reasons = {
          eos: 'stop',
          eos_token: 'stop',
          stop_sequence: 'stop',
          end_turn: 'stop',
          max_tokens: 'length',
        };
        for (const [raw, expected] of Object.entries(reasons)) {
          const s = await scenario(emulatorUrl, {
            requireAuth: false,
            reply: { finishReason: raw },
          });
          const m = compat(s.endpoint, { cache: false });
          const r = await m.chat('hi');
          equal(r.finishReason, expected, raw);
          equal(r.rawFinishReason, raw, `${raw}: kept raw`);
          const streamed = await m.stream('hi').response;
          equal(streamed.finishReason, expected, `${raw}: streamed`);
        }
      },
    ],
    [
      'OpenAI-compatible and vLLM: error bodies of old vLLM ({object: "error"}) and FastAPI ({detail}) keep the server message',
      async () => {
        const context =
          "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.";
        const cases = [
          [
            400,
            { object: 'error', message: context, type: 'BadRequestError', param: null, code: 400 },
            context,
            'BadRequestError',
          ],
          [404, { detail: 'Not Found' }, 'Not Found', undefined],
          [
            422,
            {
              detail: [
                { loc: ['body', 'messages'], msg: 'field required', type: 'value_error.missing' },
              ],
            },
            'body.messages: field required',
            undefined,
          ],
        ];
        for (const [status, json, message, errorType] of cases) {
          for (const make of [
            compat,
            (/** @type {string} */ endpoint) =>
              new sdk.vllm.VLLMModel({ model: 'qwen3', endpoint, retryDelay: 1 }),
          ]) {
            const s = await scenario(emulatorUrl, {
              requireAuth: false,
              faults: [{ status, json }],
            });
            const error = await rejects(make(s.endpoint).chat(uniquePrompt('hi')));
            assert(error instanceof sdk.core.APICallError, `${status}: APICallError, got ${error}`);
            equal(error.status, status);
            assert(error.message.includes(message), `${status}: the message: ${error.message}`);
            equal(error.errorType, errorType, `${status}: errorType`);
          }
        }
      },
    ],
  ];
}
