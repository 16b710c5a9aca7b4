// Hooks (README "Hooks and observability"): onRequest, onRetry, onResponse, onCacheHit and onError
// fire in order with the documented fields, as plain data without the key (bodies only when asked);
// a hook that throws or rejects never fails a call and is reported through onWarning.
import { assert, assertPlainData, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY } from './openai-fixture.mjs';

/** Hooks that record every event as `[name, event]`. */
function recorder() {
  const events = /** @type {Array<[string, any]>} */ ([]);
  const hook = (/** @type {string} */ name) => (/** @type {any} */ e) => events.push([name, e]);
  const hooks = Object.fromEntries(
    ['onRequest', 'onRetry', 'onResponse', 'onCacheHit', 'onError'].map((n) => [n, hook(n)]),
  );
  return { events, hooks };
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function limitsHookCases({ sdk, emulatorUrl, runtime }) {
  const opts = { requirePostMessage: runtime === 'browser' };
  const openai = (/** @type {string} */ endpoint, /** @type {object} */ o = {}) =>
    new sdk.openai.OpenAIModel({
      model: 'gpt-4o-mini',
      endpoint,
      apiKey: KEY,
      retryDelay: 5,
      ...o,
    });
  return [
    [
      'hooks: request, retry, request, response, then a cache hit and a failure, in order with their fields',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ status: 500 }] });
        const { events, hooks } = recorder();
        const m = openai(s.endpoint, { hooks, cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('hooks');
        const r = await m.chat(prompt);
        deepEqual(
          events.map(([name, e]) => `${name}:${e.attempt ?? ''}`),
          ['onRequest:1', 'onRetry:1', 'onRequest:2', 'onResponse:'],
          'order',
        );
        const [[, request], [, retry], , [, response]] = events;
        const base = { provider: 'openai', model: 'gpt-4o-mini', method: 'chat' };
        for (const [, e] of events) {
          deepEqual(
            { provider: e.provider, model: e.model, method: e.method },
            base,
            'provider, model and method on every event',
          );
          equal(e.callId, request.callId, 'one call id');
          assert(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/.test(e.cacheKey), 'the cache key');
        }
        equal(request.url, `${s.endpoint}/v1/chat/completions`, 'the url');
        equal(request.round, 0, 'the first round');
        equal('body' in request, false, 'no body unless asked');
        equal(retry.status, 500, 'the failed status');
        equal(retry.error.name, 'APICallError', 'the error class');
        assert(retry.delayMs >= 0, 'the delay');
        equal(response.status, 200, 'status');
        deepEqual(response.usage, r.usage, 'usage');
        equal(response.requestId, r.requestId, 'request id');
        equal(response.rateLimit.requests.limit, 10000, 'the rate limits');
        assert(response.durationMs >= response.latencyMs, 'duration covers the latency');
        equal('body' in response, false, 'no body unless asked');

        events.length = 0;
        await m.chat(prompt);
        equal(events.length, 1, 'one event for a hit');
        equal(events[0][0], 'onCacheHit', 'onCacheHit');
        equal(events[0][1].source, 'cache', 'from the store');
        deepEqual(events[0][1].usage, r.usage, "the original's usage");

        events.length = 0;
        const bad = await scenario(emulatorUrl, { faults: [{ status: 400 }] });
        const failing = openai(bad.endpoint, { hooks, cache: false });
        await rejects(failing.chat('hi'));
        deepEqual(
          events.map(([name]) => name),
          ['onRequest', 'onError'],
          'a failure',
        );
        equal(events[1][1].status, 400, 'its status');
        equal(events[1][1].error.name, 'APICallError', 'its class');
        equal('cacheKey' in events[1][1], false, 'no cache key without a cache');
        const all = JSON.stringify(events) + JSON.stringify([request, retry, response]);
        equal(all.includes(KEY), false, 'never the key');
        for (const [name, e] of [...events, ['request', request], ['response', response]])
          await assertPlainData(e, name, opts);
      },
    ],
    [
      'hooks: includeBody adds the request and response bodies; a coalesced call is an in-flight hit',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ delayMs: 100 }] });
        const { events, hooks } = recorder();
        const m = openai(s.endpoint, {
          hooks: { ...hooks, includeBody: true },
          cache: sdk.cache.memoryStore(),
        });
        const prompt = uniquePrompt('bodies');
        const [r] = await Promise.all([m.chat(prompt), m.chat(prompt)]);
        const find = (/** @type {string} */ n) => events.find(([name]) => name === n)?.[1];
        equal(find('onRequest').body.messages[0].content, prompt, 'the request body');
        deepEqual(find('onResponse').body, r.raw, 'the response body');
        equal(find('onCacheHit').source, 'in-flight', 'the follower');
        equal(JSON.stringify(events).includes(KEY), false, 'never the key');
      },
    ],
    [
      'hooks: a hook that throws or rejects never fails the call; onWarning is told',
      async () => {
        const s = await scenario(emulatorUrl);
        const warnings = /** @type {string[]} */ ([]);
        const m = openai(s.endpoint, {
          cache: false,
          onWarning: (/** @type {string} */ w) => warnings.push(w),
          hooks: {
            onRequest: () => {
              throw new Error('hook broke');
            },
            onResponse: async () => {
              throw new Error('async hook broke');
            },
          },
        });
        const r = await m.chat('hi');
        assert(r.text.length > 0, 'the call answered');
        await new Promise((resolve) => setTimeout(resolve, 0));
        equal(warnings.length, 2, 'both reported');
        assert(warnings[0].includes('onRequest') && warnings[0].includes('hook broke'), 'sync');
        assert(warnings[1].includes('onResponse') && warnings[1].includes('async hook'), 'async');
      },
    ],
  ];
}
