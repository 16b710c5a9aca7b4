// The emulator's OpenAI chat completions (test/emulator/openai-chat.mjs): the faithful response
// body, determinism, n and truncation, and OpenAI's validation and reasoning-model rules.
import { describe, it, expect } from 'vitest';
import { chat, useEmulator, type Json } from './support/emulator-fixture.ts';

const { post, postJson } = useEmulator();

describe('POST /v1/chat/completions', () => {
  it('echoes the last user message with a faithful body', async () => {
    const { res, json } = await postJson(
      '/v1/chat/completions',
      chat({
        messages: [
          { role: 'system', content: 'be brief' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'hello' },
              { type: 'image_url', image_url: { url: 'x' } },
              { type: 'text', text: 'world' },
            ],
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(json.id).toMatch(/^chatcmpl-/);
    expect(json).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o',
      system_fingerprint: expect.stringMatching(/^fp_/),
    });
    expect(typeof json.created).toBe('number');
    expect(json.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'Echo: hello world',
          refusal: null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    expect(json.usage).toMatchObject({
      prompt_tokens: 4,
      completion_tokens: 3,
      total_tokens: 7,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('is deterministic apart from id/created, supports n and truncation', async () => {
    const strip = (body: Json) => ({ ...body, id: undefined, created: undefined });
    const a = await postJson('/v1/chat/completions', chat());
    const b = await postJson('/v1/chat/completions', chat());
    expect(strip(a.json)).toEqual(strip(b.json));
    const n = await postJson('/v1/chat/completions', chat({ n: 2 }));
    expect(n.json.choices.map((c: Json) => c.message.content)).toEqual([
      'Echo: hello there world',
      'Echo: hello there world (choice 1)',
    ]);
    const t = await postJson('/v1/chat/completions', chat({ max_tokens: 2 }));
    expect(t.json.choices[0]).toMatchObject({
      message: { content: 'Echo: hello' },
      finish_reason: 'length',
    });
  });

  it('validates like OpenAI', async () => {
    const cases: [Json, string, string | null][] = [
      [{ messages: [{ role: 'user', content: 'x' }] }, 'you must provide a model parameter', null],
      [{ model: 'gpt-4o' }, "Missing required parameter: 'messages'.", 'messages'],
      [
        { model: 'gpt-4o', messages: [{ role: 'robot', content: 'x' }] },
        "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
        'messages[0].role',
      ],
    ];
    for (const [body, message, param] of cases) {
      const { res, json } = await postJson('/v1/chat/completions', body);
      expect(res.status).toBe(400);
      expect(json.error).toMatchObject({ message, param, type: 'invalid_request_error' });
    }
  });

  it('rejects max_tokens and temperature on reasoning models, reports reasoning tokens', async () => {
    const mt = await postJson('/v1/chat/completions', chat({ model: 'o3', max_tokens: 10 }));
    expect(mt.res.status).toBe(400);
    expect(mt.json.error).toMatchObject({ param: 'max_tokens', code: 'unsupported_parameter' });
    expect(mt.json.error.message).toContain("Use 'max_completion_tokens' instead.");
    const temp = await postJson(
      '/v1/chat/completions',
      chat({ model: 'gpt-5-mini', temperature: 0.2 }),
    );
    expect(temp.json.error).toMatchObject({ param: 'temperature', code: 'unsupported_value' });
    expect(
      (await post('/v1/chat/completions', chat({ model: 'gpt-5-chat-latest', max_tokens: 10 })))
        .status,
    ).toBe(200);
    const ok = await postJson(
      '/v1/chat/completions',
      chat({ model: 'o4-mini', max_completion_tokens: 100, temperature: 1 }),
    );
    expect(ok.json.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });
});
