// The emulator refuses what OpenAI's Responses API refuses (test/emulator/openai-responses-rules.mjs),
// and what each API refuses of effort, service tiers and grammars (openai-effort-rules.mjs, the
// Anthropic and Gemini model rules), each with the real status and error shape, and accepts the
// corrected request: so the SDK's cases against it mean something.
import { describe, expect, it } from 'vitest';
import { encryptReasoning } from './emulator/openai-responses-rules.mjs';
import { chat, useEmulator, type Json } from './support/emulator-fixture.ts';

const { postJson, control } = useEmulator();

/** Expects OpenAI's error envelope with this status, message and param, and a 200 for `fixed`. */
async function refuses(
  path: string,
  body: Json,
  expected: { status?: number; message: string | RegExp; param?: string | null },
  fixed?: Json,
) {
  const { res, json } = await postJson(path, body);
  expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(expected.status ?? 400);
  expect(json.error.type).toBe('invalid_request_error');
  const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const { message } = expected;
  expect(json.error.message).toMatch(typeof message === 'string' ? exact(message) : message);
  expect(json.error.param).toBe(expected.param === undefined ? json.error.param : expected.param);
  // The corrected request, when given, is accepted.
  const ok = fixed === undefined ? undefined : await postJson(path, fixed);
  expect(ok ? ok.res.status : 200, JSON.stringify(ok?.json ?? '').slice(0, 300)).toBe(200);
}

const responses = (extra: Json = {}) => ({ model: 'gpt-5', input: 'hi', ...extra });

describe('POST /v1/responses: parameters', () => {
  it('refuses the Chat Completions names, pointing at the Responses API ones', async () => {
    for (const [key, to] of [
      ['max_tokens', 'max_output_tokens'],
      ['max_completion_tokens', 'max_output_tokens'],
      ['response_format', 'text.format'],
      ['reasoning_effort', 'reasoning.effort'],
    ] as const) {
      await refuses(
        '/v1/responses',
        responses({ [key]: key === 'response_format' ? { type: 'json_object' } : 64 }),
        {
          message: `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${to}'.`,
          param: key,
        },
        responses(),
      );
    }
    await refuses('/v1/responses', responses({ stop: ['x'] }), {
      message: "Unknown parameter: 'stop'.",
      param: 'stop',
    });
  });

  it('takes max_output_tokens of 16 or more, and a boolean store', async () => {
    await refuses(
      '/v1/responses',
      responses({ max_output_tokens: 15 }),
      {
        message:
          "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 15 instead.",
        param: 'max_output_tokens',
      },
      responses({ max_output_tokens: 16 }),
    );
    await refuses('/v1/responses', responses({ store: 'no' }), { message: /store/ });
  });

  it('refuses reasoning on models that do not reason, and effort values a model lacks', async () => {
    await refuses(
      '/v1/responses',
      responses({ model: 'gpt-4o', reasoning: { effort: 'low' } }),
      {
        message: "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
        param: 'reasoning.effort',
      },
      responses({ model: 'gpt-4o' }),
    );
    await refuses(
      '/v1/responses',
      responses({ model: 'o3', reasoning: { effort: 'minimal' } }),
      {
        message:
          "Unsupported value: 'reasoning.effort' does not support 'minimal' with this model. Supported values are: 'low', 'medium', and 'high'.",
      },
      responses({ model: 'o3', reasoning: { effort: 'low' } }),
    );
    await refuses('/v1/responses', responses({ model: 'gpt-4o', reasoning: { summary: 'auto' } }), {
      message: "Unsupported parameter: 'reasoning.summary' is not supported with this model.",
    });
    await refuses('/v1/responses', responses({ temperature: 0.3 }), { message: /temperature/ });
  });

  it('takes flex only on models with Flex processing, and known tiers only', async () => {
    await refuses(
      '/v1/responses',
      responses({ model: 'gpt-4o', service_tier: 'flex' }),
      { message: 'Flex is not available for this model.', param: 'service_tier' },
      responses({ model: 'gpt-5', service_tier: 'flex' }),
    );
    await refuses('/v1/responses', responses({ service_tier: 'standard' }), {
      message: /Supported values are: 'auto', 'default', 'flex'/,
    });
    const { json } = await postJson('/v1/responses', responses({ service_tier: 'priority' }));
    expect(json.service_tier).toBe('priority');
  });
});

describe('POST /v1/responses: tools', () => {
  const fn = {
    type: 'function',
    name: 'f',
    parameters: { type: 'object', properties: {} },
    strict: false,
  };
  const custom = (syntax: string, definition = 'a+') => ({
    type: 'custom',
    name: 'g',
    format: { type: 'grammar', syntax, definition },
  });

  it('checks custom tool grammars and tool_choice names', async () => {
    await refuses(
      '/v1/responses',
      responses({ tools: [custom('ebnf')] }),
      {
        message: "Invalid value: 'ebnf'. Supported values are: 'lark' and 'regex'.",
        param: 'tools[0].format.syntax',
      },
      responses({ tools: [custom('regex')] }),
    );
    await refuses('/v1/responses', responses({ tools: [custom('regex', '(')] }), {
      message: /Invalid regex grammar/,
    });
    await refuses(
      '/v1/responses',
      responses({ tools: [fn], tool_choice: { type: 'function', name: 'nope' } }),
      { message: "Tool choice 'nope' not found in 'tools' parameter.", param: 'tool_choice' },
      responses({ tools: [fn], tool_choice: { type: 'function', name: 'f' } }),
    );
    await refuses(
      '/v1/responses',
      responses({ tools: [fn], tool_choice: 'any' }),
      {
        message: "Invalid value: 'any'. Supported values are: 'none', 'auto', and 'required'.",
        param: 'tool_choice',
      },
      responses({ tools: [fn], tool_choice: 'required' }),
    );
    await refuses('/v1/responses', responses({ tool_choice: 'required' }), {
      message: /only allowed when 'tools' are specified/,
    });
    await refuses(
      '/v1/responses',
      responses({
        tools: [
          {
            ...fn,
            strict: true,
            parameters: { type: 'object', properties: { a: { type: 'string' } } },
          },
        ],
      }),
      { message: /Invalid schema for function 'f'/ },
    );
  });
});

describe('POST /v1/responses: input items and stored state', () => {
  it('needs a call for every tool output', async () => {
    const output = { type: 'function_call_output', call_id: 'call_9', output: 'x' };
    await refuses(
      '/v1/responses',
      responses({ input: [output] }),
      {
        message: 'No tool call found for function call output with call_id call_9.',
        param: 'input',
      },
      responses({
        input: [{ type: 'function_call', call_id: 'call_9', name: 'f', arguments: '{}' }, output],
      }),
    );
    await refuses(
      '/v1/responses',
      responses({ input: [{ type: 'custom_tool_call_output', call_id: 'c', output: 'x' }] }),
      { message: 'No tool call found for custom tool call output with call_id c.' },
    );
  });

  it('refuses reasoning items the server never kept, and encrypted content it did not issue', async () => {
    const item = { type: 'reasoning', id: 'rs_1', summary: [] };
    await refuses(
      '/v1/responses',
      responses({ store: false, input: [item] }),
      {
        status: 404,
        message:
          "Item with id 'rs_1' not found. Items are not persisted when `store` is set to false. Try again with `store` set to true, or remove this item from your input.",
        param: 'input',
      },
      responses({
        store: false,
        input: [{ ...item, encrypted_content: encryptReasoning('rs_1') }],
      }),
    );
    await refuses(
      '/v1/responses',
      responses({ store: false, input: [{ ...item, encrypted_content: 'gAAAAforged' }] }),
      { message: 'The encrypted content for item rs_1 could not be verified.' },
    );
    await refuses('/v1/responses', responses({ input: [item] }), {
      status: 404,
      message: "Item with id 'rs_1' not found.",
    });
  });

  it('continues only stored responses, and encrypts reasoning when asked', async () => {
    const unstored = await postJson('/s/prev/v1/responses', responses({ store: false }));
    await refuses('/s/prev/v1/responses', responses({ previous_response_id: unstored.json.id }), {
      message: `Previous response with id '${unstored.json.id}' not found.`,
      param: 'previous_response_id',
    });
    const stored = await postJson(
      '/s/prev/v1/responses',
      responses({ include: ['reasoning.encrypted_content'] }),
    );
    const rs = stored.json.output[0];
    expect(rs.encrypted_content).toBe(encryptReasoning(rs.id));
    const next = await postJson(
      '/s/prev/v1/responses',
      responses({
        previous_response_id: stored.json.id,
        input: [{ ...rs, encrypted_content: undefined }],
      }),
    );
    expect(next.res.status, JSON.stringify(next.json)).toBe(200);
    await refuses('/v1/responses', responses({ include: ['reasoning.everything'] }), {
      message: "Invalid value: 'reasoning.everything'.",
    });
  });
});

describe('POST /v1/responses: realistic answers', () => {
  it('refusals, failures and filtered answers, as the scenario asks', async () => {
    await control('refuse', { reply: { refusal: 'No.' } });
    const refusal = await postJson('/s/refuse/v1/responses', responses());
    expect(refusal.json.output.at(-1).content).toEqual([{ type: 'refusal', refusal: 'No.' }]);
    await control('fail', { reply: { failed: { code: 'server_error', message: 'Oops.' } } });
    const failed = await postJson('/s/fail/v1/responses', responses());
    expect(failed.res.status).toBe(200);
    expect(failed.json).toMatchObject({
      status: 'failed',
      error: { code: 'server_error', message: 'Oops.' },
      output: [],
    });
    await control('filter', { reply: { finishReason: 'content_filter', text: '' } });
    const filtered = await postJson('/s/filter/v1/responses', responses());
    expect(filtered.json).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'content_filter' },
    });
  });
});

describe('POST /v1/chat/completions: effort, tiers and custom tools', () => {
  it('refuses reasoning_effort where the registry has none, and values a model lacks', async () => {
    await refuses(
      '/v1/chat/completions',
      chat({ reasoning_effort: 'low' }),
      {
        message: "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
        param: 'reasoning_effort',
      },
      chat({ model: 'gpt-5', reasoning_effort: 'low' }),
    );
    await refuses('/v1/chat/completions', chat({ model: 'gpt-5.1', reasoning_effort: 'minimal' }), {
      message: /does not support 'minimal'/,
    });
    await refuses('/v1/chat/completions', chat({ model: 'grok-4', reasoning_effort: 'low' }), {
      message: /'reasoning_effort' is not supported/,
    });
    await refuses('/v1/chat/completions', chat({ service_tier: 'flex' }), {
      message: 'Flex is not available for this model.',
    });
  });

  it('checks custom grammar tools and a forced custom choice', async () => {
    const tool = (syntax: string) => ({
      type: 'custom',
      custom: { name: 'g', format: { type: 'grammar', grammar: { syntax, definition: 'a' } } },
    });
    await refuses(
      '/v1/chat/completions',
      chat({ model: 'gpt-5', tools: [tool('gbnf')] }),
      { message: /Supported values are: 'lark' and 'regex'/ },
      chat({
        model: 'gpt-5',
        tools: [tool('regex')],
        tool_choice: { type: 'custom', custom: { name: 'g' } },
      }),
    );
    await refuses(
      '/v1/chat/completions',
      chat({
        model: 'gpt-5',
        tools: [tool('regex')],
        tool_choice: { type: 'custom', custom: { name: 'x' } },
      }),
      { message: "Tool choice 'x' not found in 'tools' parameter." },
    );
    const { json } = await postJson(
      '/v1/chat/completions',
      chat({
        model: 'gpt-5',
        tools: [tool('regex')],
        tool_choice: { type: 'custom', custom: { name: 'g' } },
      }),
    );
    expect(json.choices[0].message.tool_calls[0]).toMatchObject({
      type: 'custom',
      custom: { name: 'g' },
    });
  });

  it('takes one vLLM structured_outputs constraint at a time', async () => {
    await refuses(
      '/v1/chat/completions',
      chat({ model: 'llama', structured_outputs: { regex: 'a', choice: ['a'] } }),
      { message: /only use one kind of structured outputs constraint/ },
      chat({ model: 'llama', structured_outputs: { regex: 'a' } }),
    );
  });
});

describe('Anthropic and Gemini: effort and tiers', () => {
  const anthropic = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
  const messages = (extra: Json) => ({
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'hi' }],
    ...extra,
  });

  it('Anthropic: service_tier auto or standard_only; effort levels per model', async () => {
    const send = (body: Json) => postJson('/v1/messages', body, anthropic);
    const refused = async (body: Json, message: string | RegExp) => {
      const { res, json } = await send(body);
      expect(res.status).toBe(400);
      expect(json.error.type).toBe('invalid_request_error');
      expect(json.error.message).toMatch(message);
    };
    await refused(
      messages({ service_tier: 'flex' }),
      "service_tier: Input should be 'auto' or 'standard_only'",
    );
    await refused(messages({ output_config: { effort: 'extreme' } }), /Input should be 'low'/);
    await refused(
      messages({ model: 'claude-sonnet-4-5', output_config: { effort: 'low' } }),
      /not supported/,
    );
    await refused(
      messages({ model: 'claude-opus-4-5', output_config: { effort: 'max' } }),
      /'max' is not supported/,
    );
    for (const ok of [
      messages({ service_tier: 'standard_only', output_config: { effort: 'max' } }),
      messages({
        model: 'claude-opus-4-5',
        service_tier: 'auto',
        output_config: { effort: 'high' },
      }),
    ])
      expect((await send(ok)).res.status).toBe(200);
  });

  it('Gemini: serviceTier on the Gemini API for models that offer it; never on Vertex', async () => {
    const body = (extra: Json) => ({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      ...extra,
    });
    const gemini = (model: string) => `/v1beta/models/${model}:generateContent`;
    const refused = async (path: string, b: Json, message: RegExp) => {
      const { res, json } = await postJson(path, b, { 'x-goog-api-key': 'k' });
      expect(res.status).toBe(400);
      expect(json.error.status).toBe('INVALID_ARGUMENT');
      expect(json.error.message).toMatch(message);
    };
    await refused(
      gemini('gemini-2.5-flash'),
      body({ serviceTier: 'flex' }),
      /not supported for this model/,
    );
    await refused(
      gemini('gemini-3-flash-preview'),
      body({ serviceTier: 'turbo' }),
      /Invalid value at 'service_tier'/,
    );
    await refused(
      '/v1/projects/p/locations/us-central1/publishers/google/models/gemini-3-flash-preview:generateContent',
      body({ serviceTier: 'flex' }),
      /Unknown name "serviceTier"/,
    );
    const ok = await postJson(gemini('gemini-3-flash-preview'), body({ serviceTier: 'flex' }), {
      'x-goog-api-key': 'k',
    });
    expect(ok.res.status).toBe(200);
  });
});
