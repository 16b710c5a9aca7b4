// A runtime without a global fetch (old Node, some embedded engines), and a fetch option that is
// not one. Node only: removing the global in Chromium or workerd would break the test runner
// itself, which talks to vitest over fetch.
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../src/index.ts';

describe('a runtime without fetch', () => {
  it('gets a typed error that says to pass fetch, without retries', async () => {
    const { OpenAIModel } = await import('../src/providers/openai/index.ts');
    const original = globalThis.fetch;
    // @ts-expect-error: simulating a runtime that has no global fetch
    delete globalThis.fetch;
    try {
      const m = new OpenAIModel({ apiKey: 'k', cache: false, retryDelay: 1 });
      const error = await m.chat('hi').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toContain('pass `fetch`');
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('a fetch option that does not resolve to a Response', () => {
  it.each([
    ['an object', {}, 'object'],
    ['null', null, 'null'],
  ])('(%s) gets a typed error naming it, after one call of it', async (_name, value, got) => {
    const { OpenAIModel } = await import('../src/providers/openai/index.ts');
    let calls = 0;
    const fetch = (async () => (calls++, value)) as unknown as typeof globalThis.fetch;
    const m = new OpenAIModel({ apiKey: 'k', cache: false, retryDelay: 1, fetch });
    const error = await m.chat('hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      `\`fetch\` must resolve to a Response; the fetch option's function resolved to ${got}.`,
    );
    expect(calls).toBe(1); // not retried: the caller's code is wrong, not the network
  });
});
