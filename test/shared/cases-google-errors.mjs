// GoogleModel error cases for every runtime: what Google's error bodies say beyond the status (the
// wait of a google.rpc.RetryInfo, a daily quota, a refused key), against the loopback emulator,
// whose Gemini 429 carries the wait in its body only, with no retry-after header, as Gemini's does;
// and a request Google would refuse (empty text parts) that the SDK no longer sends.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named } from './google-helpers.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleErrorCases(env) {
  const { control, scenario, gemini } = googleHarness(env);
  return [
    [
      "google: a 429 whose RetryInfo asks for 1 s (no Retry-After header) is retried after 1 s, once Gemini's window reopened",
      async () => {
        const s = await scenario({ rateLimit: { requests: 1, windowMs: 1_000 } });
        /** @type {number[]} */
        const waits = [];
        const m = gemini(s.endpoint, {
          retryLimit: 1,
          hooks: { onRetry: (/** @type {{ delayMs: number }} */ e) => waits.push(e.delayMs) },
        });
        await m.chat('spends the window');
        const started = Date.now();
        equal((await m.chat('waits for the next window')).text, 'Echo: waits for the next window');
        equal(waits.length, 1, 'one retry');
        equal(waits[0], 1_000, "the retry waited the body's retryDelay, not the 1 ms backoff");
        assert(Date.now() - started >= 950, 'the wait was honoured');
        equal((await s.requests()).length, 3, 'one refused attempt');
      },
    ],
    [
      "google: RetryInfo's retryDelay (a Duration) becomes retryAfterMs on a 429 and a 503, capped at 60 s",
      async () => {
        const s = await scenario({
          faults: [
            { status: 429, retryDelay: '1.5s' },
            { status: 503, retryDelay: '0.25s' },
            { status: 429, retryDelay: '3600s' },
          ],
        });
        const m = gemini(s.endpoint, { retryLimit: 0 });
        const quota = await rejects(m.chat('a'), named('RateLimitError'));
        equal(quota.retryAfterMs, 1_500);
        equal(quota.isRetryable, true);
        const busy = await rejects(m.chat('b'), named('APICallError'));
        equal([busy.status, busy.retryAfterMs].join(), '503,250');
        const long = await rejects(m.chat('c'), named('RateLimitError'));
        equal(long.retryAfterMs, 60_000, 'capped as Retry-After is');
      },
    ],
    [
      'google: a 429 for a spent daily quota (QuotaFailure …PerDay…) is not retried',
      async () => {
        const quotaId = 'GenerateRequestsPerDayPerProjectPerModel-FreeTier';
        const details = [
          { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId }] },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.01s' },
        ];
        const error = { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' };
        const s = await scenario({
          faults: [{ status: 429, json: { error: { ...error, details } } }],
        });
        const e = await rejects(gemini(s.endpoint).chat('x'), named('RateLimitError'));
        equal(e.isRetryable, false);
        equal((await s.requests()).length, 1, 'not retried');
      },
    ],
    [
      'google: a blank answer sent back, an empty system message or text part sends no empty text part (Google refuses them)',
      async () => {
        for (const model of ['gemini-2.5-flash', 'gemini-3-flash-preview']) {
          const s = await scenario({ reply: { text: '', finishReason: 'MAX_TOKENS' } });
          const m = gemini(s.endpoint, { model });
          const blank = await m.chat('Think hard');
          equal(blank.text, '', `${model}: a blank answer`);
          await control(s.id, {});
          const next = await m.chat([
            { role: 'system', content: '' },
            ...blank.messages,
            {
              role: 'user',
              content: [
                { type: 'text', text: '' },
                { type: 'text', text: 'Again' },
              ],
            },
          ]);
          equal(next.text, 'Echo: Again', `${model}: Google took the conversation`);
          const [sent] = await s.requests();
          equal(sent.body.systemInstruction, undefined, `${model}: no empty system instruction`);
          deepEqual(
            sent.body.contents.map((/** @type {any} */ c) => [
              c.role,
              c.parts.map((/** @type {any} */ p) => p.text),
            ]),
            [
              ['user', ['Think hard']],
              ['user', ['Again']],
            ],
            `${model}: the blank turn and the empty part left out`,
          );
        }
      },
    ],
  ];
}
