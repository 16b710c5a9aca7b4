// The core's pure parts: Retry-After parsing, the retry loop, canonical JSON and cache keys, JSON
// extraction, redaction and error guards. No runtime suffix: runs in Node, Chromium and workerd.
import { describe, expect, it } from 'vitest';
import {
  APICallError,
  InvalidRequestError,
  LLMError,
  NetworkError,
  RetryError,
  cacheKey,
  extractJson,
  isLLMError,
} from '../src/index.ts';
import { apiUrl } from '../src/core/base-url.ts';
import { canonicalJson } from '../src/core/canonical-json.ts';
import { redact } from '../src/core/redact.ts';
import { parseRetryAfter, MAX_RETRY_AFTER_MS } from '../src/core/retry-after.ts';
import { withRetries } from '../src/pipeline/retry.ts';

const apiError = (status: number, retryAfterMs?: number) =>
  new APICallError({ provider: 'p', url: 'https://x/v1', status, detail: 'd', retryAfterMs });

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  const h = (init: Record<string, string>) => new Headers(init);
  it('reads retry-after-ms first, then Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(h({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(parseRetryAfter(h({ 'retry-after': 'Fri, 27 Nov 2026 10:00:03 GMT' }), now)).toBe(3000);
  });
  it('caps at 60 s, floors past dates at 0, and ignores garbage', () => {
    expect(parseRetryAfter(h({ 'retry-after': '86400' }), now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter(h({ 'retry-after': 'Fri, 27 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(h({}), now)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const policy = { retryLimit: 2, retryDelay: 1 };
  it('throws a non-retryable error at once, unwrapped', async () => {
    let attempts = 0;
    const error = apiError(400);
    await expect(
      withRetries(async () => {
        attempts++;
        throw error;
      }, policy),
    ).rejects.toBe(error);
    expect(attempts).toBe(1);
  });
  it('retries retryable errors and keeps every attempt in a RetryError', async () => {
    let attempts = 0;
    const failure = withRetries(async () => {
      attempts++;
      throw new NetworkError({ provider: 'p', url: 'u', cause: new TypeError('fetch failed') });
    }, policy);
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryError);
    expect((error as RetryError).errors).toHaveLength(3);
    expect(attempts).toBe(3);
  });
  it('waits what the server asked for', async () => {
    let attempts = 0;
    const started = Date.now();
    const value = await withRetries(async () => {
      if (attempts++ === 0) throw apiError(503, 120);
      return 'ok';
    }, policy);
    expect(value).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = withRetries(
      async () => {
        throw apiError(503, 5_000);
      },
      policy,
      controller.signal,
    );
    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 20);
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('apiUrl', () => {
  it('appends the operation to a versioned root and the default version elsewhere', () => {
    const op = '/v1/chat/completions';
    const cases: [string, string][] = [
      ['https://api.openai.com', 'https://api.openai.com/v1/chat/completions'],
      ['https://api.openai.com/v1', 'https://api.openai.com/v1/chat/completions'],
      ['https://x.example/v1beta/openai', 'https://x.example/v1beta/openai/chat/completions'],
      ['https://x.example/openai/v1', 'https://x.example/openai/v1/chat/completions'],
      ['https://x.example/api/v4', 'https://x.example/api/v4/chat/completions'],
      ['https://u:p@x.example:8443/v2alpha', 'https://u:p@x.example:8443/v2alpha/chat/completions'],
      // A mount point without a version gets one; a version in the host or past the path does not count.
      ['https://gw.example/llm', 'https://gw.example/llm/v1/chat/completions'],
      ['https://v1.example.com/llm', 'https://v1.example.com/llm/v1/chat/completions'],
      ['https://v1.example.com', 'https://v1.example.com/v1/chat/completions'],
      ['http://v1/llm', 'http://v1/llm/v1/chat/completions'],
      ['https://gw.example/llm?to=/v1', 'https://gw.example/llm?to=/v1/v1/chat/completions'],
      ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/v1/chat/completions'],
      ['localhost:8080/api/v4', 'localhost:8080/api/v4/chat/completions'],
    ];
    for (const [endpoint, url] of cases) expect(apiUrl(endpoint, op), endpoint).toBe(url);
  });
});

describe('canonical JSON and cache keys', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: undefined, w: 0 }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[2,{"w":0,"y":1}]},"b":1}',
    );
  });
  it('gives the same key for reordered bodies and a different one for any change', async () => {
    const base = {
      provider: 'openai',
      endpoint: 'https://api.openai.com',
      model: 'm',
      method: 'chat',
      path: '/v1/chat/completions',
      headers: [],
    };
    const a = await cacheKey({ ...base, body: { model: 'm', temperature: 0.5, messages: [] } });
    const b = await cacheKey({ ...base, body: { messages: [], temperature: 0.5, model: 'm' } });
    const c = await cacheKey({ ...base, body: { messages: [], temperature: 0.6, model: 'm' } });
    const d = await cacheKey({
      ...base,
      method: 'json',
      body: { messages: [], temperature: 0.5, model: 'm' },
    });
    // Each field the README says the key covers moves it: provider, endpoint, model, path, and an
    // answer-changing header; a header the adapter does not name never does.
    const body = { model: 'm', temperature: 0.5, messages: [] };
    const changed = await Promise.all(
      [
        { provider: 'xai' },
        { endpoint: 'https://proxy.example' },
        { model: 'n' },
        { path: '/v1/completions' },
        { headerNames: ['anthropic-beta'], headers: [{ 'Anthropic-Beta': 'x' }] },
      ].map((change) => cacheKey({ ...base, ...change, body })),
    );
    const unkeyed = await cacheKey({
      ...base,
      headerNames: ['anthropic-beta'],
      headers: [{ authorization: 'Bearer sk-1', 'OpenAI-Organization': 'org-1' }],
      body,
    });
    expect(a).toBe(b);
    expect(unkeyed).toBe(a);
    expect(new Set([a, c, d, ...changed]).size).toBe(8);
    expect(a).toMatch(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/);
    expect(a.split('/')[1]).toBe(c.split('/')[1]); // same endpoint and model, same folder
    expect(changed[1]!.split('/')[1]).not.toBe(a.split('/')[1]); // another endpoint, another one
  });
});

describe('extractJson', () => {
  it('reads whole, fenced and embedded JSON, and says which text it read', () => {
    expect(extractJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 }, json: '{"a": 1}' });
    expect(extractJson('Here:\n```json\n{"a": [1, 2]}\n```\nDone.')).toEqual({
      ok: true,
      value: { a: [1, 2] },
      json: '{"a": [1, 2]}',
    });
    expect(extractJson('Sure! {"a": "}"} hope it helps')).toMatchObject({
      ok: true,
      value: { a: '}' },
    });
    expect(extractJson('x [1, 2, 3] y')).toMatchObject({ ok: true, value: [1, 2, 3] });
  });
  it('reports truncated, empty and missing JSON instead of guessing', () => {
    expect(extractJson('{"a": 1, "b": [1,2')).toMatchObject({
      ok: false,
      error: expect.stringContaining('truncated'),
    });
    expect(extractJson('   ')).toMatchObject({ ok: false });
    expect(extractJson('hello world')).toMatchObject({
      ok: false,
      error: expect.stringContaining('no JSON'),
    });
  });
  it('refuses JSON Lines and several values instead of keeping the first (the original did)', () => {
    for (const text of ['{"a":1}\n{"b":2}', '{"a":1} {"b":2}', 'First [1] then [2].'])
      expect(extractJson(text)).toMatchObject({
        ok: false,
        error: expect.stringContaining('several JSON values'),
      });
    expect(extractJson('{"a": 1} then [note] and {oops')).toMatchObject({ ok: true });
  });
});

describe('errors and secrets', () => {
  it('redacts every occurrence of a secret, and ignores trivially short ones', () => {
    expect(redact('key sk-abcdef rejected: sk-abcdef', ['sk-abcdef'])).toBe(
      'key [redacted] rejected: [redacted]',
    );
    expect(redact('abc', ['a', undefined])).toBe('abc');
  });
  it('marks SDK errors so guards work across copies and realms', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('alea-llm-client.error')]: true });
    expect(isLLMError(foreign)).toBe(true);
    expect(isLLMError(new Error('x'))).toBe(false);
    expect(new InvalidRequestError('bad')).toBeInstanceOf(LLMError);
  });
  it('decides whether to retry from the status', () => {
    expect([408, 409, 429, 500, 503, 529].map((s) => apiError(s).isRetryable)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 404, 422].map((s) => apiError(s).isRetryable)).toEqual([false, false, false]);
  });
});
