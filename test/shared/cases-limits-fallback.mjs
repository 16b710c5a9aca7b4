// Fallbacks (README "Fallbacks"): the next model answers when one fails with a server error, a 429
// after retries, a timeout or a network error; never on an input error, a refused key or a content
// filter; `on` replaces the rule; each model's cache works as usual. Streams move on only before
// their first event.
import { assert, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { personJsonSchema, personSchema } from './fixtures.mjs';
import { KEY } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function limitsFallbackCases({ sdk, emulatorUrl }) {
  const { withFallback, InvalidRequestError, RetryError, APICallError, StreamError } = sdk.core;
  /** Reads a stream to its end: the events' types and the text. */
  const drain = async (/** @type {AsyncIterable<any>} */ stream) => {
    const types = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'text') text += event.delta;
    }
    return { types, text };
  };
  const openai = (/** @type {string} */ endpoint, /** @type {object} */ o = {}) =>
    new sdk.openai.OpenAIModel({
      model: 'gpt-4o-mini',
      endpoint,
      apiKey: KEY,
      cache: false,
      retryDelay: 5,
      ...o,
    });
  const anthropic = (/** @type {string} */ endpoint, /** @type {object} */ o = {}) =>
    new sdk.anthropic.AnthropicModel({
      endpoint,
      apiKey: KEY,
      cache: false,
      dangerouslyAllowBrowser: true,
      ...o,
    });
  /** A scenario that fails every request with `fault`. */
  const failing = (/** @type {object} */ fault) =>
    scenario(emulatorUrl, { faults: [{ ...fault, times: 20 }] });

  const switches = {
    '500 after its retries': { status: 500 },
    '429 after its retries': { status: 429 },
    'a network error': { drop: true },
    'a timeout': { hang: true },
  };
  const stays = {
    'a 400 input error': { status: 400 },
    'a refused key (401)': { status: 401 },
    'a 404 unknown model': { status: 404 },
  };
  return [
    ...Object.entries(switches).map(
      ([what, fault]) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `fallback: moves on after ${what}; the answer names the model that gave it`,
          async () => {
            const bad = await failing(fault);
            const good = await scenario(emulatorUrl);
            const chain = withFallback([
              openai(bad.endpoint, { retryLimit: 1, timeout: 300 }),
              anthropic(good.endpoint),
            ]);
            const r = await chain.chat('hi');
            equal(r.provider, 'anthropic', 'the second model answered');
            equal((await good.requests()).length, 1, 'one request to it');
            // A browser may itself resend a request whose connection was dropped: at least two.
            const sent = (await bad.requests()).length;
            if (!fault.hang)
              assert(fault.drop ? sent >= 2 : sent === 2, `the first used its retry (${sent})`);
          },
        ]),
    ),
    [
      'fallback: moves on after a 429 not worth retrying on the same model (x-should-retry: false)',
      async () => {
        const bad = await failing({ status: 429, headers: { 'x-should-retry': 'false' } });
        const good = await scenario(emulatorUrl);
        const chain = withFallback([openai(bad.endpoint), anthropic(good.endpoint)]);
        const r = await chain.chat('hi');
        equal(r.provider, 'anthropic', 'the second model answered');
        equal((await bad.requests()).length, 1, 'the first was not retried');
      },
    ],
    ...Object.entries(stays).map(
      ([what, fault]) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `fallback: never moves on after ${what}`,
          async () => {
            const bad = await failing(fault);
            const good = await scenario(emulatorUrl);
            const chain = withFallback([openai(bad.endpoint), anthropic(good.endpoint)]);
            await rejects(
              chain.chat('hi'),
              (e) => e instanceof APICallError && e.status === fault.status,
              'the first error as it is',
            );
            equal((await good.requests()).length, 0, 'the second model was not asked');
          },
        ]),
    ),
    [
      'fallback: never moves on after a content filter',
      async () => {
        const blocked = await scenario(emulatorUrl, {
          reply: { blockReason: 'SAFETY' },
        });
        const good = await scenario(emulatorUrl);
        const gemini = new sdk.google.GoogleModel({
          endpoint: blocked.endpoint,
          apiKey: KEY,
          cache: false,
        });
        const chain = withFallback([gemini, openai(good.endpoint)]);
        await rejects(chain.chat('hi'), (e) => e instanceof sdk.core.ContentFilterError);
        equal((await good.requests()).length, 0, 'the second model was not asked');
      },
    ],
    [
      'fallback: `on` decides; when every model fails the error holds each one; onFallback is told',
      async () => {
        const bad = await failing({ status: 400 });
        const worse = await failing({ status: 503 });
        const moves = /** @type {string[]} */ ([]);
        const chain = withFallback(
          [openai(bad.endpoint), openai(worse.endpoint, { retryLimit: 0 })],
          {
            on: (e) => e instanceof APICallError && e.status === 400,
            onFallback: ({ from, to }) => moves.push(`${from} -> ${to}`),
          },
        );
        const e = await rejects(chain.chat('hi'), (e) => e instanceof RetryError);
        equal(e.errors.length, 2, 'one error per model');
        equal(e.errors[0].status, 400, 'the first');
        equal(e.lastError.status, 503, 'the last');
        equal(moves.length, 1, 'one move');
        equal(moves[0], 'openai:gpt-4o-mini -> openai:gpt-4o-mini', 'named by provider and model');
        await rejects(
          async () => withFallback([]),
          (e) => e instanceof InvalidRequestError,
          'no models',
        );
      },
    ],
    [
      'fallback: json(), object() and responses() fall back too, and each model uses its own cache',
      async () => {
        const bad = await failing({ status: 502 });
        const good = await scenario(emulatorUrl);
        const cache = sdk.cache.memoryStore();
        const chain = withFallback([
          openai(bad.endpoint, { retryLimit: 0 }),
          openai(good.endpoint, { cache }),
        ]);
        const prompt = uniquePrompt('a person');
        const options = { schema: personSchema, jsonSchema: personJsonSchema };
        const first = await chain.object(prompt, options);
        equal(typeof first.data.name, 'string', 'validated data from the second model');
        const again = await chain.object(prompt, options);
        equal(again.cached, true, "the second model's cache answered");
        equal((await good.requests()).length, 1, 'one request to the second model');
        equal(typeof (await chain.json(uniquePrompt('a JSON object'))).data, 'object', 'json');
        const answered = await chain.responses(uniquePrompt('responses'));
        equal(answered.cached, false, 'responses() fell back to the second model');
        equal(
          (await good.requests()).filter((r) => r.path.endsWith('/v1/responses')).length,
          1,
          'one Responses request to the second model',
        );
      },
    ],
    [
      'fallback: stream() moves on when a model fails before its first event; the response names the model that answered',
      async () => {
        const bad = await failing({ status: 503 });
        const good = await scenario(emulatorUrl);
        const moves = /** @type {string[]} */ ([]);
        const chain = withFallback(
          [openai(bad.endpoint, { retryLimit: 1 }), anthropic(good.endpoint)],
          {
            onFallback: ({ from, to }) => moves.push(`${from} -> ${to}`),
          },
        );
        const stream = chain.stream('hello stream');
        const { types, text } = await drain(stream);
        assert(text.length > 0, 'text from the second model');
        equal(types.at(-1), 'finish', 'ends with finish');
        const response = await stream.response;
        equal(response.provider, 'anthropic', 'the second model answered');
        equal(response.text, text, 'the response is the streamed answer');
        equal((await bad.requests()).length, 2, 'the first used its retry');
        equal((await good.requests()).length, 1, 'one request to the second');
        equal(moves.length, 1, 'onFallback told once');
        const again = await drain(stream);
        equal(again.text, text, 'a second reader reads the same stream from its first event');
      },
    ],
    [
      'fallback: streamResponses() moves on before its first event; the Responses stream of the second model',
      async () => {
        const bad = await failing({ status: 503 });
        const good = await scenario(emulatorUrl);
        const chain = withFallback([
          openai(bad.endpoint, { retryLimit: 1 }),
          openai(good.endpoint),
        ]);
        const stream = chain.streamResponses('hello responses stream');
        const { types, text } = await drain(stream);
        assert(text.length > 0, 'text from the second model');
        equal(types.at(-1), 'finish', 'ends with finish');
        equal((await stream.response).text, text, 'the response is the streamed answer');
        equal((await bad.requests()).length, 2, 'the first used its retry');
        const sent = await good.requests();
        equal(sent.length, 1, 'one request to the second');
        assert(sent[0].path.endsWith('/v1/responses'), 'the Responses API was streamed');
        equal(sent[0].body.stream, true, 'as a stream');
      },
    ],
    [
      'fallback: stream() never switches after an event was shown: the failure is the StreamError',
      async () => {
        const bad = await scenario(emulatorUrl, { faults: [{ errorAfter: 3, times: 5 }] });
        const good = await scenario(emulatorUrl);
        const chain = withFallback([openai(bad.endpoint), anthropic(good.endpoint)]);
        const stream = chain.stream('one two three four five six');
        const seen = [];
        const error = await rejects(
          (async () => {
            for await (const event of stream) if (event.type === 'text') seen.push(event.delta);
          })(),
          (e) => e instanceof StreamError,
        );
        assert(seen.length > 0, 'text was shown before the failure');
        assert(error.isRetryable, 'an error the default rule would move on for, before any event');
        await rejects(stream.response, (e) => e === error, 'the response rejects with it');
        equal((await good.requests()).length, 0, 'the second model was not asked');
      },
    ],
    [
      "fallback: stream() stays on a 400 and when `on` refuses; the error is the first model's",
      async () => {
        const refused = await failing({ status: 400 });
        const down = await failing({ status: 500 });
        const good = await scenario(emulatorUrl);
        const first = withFallback([openai(refused.endpoint), anthropic(good.endpoint)]);
        await rejects(
          drain(first.stream('hi')),
          (e) => e instanceof APICallError && e.status === 400,
          'a 400 as it is',
        );
        const strict = withFallback(
          [openai(down.endpoint, { retryLimit: 0 }), anthropic(good.endpoint)],
          { on: () => false },
        );
        await rejects(
          strict.stream('hi').response,
          (e) => e instanceof APICallError && e.status === 500,
          '`on` said no',
        );
        equal((await good.requests()).length, 0, 'the second model was not asked');
        const all = withFallback([
          openai(down.endpoint, { retryLimit: 0 }),
          openai(down.endpoint, { retryLimit: 0 }),
        ]);
        const e = await rejects(all.stream('hi').response, (e) => e instanceof RetryError);
        equal(e.errors.length, 2, 'every model failed: one error each');
      },
    ],
    [
      'fallback: streamObject() moves on before its first event; partials, then the validated object',
      async () => {
        const bad = await failing({ status: 502 });
        const good = await scenario(emulatorUrl);
        const chain = withFallback([
          anthropic(bad.endpoint, { retryLimit: 0 }),
          openai(good.endpoint),
        ]);
        const stream = chain.streamObject(uniquePrompt('a person'), {
          schema: personSchema,
          jsonSchema: personJsonSchema,
        });
        const { types } = await drain(stream);
        assert(types.includes('partial'), `partial events: ${types}`);
        equal(types.at(-1), 'finish', 'ends with finish');
        const response = await stream.response;
        equal(response.provider, 'openai', 'the second model answered');
        equal(typeof response.data.name, 'string', 'validated data');
        equal((await bad.requests()).length, 1, 'the first was asked once');
      },
    ],
  ];
}
