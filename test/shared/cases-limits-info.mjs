// Rate-limit information on results (README "Rate-limit information on results"): `rateLimit`
// parsed from OpenAI, xAI and Anthropic headers with resets as absolute dates, `requestId`,
// `latencyMs`; cached results keep the request id only; a RateLimitError carries the same and the
// delay honoured before the next try.
import { assert, assertPlainData, deepEqual, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY } from './openai-fixture.mjs';

const openaiBody = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};
const anthropicBody = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text: 'hi' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 1 },
};

/** A fetch answering every request with `body` and `headers`. */
const answering = (/** @type {object} */ body, /** @type {Record<string, string>} */ headers) =>
  /** @type {typeof fetch} */ (
    async () =>
      new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json', ...headers },
      })
  );

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function limitsInfoCases({ sdk, emulatorUrl, runtime }) {
  const { RateLimitError, RetryError } = sdk.core;
  const opts = { requirePostMessage: runtime === 'browser' };
  /** Asserts an ISO date `ms` after a moment between `before` and `after`. */
  const resetIn = (/** @type {string} */ iso, ms, before, after, what) => {
    const at = Date.parse(iso);
    assert(at >= before + ms && at <= after + ms, `${what}: ${iso} is ${ms} ms after the call`);
  };
  return [
    [
      'rate limits: OpenAI headers give remaining, limit and resets (Go durations) as absolute dates',
      async () => {
        const m = new sdk.openai.OpenAIModel({
          apiKey: KEY,
          cache: false,
          fetch: answering(openaiBody, {
            'x-request-id': 'req_abc',
            'x-ratelimit-limit-requests': '5000',
            'x-ratelimit-remaining-requests': '4999',
            'x-ratelimit-reset-requests': '6m0s',
            'x-ratelimit-limit-tokens': '160000',
            'x-ratelimit-remaining-tokens': '159976',
            'x-ratelimit-reset-tokens': '1m2.5s',
          }),
        });
        const before = Date.now();
        const r = await m.chat('hi');
        const after = Date.now();
        equal(r.requestId, 'req_abc', 'requestId');
        deepEqual(
          { ...r.rateLimit.requests, resetAt: undefined },
          { limit: 5000, remaining: 4999, resetAt: undefined },
          'requests',
        );
        resetIn(r.rateLimit.requests.resetAt, 360_000, before, after, 'requests reset');
        equal(r.rateLimit.tokens.remaining, 159976, 'tokens remaining');
        resetIn(r.rateLimit.tokens.resetAt, 62_500, before, after, 'tokens reset');
        assert(typeof r.latencyMs === 'number' && r.latencyMs >= 0, 'latencyMs');
        await assertPlainData(r, 'a result with rate limits', opts);
      },
    ],
    [
      'rate limits: Anthropic headers (RFC 3339 resets, input and output tokens apart) and request-id',
      async () => {
        const m = new sdk.anthropic.AnthropicModel({
          apiKey: KEY,
          cache: false,
          dangerouslyAllowBrowser: true,
          fetch: answering(anthropicBody, {
            'request-id': 'req_011CXYZ',
            'anthropic-ratelimit-requests-limit': '50',
            'anthropic-ratelimit-requests-remaining': '49',
            'anthropic-ratelimit-requests-reset': '2026-01-15T14:24:00Z',
            'anthropic-ratelimit-input-tokens-limit': '30000',
            'anthropic-ratelimit-input-tokens-remaining': '29990',
            'anthropic-ratelimit-input-tokens-reset': '2026-01-15T14:23:15Z',
            'anthropic-ratelimit-output-tokens-limit': '8000',
            'anthropic-ratelimit-output-tokens-remaining': '7999',
            'anthropic-ratelimit-output-tokens-reset': '2026-01-15T14:23:01Z',
          }),
        });
        const r = await m.chat('hi');
        equal(r.requestId, 'req_011CXYZ', 'requestId from request-id');
        deepEqual(r.rateLimit, {
          requests: { limit: 50, remaining: 49, resetAt: '2026-01-15T14:24:00.000Z' },
          inputTokens: { limit: 30000, remaining: 29990, resetAt: '2026-01-15T14:23:15.000Z' },
          outputTokens: { limit: 8000, remaining: 7999, resetAt: '2026-01-15T14:23:01.000Z' },
        });
      },
    ],
    [
      'rate limits: xAI through the emulator counts down; Gemini sends none; a cache hit keeps only the request id',
      async () => {
        const s = await scenario(emulatorUrl, { rateLimit: { requests: 100 } });
        const grok = new sdk.xai.GrokModel({
          endpoint: s.endpoint,
          apiKey: KEY,
          cache: sdk.cache.memoryStore(),
        });
        const prompt = uniquePrompt('grok');
        const first = await grok.chat(prompt);
        const second = await grok.chat(uniquePrompt('grok'));
        equal(first.rateLimit.requests.limit, 100, 'limit');
        equal(first.rateLimit.requests.remaining, 99, 'remaining after one');
        equal(second.rateLimit.requests.remaining, 98, 'remaining after two');
        assert(typeof first.requestId === 'string', 'a request id');
        const hit = await grok.chat(prompt);
        equal(hit.cached, true, 'a hit');
        equal(hit.requestId, first.requestId, "the hit names the original's request");
        equal('rateLimit' in hit, false, 'no stale rate-limit snapshot on a hit');
        equal('latencyMs' in hit, false, 'no latency on a hit');
        const gemini = new sdk.google.GoogleModel({
          endpoint: s.endpoint,
          apiKey: KEY,
          cache: false,
        });
        equal((await gemini.chat('hi')).rateLimit, undefined, 'Gemini reports no rate limits');
      },
    ],
    [
      'rate limits: a RateLimitError carries the rate limits, request id, latency and the delay honoured',
      async () => {
        const s = await scenario(emulatorUrl, { rateLimit: { requests: 1 } });
        const m = new sdk.openai.OpenAIModel({
          endpoint: s.endpoint,
          apiKey: KEY,
          cache: false,
          retryLimit: 0,
        });
        await m.chat('spends the window');
        const e = await rejects(m.chat('refused'), (e) => e instanceof RateLimitError);
        equal(e.rateLimit.requests.remaining, 0, 'remaining');
        assert(Date.parse(e.rateLimit.requests.resetAt) > Date.now(), 'reset ahead');
        assert(e.retryAfterMs > 0, 'retry-after read');
        assert(typeof e.requestId === 'string' && typeof e.latencyMs === 'number', 'id, latency');
        equal(e.retryDelayMs, undefined, 'no retry followed it');
        const f = await scenario(emulatorUrl, {
          faults: [
            { status: 429, headers: { 'retry-after': '0.05' } },
            { status: 429, headers: { 'retry-after': '0.05' } },
          ],
        });
        const retrying = new sdk.openai.OpenAIModel({
          endpoint: f.endpoint,
          apiKey: KEY,
          cache: false,
          retryLimit: 1,
        });
        const all = await rejects(retrying.chat('hi'), (e) => e instanceof RetryError);
        equal(all.errors[0].retryDelayMs, 50, 'the first 429 was waited out for 50 ms');
        equal(all.errors[1].retryDelayMs, undefined, 'the last one was not');
      },
    ],
  ];
}
