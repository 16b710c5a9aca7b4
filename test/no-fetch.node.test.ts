// A runtime without a global fetch (old Node, some embedded engines). Node only: removing the global
// in Chromium or workerd would break the test runner itself, which talks to vitest over fetch.
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
