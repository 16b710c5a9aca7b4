// Chat completions output the SDK's json/object/tool tests depend on: JSON mode, schema-shaped JSON
// (OpenAI and vLLM forms, via json-from-schema.mjs) and scripted reply overrides.
import { describe, it, expect } from 'vitest';
import { jsonFromSchema } from './emulator/json-from-schema.mjs';
import { chat, useEmulator } from './support/emulator-fixture.ts';

const { postJson, control } = useEmulator();

describe('POST /v1/chat/completions', () => {
  it('json_object requires the word json', async () => {
    const no = await postJson(
      '/v1/chat/completions',
      chat({ response_format: { type: 'json_object' } }),
    );
    expect(no.res.status).toBe(400);
    expect(no.json.error.message).toBe(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    );
    const yes = await postJson(
      '/v1/chat/completions',
      chat({
        response_format: { type: 'json_object' },
        messages: [{ role: 'user', content: 'Answer in JSON' }],
      }),
    );
    expect(JSON.parse(yes.json.choices[0].message.content)).toEqual({ echo: 'Answer in JSON' });
  });

  it('generates schema JSON for json_schema, structured_outputs and guided_json', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, n: { type: 'integer' } },
      required: ['city', 'n'],
      additionalProperties: false,
    };
    const rf = await postJson(
      '/v1/chat/completions',
      chat({
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema, strict: true } },
      }),
    );
    expect(JSON.parse(rf.json.choices[0].message.content)).toEqual({ city: 'example', n: 1 });
    const noName = await postJson(
      '/v1/chat/completions',
      chat({ response_format: { type: 'json_schema', json_schema: { schema } } }),
    );
    expect(noName.json.error.param).toBe('response_format.json_schema.name');
    const so = await postJson(
      '/v1/chat/completions',
      chat({ structured_outputs: { json: schema } }),
    );
    expect(JSON.parse(so.json.choices[0].message.content)).toEqual({ city: 'example', n: 1 });
    const gj = await postJson(
      '/v1/chat/completions',
      chat({ guided_json: JSON.stringify(schema) }),
    );
    expect(JSON.parse(gj.json.choices[0].message.content)).toEqual({ city: 'example', n: 1 });
  });

  it('applies reply overrides: tool calls, reasoning field, model, usage', async () => {
    await control('reply', {
      reply: {
        toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }],
        reasoning: 'think',
        reasoningField: 'reasoning',
        model: 'served-model',
        usage: { prompt_tokens_details: { cached_tokens: 3 } },
      },
    });
    const tools = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
    ];
    const { json } = await postJson('/s/reply/v1/chat/completions', chat({ tools }));
    const choice = json.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.reasoning).toBe('think');
    expect(choice.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^call_/),
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
    ]);
    expect(json.model).toBe('served-model');
    expect(json.usage.prompt_tokens_details.cached_tokens).toBe(3);
  });
});

describe('jsonFromSchema', () => {
  it('covers refs, enums, unions, arrays and optional properties', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { enum: ['a', 'b'] },
        fixed: { const: 7 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        price: { type: 'number' },
        maybe: { anyOf: [{ type: 'null' }, { type: 'string' }] },
        item: { $ref: '#/$defs/Item' },
        legacy: { $ref: '#/definitions/Flag' },
        nullableInt: { type: ['integer', 'null'], minimum: 5 },
      },
      required: ['kind'],
      $defs: { Item: { type: 'object', properties: { id: { type: 'integer' } } } },
      definitions: { Flag: { type: 'boolean' } },
    };
    expect(jsonFromSchema(schema)).toEqual({
      kind: 'a',
      fixed: 7,
      tags: ['example', 'example'],
      price: 1.5,
      maybe: null,
      item: { id: 1 },
      legacy: true,
      nullableInt: 5,
    });
  });
});
