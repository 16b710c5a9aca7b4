// The limiter and streams: a stream's request is in flight until its last event, so it holds its
// `concurrency` slot until it ends (finished, broken, aborted, left early), not only until its
// headers arrive; and every way a stream ends frees the slot. Runtime-neutral.
import { assert, equal, rejects } from './assert.mjs';
import { drain } from './cases-stream.mjs';
import { scenario } from './emulator-client.mjs';
import { KEY } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function limitsStreamCases({ sdk, emulatorUrl }) {
  const openai = (/** @type {string} */ endpoint, /** @type {object} */ o = {}) =>
    new sdk.openai.OpenAIModel({ endpoint, apiKey: KEY, cache: false, retryDelay: 1, ...o });
  const words = 'one two three four five six seven eight';
  return [
    [
      'limits: a stream holds its concurrency slot until it ends; the next request starts only after',
      async () => {
        // The first stream pauses mid-way: its headers came long before its end.
        const s = await scenario(emulatorUrl, { faults: [{ stallAfter: 3, stallMs: 300 }] });
        const m = openai(s.endpoint, { concurrency: 1 });
        const first = m.stream(`first ${words}`);
        const second = m.streamResponses(`second ${words}`);
        const [, answer] = await Promise.all([drain(first), second.response]);
        equal(answer.text, `Echo: second ${words}`);
        // The emulator's clock: when the first stream's last byte went out, when the second arrived.
        const [a, b] = await s.requests();
        assert(a.stream?.endedAt > 0 && b.receivedAt > 0, 'the emulator timed both');
        assert(
          b.receivedAt >= a.stream.endedAt,
          `the second request arrived ${a.stream.endedAt - b.receivedAt} ms before the first stream ended`,
        );
        equal((await s.requests()).length, 2);
      },
    ],
    [
      'limits: a cut, failed, aborted or abandoned stream frees its concurrency slot',
      async () => {
        const s = await scenario(emulatorUrl, {
          faults: [
            { stallAfter: 3, stallMs: 150, cutAfter: 3 },
            { errorAfter: 3 },
            { stallAfter: 3 },
            { stallAfter: 3 },
          ],
        });
        const m = openai(s.endpoint, { concurrency: 1, retryLimit: 0 });
        // Every call has a deadline: one that waits for a slot never freed is a TimeoutError.
        const o = { timeout: 3000 };
        const broken = (/** @type {any} */ e) => e instanceof sdk.core.StreamError;
        await rejects(drain(m.stream(words, o)), broken, 'cut');
        await rejects(drain(m.stream(words, o)), broken, 'an error event, after the cut one');
        const controller = new AbortController();
        const aborted = m.stream(words, { ...o, signal: controller.signal });
        await rejects(
          (async () => {
            for await (const e of aborted) if (e.type === 'text') controller.abort();
          })(),
          (e) => e?.name === 'AbortError',
          'aborted, after the failed one',
        );
        const left = m.stream(words, o);
        for await (const e of left) if (e.type === 'text') break;
        await rejects(
          left.response,
          (e) => e?.name === 'AbortError',
          'left, after the aborted one',
        );
        const { text } = await drain(m.stream('the last one', o));
        equal(text, 'Echo: the last one', 'a stream runs after one that was left');
        equal((await s.requests()).length, 5);
      },
    ],
  ];
}
