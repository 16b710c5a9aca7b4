// streamResponses(): the Responses API streamed (`POST /v1/responses` with `stream: true`) against
// the emulator, which streams its events (output text, reasoning summaries, function and custom tool
// call arguments, response.completed / incomplete / failed, the `error` event) and can cut them. The
// final response equals what responses() returns; both share one cache entry and an identical call
// in flight; failures, stalls, aborts and early breaks end as stream()'s do. Runtime-neutral.
import * as v from 'valibot';
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { closedEarly, scenario, uniquePrompt } from './emulator-client.mjs';
import { weatherTool } from './fixtures.mjs';
import { KEY } from './openai-fixture.mjs';

/** What differs between two requests for the same answer (ids, reasoning items' ids included). */
const comparable = (/** @type {any} */ r) => {
  const { id: _i, raw: _r, cached: _c, rateLimit: _l, requestId: _q, latencyMs: _m, ...rest } = r;
  return JSON.parse(JSON.stringify(rest).replace(/"(rs_\w+|gAAAA[\w=+/]+)"/g, '"(per request)"'));
};

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamResponsesCases({ sdk, emulatorUrl }) {
  /** @type {Record<string, (endpoint: string, extra?: object) => any>} */
  const classes = {
    openai: (endpoint, extra = {}) =>
      new sdk.openai.OpenAIModel({ model: 'gpt-5', endpoint, apiKey: KEY, cache: false, ...extra }),
    xai: (endpoint, extra = {}) =>
      new sdk.xai.GrokModel({ model: 'grok-4', endpoint, apiKey: KEY, cache: false, ...extra }),
    vllm: (endpoint, extra = {}) =>
      new sdk.vllm.VLLMModel({ model: 'qwen3', endpoint, responses: true, cache: false, ...extra }),
    compat: (endpoint, extra = {}) =>
      new sdk.compat.OpenAICompatibleModel({
        model: 'local',
        endpoint,
        responses: true,
        cache: false,
        ...extra,
      }),
  };
  const openai = classes.openai;
  const sql = { name: 'sql', grammar: { syntax: 'regex', definition: 'SELECT .+' } };

  return [
    ...Object.entries(classes).map(
      ([name, make]) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `streamResponses ${name}: text and reasoning summary deltas add up; the response equals responses()'s`,
          async () => {
            const s = await scenario(emulatorUrl, {
              reply: { reasoning: 'First this. Then that.' },
              requireAuth: name === 'openai' || name === 'xai',
            });
            const model = make(s.endpoint);
            const prompt = uniquePrompt('tell me about streamed responses and their events');
            const stream = model.streamResponses(prompt, { instructions: 'Be brief.' });
            const { events, text, thinking } = await drain(stream);
            const response = await stream.response;
            deepEqual(events.at(-1), { type: 'finish', response }, 'finish comes last');
            assert(events.filter((e) => e.type === 'text').length > 3, 'text in pieces');
            equal(text, response.text, 'text deltas');
            equal(thinking, response.thinking, 'thinking deltas are the summary');
            assert(thinking.length > 0, 'thinking');
            equal(response.cached, false);
            assert(response.id?.startsWith('resp_'), `the response id: ${response.id}`);
            const whole = await model.responses(prompt, { instructions: 'Be brief.' });
            deepEqual(comparable(response), comparable(whole), 'equals responses()');
            assert(response.usage.outputTokens > 0, 'usage from response.completed');
            const [sent] = await s.requests();
            equal(sent.path, '/v1/responses');
            equal(sent.body.stream, true, 'stream: true');
            equal(sent.body.stream_options, undefined, 'no Chat Completions stream_options');
          },
        ]),
    ),
    [
      'streamResponses: function and custom tool call arguments stream as deltas, then whole calls',
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: {
            toolCalls: [
              { name: 'get_weather', arguments: { city: 'Paris in the spring' } },
              { name: 'sql', arguments: 'SELECT name FROM cities WHERE id = 1' },
            ],
          },
        });
        const m = openai(s.endpoint);
        const stream = m.streamResponses('weather and a query', { tools: [weatherTool, sql] });
        const { events } = await drain(stream);
        const response = await stream.response;
        const [fn, custom] = response.toolCalls ?? [];
        assert(fn && custom?.custom, 'a function call and a custom call');
        for (const call of [fn, custom]) {
          const deltas = events.filter((e) => e.type === 'tool-call-delta' && e.id === call.id);
          assert(deltas.length > 1, `${call.name}: arguments in pieces`);
          assert(
            deltas.every((d) => d.name === call.name),
            `${call.name}: deltas named`,
          );
          const joined = deltas.map((d) => d.argumentsDelta).join('');
          deepEqual(call.custom ? joined : JSON.parse(joined), call.arguments, call.name);
        }
        deepEqual(
          events.filter((e) => e.type === 'tool-call').map((e) => e.toolCall),
          response.toolCalls,
          'tool-call events',
        );
        equal(response.finishReason, 'tool_calls');
        const whole = await m.responses('weather and a query', { tools: [weatherTool, sql] });
        deepEqual(comparable(response), comparable(whole), 'equals responses()');
      },
    ],
    [
      'streamResponses: one cache entry with responses() (either way round), replayed with no request; identical streams in flight share one request',
      async () => {
        const s = await scenario(emulatorUrl);
        const store = sdk.cache.memoryStore();
        const m = openai(s.endpoint, { cache: store });
        const prompt = uniquePrompt('cache me');
        const first = await m.responses(prompt);
        const replay = m.streamResponses(prompt);
        const { events, text } = await drain(replay);
        const hit = await replay.response;
        equal(hit.cached, true, 'streamResponses reads what responses() cached');
        equal(text, first.text);
        deepEqual(
          events.map((e) => e.type),
          ['thinking', 'text', 'finish'].filter((t) => t !== 'thinking' || first.thinking),
        );
        const other = uniquePrompt('stream me first');
        const [a, b] = [m.streamResponses(other), m.streamResponses(other)];
        const [ra, rb] = await Promise.all([a.response, b.response]);
        equal(ra.text, rb.text, 'both readers get the answer');
        equal(ra.cached, false);
        equal(rb.cached, true, 'the second read the first one’s request');
        equal((await m.responses(other)).cached, true, 'responses() reads what it cached');
        equal((await s.requests()).length, 2, 'one request per answer');
        equal((await store.keys()).length, 2, 'one entry per answer');
        const chat = await m.chat(prompt);
        equal(chat.cached, false, 'chat() is another call: its own entry');
      },
    ],
    [
      'streamResponses: json and schema give validated data at finish',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = openai(s.endpoint);
        const person = v.object({ name: v.string(), age: v.number() });
        const stream = m.streamResponses('a person', { schema: person });
        const { text } = await drain(stream);
        const response = await stream.response;
        assert(v.is(person, response.data), 'data matches the schema');
        deepEqual(JSON.parse(text), response.data, 'the deltas are the JSON');
        const [sent] = await s.requests();
        equal(sent.body.text.format.type, 'json_schema', 'text.format sent');
        const json = await m.streamResponses('reply in json', { json: true }).response;
        assert(json.data && typeof json.data === 'object', 'json: true has data');
      },
    ],
    [
      'streamResponses: an error event, response.failed and a cut after text are StreamErrors with the text, never cached',
      async () => {
        const store = sdk.cache.memoryStore();
        const prompt = 'one two three four five six seven eight';
        const cases = [
          [{ faults: [{ errorAfter: 9 }] }, 'server_error'],
          [
            { faults: [{ stallAfter: 9, stallMs: 300, cutAfter: 9, cutMidEvent: true }] },
            undefined,
          ],
        ];
        for (const [config, errorType] of cases) {
          const s = await scenario(emulatorUrl, config);
          const stream = openai(s.endpoint, { cache: store, retryDelay: 1 }).streamResponses(
            prompt,
          );
          const seen = [];
          const error = await rejects(
            (async () => {
              for await (const e of stream) if (e.type === 'text') seen.push(e.delta);
            })(),
            (e) => e instanceof sdk.core.StreamError,
          );
          assert(seen.length > 0, 'text was shown');
          equal(error.text, seen.join(''), 'the error holds the text');
          equal(error.errorType, errorType, `errorType: ${error.message}`);
          equal((await s.requests()).length, 1, 'not retried after text');
        }
        // response.failed before any text: a StreamError with the response's code, retried as a
        // failed attempt is (server_error), then failing for good.
        const failed = await scenario(emulatorUrl, {
          reply: { failed: { code: 'server_error', message: 'The model failed.' } },
        });
        const m = openai(failed.endpoint, { cache: store, retryDelay: 1, retryLimit: 1 });
        const error = await rejects(m.streamResponses(prompt).response);
        const last = error?.lastError ?? error;
        assert(last instanceof sdk.core.StreamError, `StreamError, got ${last?.name}`);
        equal(last.errorType, 'server_error');
        assert(/The model failed/.test(last.message), last.message);
        equal((await failed.requests()).length, 2, 'retried once');
        equal((await store.keys()).length, 0, 'nothing cached');
      },
    ],
    [
      'streamResponses: response.incomplete is a finished answer (finishReason length); a stall ends with idleTimeout',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = openai(s.endpoint);
        const long = 'a b c d e f g h i j k l m n o p q r s t u v w x y z';
        const stream = m.streamResponses(long, { maxTokens: 16 });
        const { text } = await drain(stream);
        const response = await stream.response;
        equal(response.finishReason, 'length');
        equal(text, response.text);
        const stall = await scenario(emulatorUrl, { faults: [{ stallAfter: 5 }] });
        const stalled = openai(stall.endpoint).streamResponses('wait here', { idleTimeout: 200 });
        await rejects(stalled.response, (e) => e instanceof sdk.core.TimeoutError && e.idle);
        assert(await closedEarly(stall), 'the server saw the connection close');
      },
    ],
    [
      'streamResponses: an abort and an early break close the connection and end with AbortError',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 9 }] });
        const controller = new AbortController();
        const stream = openai(s.endpoint).streamResponses('one two three four five', {
          signal: controller.signal,
        });
        const error = await rejects(
          (async () => {
            for await (const e of stream) if (e.type === 'text') controller.abort();
          })(),
        );
        equal(error?.name, 'AbortError');
        assert(await closedEarly(s), 'the server saw the abort');
        const left = await scenario(emulatorUrl, { faults: [{ stallAfter: 9 }] });
        const early = openai(left.endpoint).streamResponses('one two three four five');
        for await (const e of early) if (e.type === 'text') break;
        await rejects(early.response, (e) => e?.name === 'AbortError');
        assert(await closedEarly(left), 'the server saw the break');
      },
    ],
    [
      'streamResponses: models without the Responses API reject with UnsupportedFeatureError before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const models = [
          new sdk.anthropic.AnthropicModel({
            model: 'claude-sonnet-4-5',
            endpoint: s.endpoint,
            apiKey: 'k',
            dangerouslyAllowBrowser: true,
          }),
          new sdk.google.GoogleModel({
            model: 'gemini-2.5-flash',
            endpoint: s.endpoint,
            apiKey: 'k',
          }),
          new sdk.vllm.VLLMModel({ model: 'qwen3', endpoint: s.endpoint }),
          new sdk.compat.OpenAICompatibleModel({ model: 'local', endpoint: s.endpoint }),
        ];
        for (const m of models) {
          const stream = m.streamResponses('hi');
          await rejects(
            drain(stream),
            (e) =>
              e instanceof sdk.core.UnsupportedFeatureError &&
              /streamResponses\(\)/.test(e.message) &&
              /stream\(\)/.test(e.message),
            m.provider,
          );
          await rejects(stream.response, (e) => e instanceof sdk.core.UnsupportedFeatureError);
        }
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
  ];
}
