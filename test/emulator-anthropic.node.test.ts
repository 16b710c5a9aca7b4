// The Anthropic dialect's request rules (test/emulator/anthropic-*-rules.mjs, anthropic-validate.mjs),
// by raw fetch: each request the real API refuses gets its 400 (or 404) and error body, and the
// nearest acceptable request passes, so the rule is exactly as wide as Anthropic's. The SDK side
// (it never sends these) is in test/shared/cases-anthropic-rules.mjs.
import { describe, expect, it } from 'vitest';
import { useEmulator, type Json } from './support/emulator-fixture.ts';

const { postJson, control } = useEmulator();
const headers = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
const hi = [{ role: 'user', content: 'hi' }];
const send = (body: Json, scenario = 'default') =>
  postJson(`/s/${scenario}/v1/messages`, { max_tokens: 1024, messages: hi, ...body }, headers);

/** Expects Anthropic's 400 envelope with this message, and a 200 for `fixed`. */
async function refuses(body: Json, message: string | RegExp, fixed: Json) {
  const { res, json } = await send(body);
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  expect(json.request_id).toMatch(/^req_/);
  const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  expect(json.error.message).toMatch(typeof message === 'string' ? exact(message) : message);
  const ok = await send(fixed);
  expect(ok.res.status, `${JSON.stringify(fixed)}: ${JSON.stringify(ok.json)}`).toBe(200);
}

const tool = { name: 'f', input_schema: { type: 'object', properties: {} } };
const closed = (props: Json) => ({
  type: 'object',
  properties: props,
  additionalProperties: false,
});
const format = (schema: Json) => ({
  model: 'claude-sonnet-4-6',
  output_config: { format: { type: 'json_schema', schema } },
});

describe('POST /v1/messages: per-model rules from the registry data', () => {
  it('refuses max_tokens above the model maximum', async () => {
    await refuses(
      { model: 'claude-3-5-haiku-20241022', max_tokens: 8193 },
      'max_tokens: 8193 > 8192, which is the maximum allowed number of output tokens for claude-3-5-haiku-20241022',
      { model: 'claude-3-5-haiku-20241022', max_tokens: 8192 },
    );
  });

  it('refuses temperature with top_p from Claude Opus 4.1 on, not before', async () => {
    const both = { temperature: 0.5, top_p: 0.9 };
    for (const model of ['claude-opus-4-1', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5']) {
      await refuses(
        { model, ...both },
        '`temperature` and `top_p` cannot both be specified for this model. Please use only one.',
        { model, temperature: 0.5 },
      );
    }
    expect((await send({ model: 'claude-sonnet-4-0', ...both })).res.status).toBe(200);
  });

  it('refuses sampling settings on models that take none, except their defaults', async () => {
    for (const [key, value] of [
      ['temperature', 0.5],
      ['top_p', 0.9],
      ['top_k', 5],
    ] as const) {
      await refuses(
        { model: 'claude-opus-4-7', [key]: value },
        `\`${key}\` is deprecated for this model.`,
        { model: 'claude-opus-4-7', temperature: 1 },
      );
    }
  });

  it('refuses budgeted thinking on models that only think adaptively', async () => {
    await refuses(
      {
        model: 'claude-opus-4-7',
        thinking: { type: 'enabled', budget_tokens: 2000 },
        max_tokens: 4000,
      },
      /^"thinking.type.enabled" is not supported for this model\. Use "thinking.type.adaptive"/,
      { model: 'claude-opus-4-7', thinking: { type: 'adaptive' } },
    );
    const budgeted = { thinking: { type: 'enabled', budget_tokens: 2000 }, max_tokens: 4000 };
    expect((await send({ model: 'claude-opus-4-6', ...budgeted })).res.status).toBe(200);
  });

  it('answers 404 for unknown models only when the scenario asks for strictness', async () => {
    await control('strict', { strictModels: true });
    const { res, json } = await send({ model: 'claude-nope-1' }, 'strict');
    expect(res.status).toBe(404);
    expect(json.error).toEqual({ type: 'not_found_error', message: 'model: claude-nope-1' });
    expect((await send({ model: 'claude-sonnet-4-5-20990101' }, 'strict')).res.status).toBe(404);
    expect((await send({ model: 'claude-sonnet-4-6' }, 'strict')).res.status).toBe(200);
    expect((await send({ model: 'claude-nope-1' })).res.status).toBe(200);
  });
});

describe('POST /v1/messages: tools', () => {
  it('refuses a forced tool choice while thinking', async () => {
    const thinking = { type: 'adaptive' };
    for (const tool_choice of [{ type: 'any' }, { type: 'tool', name: 'f' }]) {
      await refuses(
        { model: 'claude-sonnet-4-6', thinking, tools: [tool], tool_choice },
        'Thinking may not be enabled when tool_choice forces tool use.',
        { model: 'claude-sonnet-4-6', thinking, tools: [tool], tool_choice: { type: 'auto' } },
      );
    }
  });

  it('answers a forced tool choice (any, or a named tool) with a tool_use block, auto with text', async () => {
    const g = {
      name: 'g',
      input_schema: { type: 'object', properties: { n: { type: 'integer' } } },
    };
    const cases: [Json, string | undefined][] = [
      [{ type: 'any' }, 'f'],
      [{ type: 'tool', name: 'g' }, 'g'],
      [{ type: 'auto' }, undefined],
    ];
    for (const [tool_choice, name] of cases) {
      const { res, json } = await send({
        model: 'claude-sonnet-4-6',
        tools: [tool, g],
        tool_choice,
      });
      expect(res.status).toBe(200);
      const uses = json.content.filter((b: Json) => b.type === 'tool_use');
      expect(
        uses.map((u: Json) => u.name),
        JSON.stringify(tool_choice),
      ).toEqual(name ? [name] : []);
      expect(json.stop_reason).toBe(name ? 'tool_use' : 'end_turn');
    }
  });

  it('refuses tool_choice without tools', async () => {
    await refuses(
      { model: 'claude-sonnet-4-6', tool_choice: { type: 'auto' } },
      'tool_choice may only be specified while providing tools.',
      { model: 'claude-sonnet-4-6', tools: [tool], tool_choice: { type: 'auto' } },
    );
  });

  it('refuses tool results without a tool_use just before them', async () => {
    const use = { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} };
    const result = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'ok' });
    const turns = (id: string) => [
      { role: 'user', content: 'go' },
      { role: 'assistant', content: [use] },
      { role: 'user', content: [result(id)] },
    ];
    await refuses(
      { model: 'claude-sonnet-4-6', tools: [tool], messages: turns('toolu_2') },
      /unexpected `tool_use_id` found in `tool_result` blocks: toolu_2/,
      { model: 'claude-sonnet-4-6', tools: [tool], messages: turns('toolu_1') },
    );
  });
});

describe('POST /v1/messages: the JSON Schema subset of structured outputs and strict tools', () => {
  it.each([
    [
      'minimum',
      { type: 'integer', minimum: 0 },
      "For 'integer' type, property 'minimum' is not supported",
    ],
    [
      'maxLength',
      { type: 'string', maxLength: 5 },
      "For 'string' type, property 'maxLength' is not supported",
    ],
    [
      'multipleOf',
      { type: 'number', multipleOf: 2 },
      "For 'number' type, property 'multipleOf' is not supported",
    ],
    [
      'maxItems',
      { type: 'array', items: { type: 'string' }, maxItems: 3 },
      "For 'array' type, property 'maxItems' is not supported",
    ],
    [
      'minItems 2',
      { type: 'array', items: { type: 'string' }, minItems: 2 },
      "For 'array' type, 'minItems' values other than 0 or 1 are not supported",
    ],
    [
      'an unknown format',
      { type: 'string', format: 'color' },
      "For 'string' type, format 'color' is not supported",
    ],
    [
      'a backreference',
      { type: 'string', pattern: '(a)\\1' },
      /pattern '\(a\)\\1' uses regex features/,
    ],
  ])('refuses %s in output_config.format', async (_, prop, message) => {
    const fixed = Object.fromEntries(
      Object.entries(prop).filter(([k]) => ['type', 'items'].includes(k)),
    );
    const text = typeof message === 'string' ? `output_config.format.schema: ${message}` : message;
    await refuses(format(closed({ x: prop })), text, format(closed({ x: fixed })));
  });

  it('requires additionalProperties: false on every object', async () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    await refuses(
      format(closed({ inner: open })),
      "output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false",
      format(closed({ inner: { ...open, additionalProperties: false } })),
    );
    await refuses(
      format({ ...open, additionalProperties: true }),
      /'additionalProperties: true' is not supported/,
      format({ ...open, additionalProperties: false }),
    );
  });

  it('applies the subset to strict tools only', async () => {
    const schema = closed({ n: { type: 'integer', minimum: 1 } });
    await refuses(
      { model: 'claude-sonnet-4-6', tools: [{ name: 'f', strict: true, input_schema: schema }] },
      "tools.0.custom.input_schema: For 'integer' type, property 'minimum' is not supported",
      { model: 'claude-sonnet-4-6', tools: [{ name: 'f', input_schema: schema }] },
    );
  });

  it('keeps simple patterns, listed formats, minItems 1 and local $ref', async () => {
    const schema = closed({
      a: { type: 'string', pattern: '^[A-Z][a-z]+$', format: 'email' },
      b: { type: 'array', items: { $ref: '#/$defs/s' }, minItems: 1 },
    });
    const { res } = await send(format({ ...schema, $defs: { s: { type: 'string' } } }));
    expect(res.status).toBe(200);
  });
});

describe('POST /v1/messages: prompt-cache usage', () => {
  it('reports writes under 1-hour breakpoints as ephemeral_1h_input_tokens', async () => {
    const system = (text: string, ttl?: string) => [
      { type: 'text', text, cache_control: { type: 'ephemeral', ttl } },
    ];
    await control('cache1h', {});
    const hour = await send(
      { model: 'claude-sonnet-4-6', system: system('One prefix.', '1h') },
      'cache1h',
    );
    expect(hour.json.usage.cache_creation).toEqual({
      ephemeral_5m_input_tokens: 0,
      ephemeral_1h_input_tokens: hour.json.usage.cache_creation_input_tokens,
    });
    expect(hour.json.usage.cache_creation_input_tokens).toBeGreaterThan(0);
    const five = await send(
      { model: 'claude-sonnet-4-6', system: system('Another prefix.') },
      'cache1h',
    );
    expect(five.json.usage.cache_creation.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    expect(five.json.usage.cache_creation.ephemeral_1h_input_tokens).toBe(0);
  });
});
