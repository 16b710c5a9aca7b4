// The checks and failure paths that load on demand (so a browser's first call carries none of them)
// still say what they said: the message wording, the registry capability checks, and the retry
// chunk, whose failed load must leave the attempt's own error. Node only: it swaps modules
// (vi.doMock) and imports the pipeline afresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidRequestError, NetworkError, UnsupportedFeatureError } from '../src/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { createRegistry } from '../src/registry/index.ts';

const ANSWER = {
  id: 'c1',
  object: 'chat.completion',
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

/** A model whose fetch answers `ok` and counts the requests. */
function model(options: ConstructorParameters<typeof OpenAIModel>[0] = {}) {
  const sent: unknown[] = [];
  const m = new OpenAIModel({
    apiKey: 'sk-test',
    cache: false,
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(ANSWER), { status: 200 });
    },
    ...options,
  });
  return { m, sent };
}

// The cases that swap a module import the pipeline afresh: their errors are of the fresh classes.
afterEach(() => {
  vi.doUnmock('../src/pipeline/retry-again.ts');
  vi.doUnmock('../src/pipeline/check-capabilities.ts');
});

describe('message checks', () => {
  const cases: [unknown, RegExp][] = [
    [42, /^chat\(\) takes a string or an array of messages .*; got number\.$/],
    [[], /^chat\(\) needs at least one message; the array was empty\.$/],
    [[null], /^Message 0 has role undefined; use one of system, user, assistant, tool\.$/],
    [[{ role: 'robot', content: 'x' }], /^Message 0 has role "robot"; use one of/],
    [
      [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 5 },
      ],
      /^Message 1 \(assistant\) needs string content\.$/,
    ],
    [[{ role: 'user', content: 5 }], /^Message 0 \(user\) needs string content or an array of/],
    [[{ role: 'tool', content: 'r' }], /^Message 0 \(tool\) needs the toolCallId it answers\.$/],
  ];
  it.each(cases)(
    'refuses %j before any request, naming the message and the fix',
    async (input, msg) => {
      const { m, sent } = model();
      const error = await m.chat(input as string).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(msg);
      expect(sent).toHaveLength(0);
    },
  );
  it.each([
    [42, 'number'],
    [[{ role: 'user', content: 'hi' }], 'object'],
  ])(
    'complete() refuses the prompt %j before any request, naming what it got',
    async (input, got) => {
      const { m, sent } = model();
      const error = await m.complete(input as unknown as string).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe(`complete() takes the prompt as a string; got ${got}.`);
      expect(sent).toHaveLength(0);
    },
  );
  it('passes a conversation with content parts, a tool answer and a system prompt', async () => {
    const { m, sent } = model();
    const messages = [
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'f', arguments: {} }] },
      { role: 'tool', toolCallId: 't1', content: 'r' },
    ] as const;
    const r = await m.chat(messages as never, { system: 'be brief' });
    expect(r.text).toBe('ok');
    expect(sent).toHaveLength(1);
    expect((sent[0] as { messages: { role: string }[] }).messages.map((x) => x.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
    ]);
  });
});

describe('registry capability checks', () => {
  const real = createRegistry().getModelDetails('gpt-4o')!;
  const spec = {
    ...real,
    maxOutputTokens: 100,
    capabilities: {
      ...real.capabilities,
      tools: false,
      vision: false,
      structuredOutput: false,
      thinking: false,
    },
  };
  const registry = { getModelDetails: () => spec };
  const tool = { name: 'f', parameters: { type: 'object', properties: {} } };

  it('refuses what the registry says the model lacks, before any request', async () => {
    const { m, sent } = model({ model: 'gpt-4o', registry });
    const failures = await Promise.all([
      m.chat('hi', { maxTokens: 101 }).catch((e: unknown) => e),
      m.chat('hi', { tools: [tool] }).catch((e: unknown) => e),
      m
        .chat([{ role: 'user', content: [{ type: 'image', image: 'https://x/a.png' }] }] as never)
        .catch((e: unknown) => e),
      m.chat('hi', { thinking: true } as never).catch((e: unknown) => e),
      m
        .object('hi', {
          schema: {
            '~standard': { version: 1, vendor: 'x', validate: (v: unknown) => ({ value: v }) },
          },
          jsonSchema: { type: 'object' },
        } as never)
        .catch((e: unknown) => e),
    ]);
    expect(failures[0]).toBeInstanceOf(InvalidRequestError);
    expect((failures[0] as Error).message).toMatch(
      /maxTokens 101 is above gpt-4o's maximum output of 100/,
    );
    const features = failures.slice(1).map((e) => {
      expect(e).toBeInstanceOf(UnsupportedFeatureError);
      return (e as UnsupportedFeatureError).feature;
    });
    expect(features).toEqual(['tool calling', 'image input', 'thinking', 'structured output']);
    expect(sent).toHaveLength(0);
  });

  it('loads no check for a call that sets nothing it checks', async () => {
    const checkCapabilities = vi.fn();
    vi.resetModules();
    vi.doMock('../src/pipeline/check-capabilities.ts', () => ({ checkCapabilities }));
    const { OpenAIModel: Fresh } = await import('../src/providers/openai/index.ts');
    const fetch = async () => new Response(JSON.stringify(ANSWER), { status: 200 });
    const m = new Fresh({ apiKey: 'sk-test', cache: false, model: 'gpt-4o', registry, fetch });
    expect((await m.chat('hi', { temperature: 0.5 })).text).toBe('ok');
    expect(checkCapabilities).not.toHaveBeenCalled();
    await m.chat('hi', { maxTokens: 50 });
    expect(checkCapabilities).toHaveBeenCalledTimes(1);
  });
});

describe('the option checks', () => {
  it('do not run for a model with only model, endpoint, key and cache: false; a bad id still fails', async () => {
    const checkCallOptions = vi.fn();
    vi.resetModules();
    vi.doMock('../src/pipeline/check-options.ts', () => ({ checkCallOptions }));
    const { OpenAIModel: Fresh } = await import('../src/providers/openai/index.ts');
    // The global fetch: a `fetch` option is a model option with a rule of its own.
    const fetch = async () => new Response(JSON.stringify(ANSWER), { status: 200 });
    const bare = {
      apiKey: 'sk-test',
      endpoint: 'https://api.openai.com/v1',
      cache: false as const,
    };
    vi.stubGlobal('fetch', fetch);
    try {
      expect((await new Fresh({ ...bare, model: 'gpt-4o' }).chat('hi')).text).toBe('ok');
      expect(checkCallOptions).not.toHaveBeenCalled();
      // The mocked check lets these through (the next test has the real one refuse them).
      await new Fresh({ ...bare, model: '' }).chat('hi');
      await new Fresh({ ...bare, model: 42 as never }).chat('hi').catch(() => {});
      expect(checkCallOptions).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('../src/pipeline/check-options.ts');
    }
  });

  it('name a model id in effect that is not a non-empty string', async () => {
    for (const id of ['', 42]) {
      // Only the id: no option that would have the checks run anyway.
      const sent: unknown[] = [];
      vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
        sent.push(init);
        return new Response(JSON.stringify(ANSWER), { status: 200 });
      });
      const m = new OpenAIModel({ apiKey: 'sk-test', model: id as never, cache: false });
      await expect(m.chat('hi')).rejects.toThrow(/`model` must be a non-empty string/);
      expect(sent).toHaveLength(0);
      vi.unstubAllGlobals();
    }
  });
});

describe('the retry chunk', () => {
  const offline = () =>
    new NetworkError({ provider: 'p', url: 'u', cause: new TypeError('Failed to fetch') });

  it('when it cannot load, the first failure is thrown as it is; the next call loads it again', async () => {
    vi.resetModules();
    vi.doMock('../src/pipeline/retry-again.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { withRetries } = await import('../src/pipeline/retry.ts');
    const policy = { retryLimit: 2, retryDelay: 1 };
    const error = offline();
    let attempts = 0;
    const fail = async () => {
      attempts++;
      throw error;
    };
    await expect(withRetries(fail, policy)).rejects.toBe(error);
    expect(attempts).toBe(1);
    vi.doUnmock('../src/pipeline/retry-again.ts');
    attempts = 0;
    const again = await withRetries(fail, policy).catch((e: unknown) => e);
    expect(again).toMatchObject({ name: 'RetryError', errors: [error, error, error] });
    expect(attempts).toBe(3);
  });
});
