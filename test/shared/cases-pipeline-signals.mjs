// Cancellation promises of the pipeline, in every runtime: a caller's abort is an AbortError whatever
// attempt it lands in, and `timeout`/`signal` bound the whole call, key resolution and waiting on a
// shared in-flight request included.
import { assert, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/** Aborts a controller after `ms`. */
const abortAfter = (/** @type {AbortController} */ controller, /** @type {number} */ ms) =>
  setTimeout(() => controller.abort(), ms);

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function pipelineSignalCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const isAbort = (/** @type {any} */ e) =>
    e?.name === 'AbortError' && !(e instanceof sdk.core.RetryError);

  return [
    [
      'an abort during a retry rejects with the AbortError, not a RetryError',
      async () => {
        // The first attempt fails (retryable), the retry hangs: the abort lands in attempt two.
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }, { hang: true }] });
        const controller = new AbortController();
        const pending = model(s.endpoint, { cache: false }).chat('hi', {
          signal: controller.signal,
        });
        const waitForRetry = async () => {
          while ((await s.requests()).length < 2) await new Promise((r) => setTimeout(r, 10));
        };
        await waitForRetry();
        controller.abort();
        const error = await rejects(pending);
        assert(isAbort(error), `AbortError, got ${error?.name}: ${error?.message}`);
      },
    ],
    [
      'an abort during the backoff rejects with the AbortError at once',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }] });
        const controller = new AbortController();
        const pending = model(s.endpoint, { cache: false, retryDelay: 10_000 }).chat('hi', {
          signal: controller.signal,
        });
        abortAfter(controller, 100);
        const started = Date.now();
        const error = await rejects(pending);
        assert(isAbort(error), `AbortError, got ${error?.name}: ${error?.message}`);
        assert(Date.now() - started < 2000, 'not after the backoff');
        equal((await s.requests()).length, 1, 'no second attempt');
      },
    ],
    [
      'the deadline during a retry is a TimeoutError, not a RetryError',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }, { hang: true }] });
        const error = await rejects(
          model(s.endpoint, { cache: false }).chat('hi', { timeout: 300 }),
        );
        assert(error instanceof sdk.core.TimeoutError, `TimeoutError, got ${error?.name}`);
      },
    ],
  ];
}
