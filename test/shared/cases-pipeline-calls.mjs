// Promises of the call pipeline that hold for every provider: headers merge case-insensitively (a
// caller's header replaces the SDK's own, never joins it); json() and object() with tools hand tool
// calls back (no data, no repair turn after unanswered calls), cached like any answer.
import { assert, deepEqual, equal } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function pipelineCallCases({ sdk, emulatorUrl }) {
  const call = { name: 'get_weather', arguments: { city: 'Oslo' } };
  /** Per provider: a model factory, the scripted tool-call reply, and a JSON answer after it. */
  const providers = {
    openai: {
      make: (/** @type {object} */ o) => new sdk.openai.OpenAIModel({ apiKey: 'k', ...o }),
      calls: { toolCalls: [call] },
      json: {},
    },
    anthropic: {
      make: (/** @type {object} */ o) =>
        new sdk.anthropic.AnthropicModel({ apiKey: 'k', dangerouslyAllowBrowser: true, ...o }),
      calls: { toolCalls: [call] },
      json: { text: '{"name":"Ada","age":36}' },
    },
    google: {
      make: (/** @type {object} */ o) =>
        new sdk.google.GoogleModel({ apiKey: 'k', model: 'gemini-3-flash-preview', ...o }),
      calls: { toolCalls: [{ name: call.name, args: call.arguments }] },
      json: {},
    },
  };
  /** @type {Array<[string, () => Promise<void>]>} */
  const toolCases = Object.entries(providers).flatMap(([name, p]) =>
    ['json', 'object'].map(
      (method) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `${name}: ${method}() with tools returns tool calls without data, sends no repair, caches them`,
          async () => {
            const s = await scenario(emulatorUrl, { reply: [p.calls, p.json] });
            const m = p.make({ endpoint: s.endpoint, cache: sdk.cache.memoryStore() });
            const options =
              method === 'json'
                ? { tools: [weatherTool] }
                : { tools: [weatherTool], schema: personSchema, jsonSchema: personJsonSchema };
            const ask = (/** @type {any} */ input) =>
              method === 'json' ? m.json(input, options) : m.object(input, options);
            const prompt = uniquePrompt('Weather in Oslo, as JSON');
            const first = await ask(prompt);
            equal(first.toolCalls?.length, 1, 'the tool call');
            equal(first.toolCalls[0].name, 'get_weather', 'its name');
            equal(first.data, undefined, 'no data');
            equal(first.finishReason, 'tool_calls', 'finish reason');
            equal((await s.requests()).length, 1, 'no repair turn after the tool call');
            const again = await ask(prompt);
            equal(again.cached, true, 'a tool-call answer is cached like any other');
            deepEqual(again.toolCalls, first.toolCalls, 'same calls from the cache');
            equal((await s.requests()).length, 1, 'no request for the hit');
            const result = { role: 'tool', toolCallId: first.toolCalls[0].id, content: '{"c":5}' };
            const next = await ask([...first.messages, result]);
            equal(next.toolCalls, undefined, 'answered');
            assert(next.data !== undefined && next.data !== null, 'data after the tool result');
          },
        ]),
    ),
  );
  return [
    ...toolCases,
    [
      "a caller's headers replace the SDK's of the same name, in any case, for every provider",
      async () => {
        const s = await scenario(emulatorUrl);
        const common = { endpoint: s.endpoint, apiKey: 'sdk-key', cache: false };
        const callHeaders = {
          'X-Trace': 'call',
          'CONTENT-TYPE': 'application/json; charset=utf-8',
        };
        await new sdk.openai.OpenAIModel({
          ...common,
          headers: { Authorization: 'Bearer yours', 'x-trace': 'model' },
        }).chat('hi', { headers: callHeaders });
        await new sdk.anthropic.AnthropicModel({
          ...common,
          dangerouslyAllowBrowser: true,
          headers: { 'X-Api-Key': 'yours', 'Anthropic-Version': '2023-06-01' },
        }).chat('hi', { headers: callHeaders });
        await new sdk.google.GoogleModel({
          ...common,
          model: 'gemini-2.5-flash',
          headers: { 'X-Goog-Api-Key': 'yours' },
        }).chat('hi', { headers: callHeaders });
        const [openai, anthropic, google] = (await s.requests()).map((r) => r.headers);
        equal(openai?.authorization, 'Bearer yours', 'OpenAI Authorization replaced');
        equal(anthropic?.['x-api-key'], 'yours', 'Anthropic x-api-key replaced');
        equal(anthropic?.['anthropic-version'], '2023-06-01', 'anthropic-version replaced');
        equal(google?.['x-goog-api-key'], 'yours', 'Gemini x-goog-api-key replaced');
        for (const h of [openai, anthropic, google]) {
          equal(h?.['x-trace'], 'call', 'the call wins over the model');
          equal(h?.['content-type'], 'application/json; charset=utf-8', 'one content-type');
        }
      },
    ],
  ];
}
