// stream() failures and cancellation: errors before the first event are chat's typed errors and are
// retried like chat's; after text was shown a broken stream is a StreamError holding that text, never
// retried; an abort or an early break closes the connection (the emulator sees it); a server that
// ignores the stream flag is read whole; bad input fails before any request. And streamObject().
import * as v from 'valibot';
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { closedEarly, scenario, uniquePrompt } from './emulator-client.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamFaultCases({ sdk, emulatorUrl }) {
  const make = openaiModelFactory(sdk);
  const person = v.object({ name: v.string(), age: v.number(), tags: v.array(v.string()) });
  return [
    [
      'stream errors before the first event are retried like chat: a 500, and an error event before any text',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }, { errorAfter: 1 }] });
        const { text } = await drain(make(s.endpoint, { cache: false }).stream('hello again'));
        equal(text, 'Echo: hello again');
        equal((await s.requests()).length, 3, 'two failed attempts, then the stream');
        const refused = await scenario(emulatorUrl, { faults: [{ status: 401, times: 2 }] });
        const m = make(refused.endpoint, { cache: false });
        await rejects(drain(m.stream('hi')), (e) => e instanceof sdk.core.AuthenticationError);
        const stream = m.stream('hi');
        await rejects(stream.response, (e) => e instanceof sdk.core.APICallError, 'response too');
      },
    ],
    [
      'stream: after text was shown, a broken stream is a StreamError holding the text, never retried',
      async () => {
        // A pause before the cut: a browser may drop bytes still buffered when the connection breaks,
        // and a break before any event is a failed attempt, retried (the case above).
        const s = await scenario(emulatorUrl, {
          faults: [{ stallAfter: 3, stallMs: 300, cutAfter: 3 }],
        });
        const m = make(s.endpoint, { cache: false });
        const stream = m.stream('one two three four five');
        const seen = [];
        const error = await rejects(
          (async () => {
            for await (const event of stream) if (event.type === 'text') seen.push(event.delta);
          })(),
          (e) => e instanceof sdk.core.StreamError,
        );
        assert(seen.length > 0, 'text was shown before the break');
        equal(error.text, seen.join(''), 'the error holds the text shown');
        assert(error.isRetryable, 'a cut is worth another call');
        assert(/broke after \d+ characters/.test(error.message), error.message);
        equal((await s.requests()).length, 1, 'not retried');
        await rejects(stream.response, (e) => e === error, 'response rejects with it too');
        const event = await scenario(emulatorUrl, { faults: [{ errorAfter: 3 }] });
        const failed = await rejects(
          drain(make(event.endpoint, { cache: false }).stream('one two three four')),
          (e) => e instanceof sdk.core.StreamError,
        );
        equal(failed.errorType, 'server_error');
        assert(/The server had an error/.test(failed.message), failed.message);
      },
    ],
    [
      'stream: an abort mid-stream closes the connection (the server sees it) and ends with AbortError',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 3 }] });
        const controller = new AbortController();
        const stream = make(s.endpoint, { cache: false }).stream('wait for it', {
          signal: controller.signal,
        });
        const error = await rejects(
          (async () => {
            for await (const event of stream) if (event.type === 'text') controller.abort();
          })(),
        );
        equal(error?.name, 'AbortError');
        await rejects(stream.response, (e) => e?.name === 'AbortError');
        assert(await closedEarly(s), 'the server saw the connection close');
      },
    ],
    [
      'stream: breaking out of for await early cancels the request the same way',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 3 }] });
        const stream = make(s.endpoint, { cache: false }).stream('leave early');
        for await (const event of stream) if (event.type === 'text') break;
        await rejects(stream.response, (e) => e?.name === 'AbortError');
        assert(await closedEarly(s), 'the server saw the connection close');
        const text = [];
        for await (const piece of make(s.endpoint, { cache: false }).stream('the text').textStream)
          text.push(piece);
        equal(text.join(''), 'Echo: the text', 'textStream gives the text alone');
      },
    ],
    [
      'stream: a server that ignores stream: true and answers whole JSON is read as the answer',
      async () => {
        const whole = {
          id: 'chatcmpl-whole',
          object: 'chat.completion',
          created: 1,
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'all at once' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
        };
        const s = await scenario(emulatorUrl, { faults: [{ status: 200, json: whole }] });
        const stream = make(s.endpoint, { cache: false }).stream('hi');
        const { events, text } = await drain(stream);
        equal(text, 'all at once');
        deepEqual(
          events.map((e) => e.type),
          ['text', 'finish'],
        );
        equal((await stream.response).usage.totalTokens, 5);
      },
    ],
    [
      'stream: bad input rejects with a typed error before any request; stream() itself never throws',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = make(s.endpoint, { cache: false });
        const stream = m.stream('hi', { maxTokens: -1 });
        await rejects(
          drain(stream),
          (e) => e instanceof sdk.core.InvalidRequestError && /maxTokens/.test(e.message),
        );
        await rejects(stream.response, (e) => e instanceof sdk.core.InvalidRequestError);
        const noSchema = m.streamObject('hi', /** @type {any} */ ({}));
        await rejects(
          noSchema.response,
          (e) => e instanceof sdk.core.InvalidRequestError && /schema/.test(e.message),
        );
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      'streamObject: partial values grow, finish carries the validated data; object() shares the entry',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = make(s.endpoint, { cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('a person');
        const stream = m.streamObject(prompt, { schema: person });
        const events = [];
        for await (const event of stream) events.push(event);
        const partials = events.filter((e) => e.type === 'partial').map((e) => e.value);
        assert(partials.length > 2, `several partial values, got ${partials.length}`);
        for (let i = 1; i < partials.length; i++)
          assert(
            JSON.stringify(partials[i]).length >= JSON.stringify(partials[i - 1]).length - 2,
            'partials grow',
          );
        const response = await stream.response;
        deepEqual(events.at(-1), { type: 'finish', response });
        deepEqual(partials.at(-1), response.data, 'the last partial is the answer');
        assert(v.is(person, response.data), 'validated data');
        const whole = await m.object(prompt, { schema: person });
        equal(whole.cached, true, 'object() reads the entry streamObject wrote');
        deepEqual(whole.data, response.data);
        const replay = m.streamObject(prompt, { schema: person });
        const again = [];
        for await (const event of replay) again.push(event.type);
        deepEqual(again, ['partial', 'finish'], 'a hit replays one partial, then finish');
        equal((await s.requests()).length, 1);
      },
    ],
    [
      'streamObject: an answer that fails the schema rejects with OutputValidationError and is not cached',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: '{"name": 5}' } });
        const m = make(s.endpoint, { cache: sdk.cache.memoryStore() });
        const stream = m.streamObject('a person', { schema: person });
        await rejects(stream.response, (e) => e instanceof sdk.core.OutputValidationError);
        const again = m.streamObject('a person', { schema: person });
        await rejects(again.response, (e) => e instanceof sdk.core.OutputValidationError);
        equal((await s.requests()).length, 2, 'the failure was not cached');
      },
    ],
    [
      'streamObject: a stream its reader left while the answer was being checked is not cached',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = make(s.endpoint, { cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('a person');
        const jsonSchema = {
          type: 'object',
          properties: { name: { type: 'string' } },
          required: ['name'],
          additionalProperties: false,
        };
        /** A Standard Schema that accepts anything, after `held` settles. */
        const accepting = (/** @type {Promise<void>} */ held, onCheck = () => {}) => ({
          '~standard': {
            version: 1,
            vendor: 'cases',
            validate: async (/** @type {any} */ value) => (onCheck(), await held, { value }),
          },
        });
        /** @type {() => void} */
        let release = () => {};
        const held = new Promise((r) => (release = () => r(undefined)));
        /** @type {() => void} */
        let checking = () => {};
        const entered = new Promise((r) => (checking = () => r(undefined)));
        const stream = m.streamObject(prompt, { schema: accepting(held, checking), jsonSchema });
        const reader = stream[Symbol.asyncIterator]();
        await entered; // the whole answer arrived and is being checked (only the answer is)
        await reader.return?.();
        release();
        await rejects(stream.response, (e) => e?.name === 'AbortError');
        const again = await m.object(prompt, {
          schema: accepting(Promise.resolve()),
          jsonSchema,
        });
        equal(again.cached, false, 'the stream that was left is not in the cache');
        equal((await s.requests()).length, 2, 'asked again');
      },
    ],
    [
      'streamObject: Anthropic (forced-tool mode) and Gemini stream partial objects too',
      async () => {
        const s = await scenario(emulatorUrl);
        const claude = new sdk.anthropic.AnthropicModel({
          model: 'claude-3-5-haiku-20241022',
          endpoint: s.endpoint,
          apiKey: 'k',
          cache: false,
          dangerouslyAllowBrowser: true,
        });
        const gemini = new sdk.google.GoogleModel({
          model: 'gemini-2.5-flash',
          endpoint: s.endpoint,
          apiKey: 'k',
          cache: false,
        });
        for (const m of [claude, gemini]) {
          const stream = m.streamObject('a person', { schema: person });
          const events = [];
          for await (const event of stream) events.push(event);
          const response = await stream.response;
          assert(events.filter((e) => e.type === 'partial').length > 1, `${m.provider}: partials`);
          deepEqual(
            events.at(-2).value,
            response.data,
            `${m.provider}: the last partial is the data`,
          );
        }
        const [first] = await s.requests();
        equal(
          first.body.tool_choice?.type,
          'tool',
          'Claude 3.5 Haiku answers through a forced tool',
        );
      },
    ],
  ];
}
