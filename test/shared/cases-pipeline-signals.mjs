// Cancellation promises of the pipeline, in every runtime: a caller's abort is an AbortError whatever
// attempt it lands in, and `timeout`/`signal` bound the whole call, key resolution and waiting on a
// shared in-flight request included.
import { assert, equal, rejects } from './assert.mjs';
import { keyPair } from './google-keys.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/** Rejects with "hung" when `promise` has not settled after `ms`: a hang fails the case, not the run. */
function guard(/** @type {Promise<any>} */ promise, ms = 4000) {
  /** @type {any} */
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

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

  const isTimeout = (/** @type {any} */ e) => e instanceof sdk.core.TimeoutError;

  return [
    [
      'timeout bounds a keyResolver that never answers, and the resolver gets the call signal',
      async () => {
        const s = await scenario(emulatorUrl);
        /** @type {AbortSignal[]} */
        const seen = [];
        const m = model(s.endpoint, {
          cache: false,
          apiKey: undefined,
          keyResolver: (/** @type {{ signal: AbortSignal }} */ ctx) => {
            seen.push(ctx.signal);
            return new Promise(() => {});
          },
        });
        const started = Date.now();
        const error = await rejects(guard(m.chat('hi', { timeout: 200 })));
        assert(isTimeout(error), `TimeoutError, got ${error?.name}: ${error?.message}`);
        assert(Date.now() - started < 2000, 'at the deadline');
        equal(seen.length, 1, 'resolver called');
        equal(seen[0]?.aborted, true, "the resolver's signal aborted with the call");
        const controller = new AbortController();
        const pending = m.chat('hi', { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        const aborted = await rejects(guard(pending));
        equal(aborted?.name, 'AbortError', "the caller's abort ends the wait for the key");
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      "a follower's own timeout and signal apply while it waits for an identical call in flight",
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ hang: true }] });
        const m = model(s.endpoint, { cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('follower');
        const leaderStop = new AbortController();
        const leader = m.chat(prompt, { signal: leaderStop.signal });
        leader.catch(() => {});
        await new Promise((r) => setTimeout(r, 50));
        const started = Date.now();
        const error = await rejects(guard(m.chat(prompt, { timeout: 200 })));
        assert(isTimeout(error), `follower TimeoutError, got ${error?.name}: ${error?.message}`);
        assert(Date.now() - started < 2000, "at the follower's deadline");
        const controller = new AbortController();
        const follower = m.chat(prompt, { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        equal((await rejects(guard(follower)))?.name, 'AbortError', "the follower's abort");
        equal((await s.requests()).length, 1, 'followers sent nothing');
        leaderStop.abort();
        await rejects(leader);
      },
    ],
    [
      "when the leader's deadline ends its call, a follower with time left asks for itself",
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ delayMs: 4000 }] });
        const m = model(s.endpoint, { cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('deadline');
        const leader = m.chat(prompt, { timeout: 1500 });
        // Join only once the leader's request is out: on a loaded machine its deadline could
        // otherwise end the call before it sent anything.
        while ((await s.requests()).length < 1) await new Promise((r) => setTimeout(r, 10));
        const follower = guard(m.chat(prompt, { timeout: 5000 }));
        assert(isTimeout(await rejects(leader)), 'the leader timed out');
        const r = await follower;
        equal(r.text, `Echo: ${prompt}`, 'the follower answered');
        equal(r.cached, false, 'from its own request');
        equal((await s.requests()).length, 2, 'two requests');
      },
    ],
    [
      'the service-account token exchange has its own timeout',
      async () => {
        const { pem } = await keyPair();
        const tok = await scenario(emulatorUrl, { faults: [{ hang: true }] });
        const resolver = sdk.google.serviceAccountKeyResolver(
          { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem },
          { tokenUrl: `${tok.endpoint}/token`, timeoutMs: 200 },
        );
        const signal = new AbortController().signal;
        const error = await rejects(
          guard(Promise.resolve(resolver({ provider: 'google', endpoint: 'x', signal }))),
        );
        assert(
          error?.name === 'NetworkError' && /200 ms/.test(error.message),
          `NetworkError naming the timeout, got ${error?.name}: ${error?.message}`,
        );
      },
    ],
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
        // Abort once the first attempt has failed, i.e. during the 10 s backoff.
        while ((await s.requests()).length < 1) await new Promise((r) => setTimeout(r, 10));
        abortAfter(controller, 50);
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
