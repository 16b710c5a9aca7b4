// streamResponses() against the shapes real servers send that the spec does not show, each sent by
// the emulator: the `error` event as OpenAI nests it (openai-dotnet#881, Effect-TS/effect#7262) and a
// LiteLLM proxy's `data: [DONE]` after response.completed (BerriAI/litellm#34095). Runtime-neutral.
import { assert, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamResponsesWireCases({ sdk, emulatorUrl }) {
  const openai = (/** @type {string} */ endpoint, extra = {}) =>
    new sdk.openai.OpenAIModel({
      model: 'gpt-5',
      endpoint,
      apiKey: KEY,
      retryDelay: 1,
      retryLimit: 2,
      ...extra,
    });

  return [
    [
      'streamResponses: a nested error event keeps its message and code; insufficient_quota is not retried, too_many_requests is',
      async () => {
        const cases = [
          // [fault, errorType, message, requests sent]
          [
            { errorAfter: 1, errorCode: 'insufficient_quota' },
            'insufficient_quota',
            /no credits/,
            1,
          ],
          [
            { errorAfter: 1, errorCode: 'too_many_requests', times: 3 },
            'too_many_requests',
            /Too Many Requests/,
            3,
          ],
          [{ errorAfter: 1, times: 3 }, 'server_error', /had an error/, 3],
          [{ errorAfter: 1, errorShape: 'flat', times: 3 }, 'server_error', /had an error/, 3],
        ];
        for (const [fault, errorType, message, sent] of cases) {
          const s = await scenario(emulatorUrl, { faults: [fault] });
          const store = sdk.cache.memoryStore();
          const stream = openai(s.endpoint, { cache: store }).streamResponses(uniquePrompt('hi'));
          const error = await rejects(stream.response);
          const last = error?.lastError ?? error;
          assert(last instanceof sdk.core.StreamError, `${errorType}: StreamError, got ${last}`);
          equal(last.errorType, errorType, `${errorType}: errorType`);
          assert(message.test(last.message), `${errorType}: the server's message: ${last.message}`);
          assert(!/the provider sent/.test(last.message), `${errorType}: ${last.message}`);
          equal((await s.requests()).length, sent, `${errorType}: requests sent`);
          equal((await store.keys()).length, 0, `${errorType}: nothing cached`);
        }
      },
    ],
    [
      'streamResponses: a `data: [DONE]` after response.completed (LiteLLM) ends a finished, cached answer',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { done: true } });
        const store = sdk.cache.memoryStore();
        const m = openai(s.endpoint, { cache: store });
        const prompt = uniquePrompt('one two three');
        const stream = m.streamResponses(prompt);
        const { text } = await drain(stream);
        const response = await stream.response;
        equal(text, response.text, 'the text deltas');
        assert(response.text.includes('one two three'), response.text);
        equal(response.finishReason, 'stop');
        equal((await store.keys()).length, 1, 'cached');
        const again = await m.streamResponses(prompt).response;
        equal(again.cached, true, 'replayed');
        equal((await s.requests()).length, 1, 'one request');
      },
    ],
  ];
}
