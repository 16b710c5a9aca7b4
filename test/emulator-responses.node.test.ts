// The emulator's legacy completions and Responses API routes (test/emulator/openai-completions.mjs,
// openai-responses.mjs): response objects, reasoning items, truncation, json_schema and tool calls.
import { describe, it, expect } from 'vitest';
import { useEmulator } from './support/emulator-fixture.ts';

const { post, postJson, control } = useEmulator();

describe('POST /v1/completions', () => {
  it('returns a text_completion and validates the prompt', async () => {
    const { json } = await postJson('/v1/completions', {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'say hi',
      max_tokens: 2,
    });
    expect(json.id).toMatch(/^cmpl-/);
    expect(json.object).toBe('text_completion');
    expect(json.choices).toEqual([
      { text: ' Echo: say', index: 0, logprobs: null, finish_reason: 'length' },
    ]);
    expect((await post('/v1/completions', { model: 'm' })).status).toBe(400);
    const msgs = await postJson('/v1/completions', { model: 'm', messages: [] });
    expect(msgs.json.error.message).toBe('Unrecognized request argument supplied: messages');
  });
});

describe('POST /v1/responses', () => {
  it('returns a response object without output_text', async () => {
    const { json } = await postJson('/v1/responses', {
      model: 'gpt-4o',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi there' }] }],
    });
    expect(json.id).toMatch(/^resp_/);
    expect(json).toMatchObject({
      object: 'response',
      status: 'completed',
      incomplete_details: null,
      error: null,
    });
    expect(json).not.toHaveProperty('output_text');
    expect(json.output).toEqual([
      {
        type: 'message',
        id: expect.stringMatching(/^msg_/),
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Echo: hi there', annotations: [], logprobs: [] }],
      },
    ]);
    expect(json.usage).toEqual({
      input_tokens: 2,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 3,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 5,
    });
  });

  it('adds a reasoning item for reasoning models and marks truncation incomplete', async () => {
    const { json } = await postJson('/v1/responses', {
      model: 'o3',
      input: Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '),
      max_output_tokens: 16,
    });
    expect(json.output[0]).toMatchObject({
      type: 'reasoning',
      id: expect.stringMatching(/^rs_/),
      summary: [],
    });
    expect(json.status).toBe('incomplete');
    expect(json.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(json.output[1].content[0].text).toBe(
      'Echo: w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14',
    );
    expect(json.usage.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('honours text.format json_schema, custom tools and function tools', async () => {
    const schema = {
      type: 'object',
      properties: { ok: { type: 'boolean' } },
      required: ['ok'],
      additionalProperties: false,
    };
    const js = await postJson('/v1/responses', {
      model: 'gpt-4o',
      input: 'x',
      text: { format: { type: 'json_schema', name: 'r', schema, strict: true } },
    });
    expect(JSON.parse(js.json.output[0].content[0].text)).toEqual({ ok: true });
    const tools = [
      {
        type: 'custom',
        name: 'sql',
        format: { type: 'grammar', syntax: 'regex', definition: 'SELECT .+' },
      },
    ];
    const ct = await postJson('/v1/responses', {
      model: 'gpt-5',
      input: 'x',
      tools,
      tool_choice: { type: 'custom', name: 'sql' },
    });
    expect(ct.json.output.at(-1)).toEqual({
      type: 'custom_tool_call',
      id: expect.stringMatching(/^ctc_/),
      call_id: expect.stringMatching(/^call_/),
      name: 'sql',
      input: 'yes',
      status: 'completed',
    });
    await control('rfn', { reply: { toolCalls: [{ name: 'f', arguments: { a: 1 } }] } });
    const fn = await postJson('/s/rfn/v1/responses', {
      model: 'gpt-4o',
      input: 'x',
      tools: [{ type: 'function', name: 'f', parameters: {} }],
    });
    expect(fn.json.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: expect.stringMatching(/^call_/),
        name: 'f',
        arguments: '{"a":1}',
        status: 'completed',
      },
    ]);
  });
});
