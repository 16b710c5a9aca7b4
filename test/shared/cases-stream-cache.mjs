// Streams and the cache: a completed stream is cached in chat's entry and replayed as a stream with no
// request; failed, cut, aborted, timed-out and stalled streams are never cached; identical streams in
// flight share one request, each reading every event from the first.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamCacheCases({ sdk, emulatorUrl }) {
  const make = openaiModelFactory(sdk);
  const cached = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    make(endpoint, { cache: sdk.cache.memoryStore(), ...extra });

  /** @type {Array<[string, object, (m: any, prompt: string) => Promise<any>, (e: any) => boolean]>} */
  const failures = [
    [
      'cut by the network',
      { faults: [{ cutAfter: 3 }] },
      (m, p) => drain(m.stream(p)),
      (e) => e instanceof sdk.core.StreamError,
    ],
    [
      'ended by an error event',
      { faults: [{ errorAfter: 3 }] },
      (m, p) => drain(m.stream(p)),
      (e) => e instanceof sdk.core.StreamError && e.errorType === 'server_error',
    ],
    [
      'aborted',
      { faults: [{ stallAfter: 3 }] },
      async (m, p) => {
        const controller = new AbortController();
        for await (const event of m.stream(p, { signal: controller.signal }))
          if (event.type === 'text') controller.abort();
      },
      (e) => e?.name === 'AbortError',
    ],
    [
      'timed out',
      { faults: [{ stallAfter: 3 }] },
      (m, p) => drain(m.stream(p, { timeout: 300 })),
      (e) => e instanceof sdk.core.TimeoutError && !e.idle,
    ],
    [
      'stalled (idleTimeout)',
      { faults: [{ stallAfter: 3 }] },
      (m, p) => drain(m.stream(p, { idleTimeout: 200 })),
      (e) => e instanceof sdk.core.TimeoutError && e.idle && /idleTimeout/.test(e.message),
    ],
    [
      'left early (break)',
      {},
      async (m, p) => {
        const stream = m.stream(p);
        for await (const event of stream) if (event.type === 'text') break;
        await stream.response;
      },
      (e) => e?.name === 'AbortError',
    ],
  ];

  return [
    [
      'stream cache: a completed stream is cached; a rerun replays it as a stream with no request; chat and stream share one entry',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = cached(s.endpoint);
        const prompt = uniquePrompt('cache this stream please');
        const first = await drain(m.stream(prompt));
        const again = m.stream(prompt);
        const replay = await drain(again);
        equal((await s.requests()).length, 1, 'the rerun sent no request');
        equal(replay.text, first.text, 'the same text');
        assert(replay.events.filter((e) => e.type === 'text').length >= 1, 'as text events');
        const response = await again.response;
        equal(response.cached, true, 'finish says cached');
        equal(replay.events.at(-1).response, response);
        const chat = await m.chat(prompt);
        equal(chat.cached, true, 'chat reads the entry the stream wrote');
        equal(chat.text, first.text);
        const other = uniquePrompt('chat first');
        const whole = await m.chat(other);
        const streamed = m.stream(other);
        const replayed = await drain(streamed);
        equal((await streamed.response).cached, true, 'a stream replays what chat cached');
        equal(replayed.text, whole.text);
        equal((await s.requests()).length, 2, 'one request per prompt');
      },
    ],
    ...failures.map(
      ([what, config, run, expected]) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `stream cache: a stream ${what} is never cached`,
          async () => {
            const s = await scenario(emulatorUrl, config);
            const m = cached(s.endpoint, { retryLimit: 0 });
            const prompt = uniquePrompt('do not cache this stream');
            await rejects(run(m, prompt), expected, what);
            equal((await s.requests()).length, 1, 'one request, not retried');
            const chat = await m.chat(prompt);
            equal(chat.cached, false, 'nothing was cached');
            equal((await s.requests()).length, 2, 'chat sent its own request');
          },
        ]),
    ),
    [
      'stream in flight: identical streams share one request, each reads every event from the first',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 3, stallMs: 300 }] });
        const m = cached(s.endpoint);
        const prompt = uniquePrompt('one request for two readers');
        const a = m.stream(prompt);
        const iterator = a[Symbol.asyncIterator]();
        const firstA = await iterator.next();
        equal(firstA.value.type, 'text', 'A is under way');
        // B starts while A's request is stalled mid-way: it reads A's events, from the first.
        const b = await drain(m.stream(prompt));
        const restA = [firstA.value];
        for (let step = await iterator.next(); !step.done; step = await iterator.next())
          restA.push(step.value);
        equal((await s.requests()).length, 1, 'one request');
        deepEqual(
          b.events.slice(0, -1),
          restA.slice(0, -1),
          'B got every event A got, from the start',
        );
        equal(b.events.at(-1).response.cached, true, 'B sent no request');
        equal((await a.response).cached, false);
      },
    ],
    [
      'stream in flight: one reader leaving does not cancel the request the other reads',
      async () => {
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 3, stallMs: 300 }] });
        const m = cached(s.endpoint);
        const prompt = uniquePrompt('one leaves, one stays');
        const a = m.stream(prompt);
        const readA = a[Symbol.asyncIterator]();
        await readA.next();
        // B reads its first event (so it reads the shared request) before A leaves.
        const b = m.stream(prompt);
        const readB = b[Symbol.asyncIterator]();
        const events = [(await readB.next()).value];
        await readA.return?.();
        for (let step = await readB.next(); !step.done; step = await readB.next())
          events.push(step.value);
        const rest = {
          events,
          text: events
            .filter((e) => e.type === 'text')
            .map((e) => e.delta)
            .join(''),
        };
        await rejects(a.response, (e) => e?.name === 'AbortError', 'A was left');
        const requests = await s.requests();
        equal(requests.length, 1, 'B read the request A started');
        equal(requests[0].stream.closedEarly, false, 'the request ran to its end');
        equal((await m.chat(prompt)).cached, true, "B's completed stream was cached");
        equal(rest.events.at(-1).response.text, rest.text);
      },
    ],
    [
      'stream hooks and limits: a stream is one onRequest and one onResponse under the limiter; its replay is an onCacheHit',
      async () => {
        const s = await scenario(emulatorUrl);
        /** @type {string[]} */
        const seen = [];
        const hooks = Object.fromEntries(
          ['onRequest', 'onResponse', 'onCacheHit', 'onError'].map((n) => [n, () => seen.push(n)]),
        );
        const m = cached(s.endpoint, { hooks, concurrency: 1 });
        const prompt = uniquePrompt('stream hooks');
        // Two identical streams at once: one request (the second joins it) through a one-slot limiter.
        const [a, b] = await Promise.all([drain(m.stream(prompt)), drain(m.stream(prompt))]);
        equal(a.text, b.text, 'both read the answer');
        const replay = m.stream(prompt);
        await drain(replay);
        equal((await replay.response).cached, true, 'replayed');
        deepEqual(
          seen.sort(),
          ['onCacheHit', 'onCacheHit', 'onRequest', 'onResponse'],
          'one request, one response, a joined stream and a replay as hits',
        );
        equal((await s.requests()).length, 1, 'one request');
      },
    ],
  ];
}
