// OpenAI-family resilience against the loopback emulator's faults: which failures are retried,
// the typed errors for the rest, timeouts, aborts, and bad input rejected before any request.
// Runtime-neutral: runs in all five runtimes.
import { assert, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function openaiResilienceCases({ sdk, emulatorUrl }) {
  const { OpenAIModel } = sdk.openai;
  const model = openaiModelFactory(sdk);

  return [
    [
      'a 429 with Retry-After: 1 is retried after at least a second',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [{ status: 429, headers: { 'retry-after': '1' } }],
        });
        const started = Date.now();
        const r = await model(s.endpoint, { cache: false }).chat('hi');
        const elapsed = Date.now() - started;
        assert(elapsed >= 950, `waited ${elapsed} ms`);
        equal(r.text, 'Echo: hi', 'answer after retry');
        equal((await s.requests()).length, 2, 'two attempts');
      },
    ],
    [
      'a 400 is not retried and is an APICallError with the request id',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 400, times: 3 }] });
        const error = await rejects(model(s.endpoint, { cache: false }).chat('hi'));
        assert(error instanceof sdk.core.APICallError, `APICallError, got ${error?.name}`);
        equal(error.status, 400, 'status');
        equal(error.isRetryable, false, 'not retryable');
        assert(/^req_/.test(error.requestId), 'request id');
        assert(error.message.includes('/v1/chat/completions'), 'message names the request');
        equal((await s.requests()).length, 1, 'one attempt');
      },
    ],
    [
      '5xx, HTML error pages and dropped connections are retried; exhaustion is a RetryError',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [{ status: 500 }, { html: true, status: 502 }, { drop: true }],
        });
        const r = await model(s.endpoint, { cache: false, retryLimit: 3 }).chat('hi');
        equal(r.text, 'Echo: hi', 'answer after three failures');
        const t = await scenario(emulatorUrl, { faults: [{ status: 503, times: 5 }] });
        const error = await rejects(model(t.endpoint, { cache: false, retryLimit: 2 }).chat('hi'));
        assert(error instanceof sdk.core.RetryError, `RetryError, got ${error?.name}`);
        equal(error.errors.length, 3, 'every attempt kept');
        assert(error.lastError instanceof sdk.core.APICallError, 'last error');
        equal((await t.requests()).length, 3, 'three attempts');
      },
    ],
    [
      'a 401 is an AuthenticationError, not retried, with no key text',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = new OpenAIModel({ endpoint: s.endpoint, apiKey: 'bad-key', cache: false });
        const error = await rejects(m.chat('hi'));
        assert(error instanceof sdk.core.AuthenticationError, `got ${error?.name}`);
        assert(
          !JSON.stringify({ m: error.message, b: error.responseBody }).includes('bad-key'),
          'redacted',
        );
        equal((await s.requests()).length, 1, 'not retried');
      },
    ],
    [
      'malformed JSON in a 200 is an InvalidResponseError',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ malformedJson: true }] });
        const error = await rejects(model(s.endpoint, { cache: false }).chat('hi'));
        assert(error instanceof sdk.core.InvalidResponseError, `got ${error?.name}`);
      },
    ],
    [
      'a server that never answers gives TimeoutError at the configured timeout',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true, times: 5 }] });
        const started = Date.now();
        const error = await rejects(
          model(s.endpoint, { cache: false }).chat('hi', { timeout: 300 }),
        );
        const elapsed = Date.now() - started;
        assert(error instanceof sdk.core.TimeoutError, `TimeoutError, got ${error?.name}`);
        equal(error.timeoutMs, 300, 'timeoutMs');
        assert(elapsed >= 280 && elapsed < 3000, `elapsed ${elapsed}`);
      },
    ],
    [
      "an abort rejects at once with the caller's AbortError",
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true }] });
        const controller = new AbortController();
        const pending = model(s.endpoint, { cache: false }).chat('hi', {
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 50);
        const started = Date.now();
        const error = await rejects(pending);
        assert(Date.now() - started < 1000, 'prompt rejection');
        equal(error?.name, 'AbortError', 'AbortError');
        assert(!(error instanceof sdk.core.TimeoutError), 'not a timeout');
      },
    ],
    [
      "the model's signal cancels its calls; an aborted signal rejects before any request",
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true }] });
        const controller = new AbortController();
        const m = model(s.endpoint, { cache: false, signal: controller.signal });
        const pending = m.chat('hi', { timeout: 5000 });
        setTimeout(() => controller.abort(), 50);
        const error = await rejects(pending);
        equal(error?.name, 'AbortError', 'AbortError from the model signal');
        const sent = (await s.requests()).length;
        const again = await rejects(m.chat('hi'));
        equal(again?.name, 'AbortError', 'already aborted');
        equal((await s.requests()).length, sent, 'no request once aborted');
      },
    ],
    [
      'bad input is a typed error before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { cache: false });
        for (const [input, opts] of [
          [[], {}],
          [[{ role: 'wizard', content: 'x' }], {}],
          ['hi', { maxTokens: -1 }],
          ['hi', { temperature: 'hot' }],
          [42, {}],
        ]) {
          const error = await rejects(m.chat(input, opts));
          assert(
            error instanceof sdk.core.InvalidRequestError,
            `got ${error?.name}: ${error?.message}`,
          );
        }
        const noSchema = await rejects(m.object('hi', {}));
        assert(noSchema instanceof sdk.core.InvalidRequestError, 'object() without schema');
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
  ];
}
