// The emulator refuses what OpenAI and Google refuse, with their status and error bodies (issue 15):
// raw requests, once, in Node. That the SDK never sends these requests is checked in every runtime
// by test/shared/cases-openai-wire.mjs and cases-google-thinking.mjs.
import { describe, expect, it } from 'vitest';
import { FLAG_BITS } from '../src/registry/model-row.ts';
import { FLAGS } from './emulator/registry-data.mjs';
import { chat, useEmulator, type Json } from './support/emulator-fixture.ts';

const { post, postJson, control } = useEmulator();

async function refused(path: string, body: Json, status = 400) {
  const { res, json } = await postJson(path, body);
  expect(res.status, JSON.stringify(json)).toBe(status);
  expect(Object.keys(json.error).sort()).toEqual(
    status >= 400 && 'code' in json.error && 'type' in json.error
      ? ['code', 'message', 'param', 'type']
      : ['code', 'message', 'status'],
  );
  return json.error;
}
const ok = async (path: string, body: Json) => {
  const res = await post(path, body);
  expect(res.status, await res.clone().text()).toBe(200);
};

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'number' } },
  required: ['name', 'age'],
  additionalProperties: false,
};
const strictFormat = (schema: Json, name = 'person') => ({
  response_format: { type: 'json_schema', json_schema: { name, schema, strict: true } },
});

describe('OpenAI dialect: request rules', () => {
  it('reads the same flag bits as the registry', () => {
    expect(FLAGS).toEqual(FLAG_BITS);
  });

  it('refuses tools: [] and tool_choice without tools', async () => {
    expect(await refused('/v1/chat/completions', chat({ tools: [] }))).toMatchObject({
      param: 'tools',
      code: 'empty_array',
      message: expect.stringContaining("Invalid 'tools': empty array."),
    });
    const choice = await refused('/v1/chat/completions', chat({ tool_choice: 'auto' }));
    expect(choice).toMatchObject({ param: 'tool_choice' });
    expect(choice.message).toContain("'tool_choice' is only allowed when 'tools' are specified");
  });

  it('serves /v1/completions only to completion models, and chat only to chat models', async () => {
    const body = { prompt: 'Once upon', max_tokens: 5 };
    const chatModel = await refused('/v1/completions', { model: 'gpt-4o', ...body }, 404);
    expect(chatModel.message).toContain('This is a chat model and not supported');
    await ok('/v1/completions', { model: 'gpt-3.5-turbo-instruct', ...body });
    await ok('/v1/completions', { model: 'davinci-002', ...body });
    await ok('/v1/completions', { model: 'meta-llama/Llama-3.1-8B', ...body }); // vLLM ids
    const instruct = await refused(
      '/v1/chat/completions',
      chat({ model: 'gpt-3.5-turbo-instruct' }),
      404,
    );
    expect(instruct.message).toContain('This is not a chat model');
  });

  it('refuses sampling parameters and stop on reasoning models, by the registry', async () => {
    for (const [param, value] of [
      ['top_p', 0.5],
      ['presence_penalty', 0.1],
      ['frequency_penalty', 0.1],
      ['logprobs', true],
      ['top_logprobs', 2],
      ['logit_bias', { '1': 2 }],
      ['stop', ['\n']],
    ] as const) {
      expect(await refused('/v1/chat/completions', chat({ model: 'o3', [param]: value }))).toEqual({
        message: `Unsupported parameter: '${param}' is not supported with this model.`,
        type: 'invalid_request_error',
        param,
        code: 'unsupported_parameter',
      });
      await ok('/v1/chat/completions', chat({ model: 'gpt-4o', [param]: value }));
    }
    const temp = await refused('/v1/chat/completions', chat({ model: 'gpt-5.4', temperature: 0 }));
    expect(temp).toMatchObject({ param: 'temperature', code: 'unsupported_value' });
    await ok('/v1/chat/completions', chat({ model: 'gpt-5.4', temperature: 1 }));
    const limit = await refused('/v1/chat/completions', chat({ model: 'o3-mini', max_tokens: 9 }));
    expect(limit).toMatchObject({ param: 'max_tokens', code: 'unsupported_parameter' });
  });

  it('checks strict json_schema by the Structured Outputs rules', async () => {
    await ok('/v1/chat/completions', chat(strictFormat(person)));
    const { additionalProperties: _open, ...open } = person;
    const cases: Array<[Json, string]> = [
      [open, "In context=(), 'additionalProperties' is required to be supplied and to be false."],
      [
        { ...person, required: ['name'] },
        "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'age'.",
      ],
      [
        { ...person, properties: { ...person.properties, name: { type: 'string', minLength: 2 } } },
        "In context=('properties', 'name'), 'minLength' is not permitted.",
      ],
      [
        {
          ...person,
          properties: { ...person.properties, name: { type: 'string', format: 'uri' } },
        },
        "In context=('properties', 'name'), 'uri' is not a valid format.",
      ],
      [
        { type: 'array', items: person },
        'schema must be a JSON Schema of \'type: "object"\', got \'type: "array"\'.',
      ],
    ];
    for (const [schema, problem] of cases) {
      expect(await refused('/v1/chat/completions', chat(strictFormat(schema)))).toEqual({
        message: `Invalid schema for response_format 'person': ${problem}`,
        type: 'invalid_request_error',
        param: 'response_format',
        code: 'invalid_json_schema',
      });
    }
    // Without strict, the same open schema is taken.
    const loose = { type: 'json_schema', json_schema: { name: 'p', schema: open } };
    await ok('/v1/chat/completions', chat({ response_format: loose }));
    const name = await refused('/v1/chat/completions', chat(strictFormat(person, 'a person')));
    expect(name).toMatchObject({ param: 'response_format.json_schema.name' });
    expect(name.message).toContain("Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'");
  });

  it('checks strict function tools the same way', async () => {
    const tool = (parameters: Json) => ({
      type: 'function',
      function: { name: 'lookup', parameters, strict: true },
    });
    await ok('/v1/chat/completions', chat({ tools: [tool(person)] }));
    const error = await refused(
      '/v1/chat/completions',
      chat({ tools: [tool({ ...person, required: ['name'] })] }),
    );
    expect(error).toMatchObject({
      param: 'tools[0].function.parameters',
      code: 'invalid_function_parameters',
    });
    expect(error.message).toMatch(/^Invalid schema for function 'lookup': In context=\(\)/);
  });

  it('refuses tool results that answer no call, and calls left unanswered', async () => {
    const call = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    };
    const user = { role: 'user', content: 'hi' };
    const result = { role: 'tool', tool_call_id: 'call_1', content: 'done' };
    await ok('/v1/chat/completions', chat({ messages: [user, call, result] }));
    const orphan = await refused('/v1/chat/completions', chat({ messages: [user, result] }));
    expect(orphan.message).toBe(
      "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
    );
    expect(orphan.param).toBe('messages.[1].role');
    const open = await refused('/v1/chat/completions', chat({ messages: [user, call, user] }));
    expect(open.message).toContain(
      'The following tool_call_ids did not have response messages: call_1',
    );
  });

  it('refuses unknown model ids when the scenario asks for strictness', async () => {
    await control('strict-models', { strictModels: true });
    const body = chat({ model: 'gpt-4o-typo' });
    const error = await refused('/s/strict-models/v1/chat/completions', body, 404);
    expect(error).toMatchObject({ code: 'model_not_found' });
    expect(error.message).toBe(
      'The model `gpt-4o-typo` does not exist or you do not have access to it.',
    );
    await ok('/s/strict-models/v1/chat/completions', chat({ model: 'grok-4.3' }));
    await ok('/v1/chat/completions', body); // lenient by default
  });

  it('takes tool_choice as one of three words or a declared function, and forced choices call it', async () => {
    const fn = (name: string) => ({
      type: 'function',
      function: { name, parameters: { type: 'object', properties: { q: { type: 'string' } } } },
    });
    const tools = [fn('f'), fn('g')];
    expect(await refused('/v1/chat/completions', chat({ tools, tool_choice: 'any' }))).toEqual({
      message: "Invalid value: 'any'. Supported values are: 'none', 'auto', and 'required'.",
      type: 'invalid_request_error',
      param: 'tool_choice',
      code: 'invalid_value',
    });
    const named = (name: string) => ({ type: 'function', function: { name } });
    const unknown = await refused('/v1/chat/completions', chat({ tools, tool_choice: named('h') }));
    expect(unknown).toMatchObject({
      message: "Tool choice 'h' not found in 'tools' parameter.",
      param: 'tool_choice',
    });
    const flat = { type: 'function', name: 'g' }; // the Responses API's form
    expect(await refused('/v1/chat/completions', chat({ tools, tool_choice: flat }))).toMatchObject(
      { param: 'tool_choice' },
    );
    const called = async (tool_choice: Json) => {
      const { json } = await postJson('/v1/chat/completions', chat({ tools, tool_choice }));
      return json.choices[0].message.tool_calls?.map((c: Json) => c.function.name);
    };
    expect(await called('auto')).toBeUndefined();
    expect(await called('none')).toBeUndefined();
    expect(await called('required')).toEqual(['f']);
    expect(await called(named('g'))).toEqual(['g']);
  });

  it("refuses content parts that are not OpenAI's", async () => {
    const user = (part: Json) => chat({ messages: [{ role: 'user', content: [part] }] });
    const image = await refused('/v1/chat/completions', user({ type: 'image', url: 'x' }));
    expect(image).toMatchObject({ param: 'messages[0].content[0].type', code: 'invalid_value' });
    expect(image.message).toContain("Invalid value: 'image'. Supported values are: 'text'");
    const noUrl = await refused('/v1/chat/completions', user({ type: 'image_url', image_url: {} }));
    expect(noUrl).toMatchObject({ param: 'messages[0].content[0].image_url.url' });
    await ok(
      '/v1/chat/completions',
      user({ type: 'image_url', image_url: { url: 'https://x/a.png' } }),
    );
  });

  it('serves versioned mounts as given, and not twice-versioned paths', async () => {
    for (const mount of ['/v1', '/v1beta/openai', '/api/v4', '/openai/v1'])
      await ok(`${mount}/chat/completions`, chat());
    expect((await post('/v1/v1/chat/completions', chat())).status).toBe(404);
    expect((await post('/v1beta/openai/v1/chat/completions', chat())).status).toBe(404);
  });
});

const gemini = (model: string, body: Json) =>
  postJson(
    `/v1beta/models/${model}:generateContent`,
    { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], ...body },
    { 'x-goog-api-key': 'k' },
  );
async function googleRefused(model: string, body: Json) {
  const { res, json } = await gemini(model, body);
  expect(res.status, JSON.stringify(json)).toBe(400);
  expect(json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  return json.error.message as string;
}
async function googleOk(model: string, body: Json) {
  const { res, json } = await gemini(model, body);
  expect(res.status, JSON.stringify(json)).toBe(200);
}
const thinking = (thinkingConfig: Json) => ({ generationConfig: { thinkingConfig } });

describe('Gemini dialect: request rules', () => {
  it('takes only the thinking levels each model has, from the registry', async () => {
    expect(
      await googleRefused('gemini-3-pro-preview', thinking({ thinkingLevel: 'MINIMAL' })),
    ).toBe(
      'Thinking level MINIMAL is not supported for this model. Please retry with other thinking level.',
    );
    await googleRefused('gemini-3-pro-preview', thinking({ thinkingLevel: 'MEDIUM' }));
    await googleOk('gemini-3-pro-preview', thinking({ thinkingLevel: 'LOW' }));
    await googleOk('gemini-3.1-pro-preview', thinking({ thinkingLevel: 'MEDIUM' }));
    await googleOk('gemini-3-flash-preview', thinking({ thinkingLevel: 'MINIMAL' }));
    expect(await googleRefused('gemini-2.5-flash', thinking({ thinkingLevel: 'LOW' }))).toBe(
      'Thinking level is not supported for this model.',
    );
  });

  it("takes thinking budgets in each model's range", async () => {
    expect(await googleRefused('gemini-2.5-pro', thinking({ thinkingBudget: 50000 }))).toBe(
      'The thinking budget (50000) is invalid.',
    );
    await googleRefused('gemini-2.5-pro', thinking({ thinkingBudget: 0 }));
    await googleRefused('gemini-2.5-flash-lite', thinking({ thinkingBudget: 100 }));
    await googleOk('gemini-2.5-flash-lite', thinking({ thinkingBudget: 0 }));
    await googleOk('gemini-2.5-pro', thinking({ thinkingBudget: 128 }));
    await googleOk('gemini-2.5-flash', thinking({ thinkingBudget: -1 }));
  });

  it('needs a JSON MIME type for a response schema', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const message = await googleRefused('gemini-2.5-flash', {
      generationConfig: { responseJsonSchema: schema },
    });
    expect(message).toContain('response_mime_type: must be application/json');
    await googleOk('gemini-2.5-flash', {
      generationConfig: { responseJsonSchema: schema, responseMimeType: 'application/json' },
    });
  });

  it('refuses members the API does not define, in the body, generationConfig and parts', async () => {
    expect(await googleRefused('gemini-2.5-flash', { n: 2 })).toBe(
      'Invalid JSON payload received. Unknown name "n": Cannot find field.',
    );
    expect(await googleRefused('gemini-2.5-flash', { generationConfig: { max_tokens: 5 } })).toBe(
      'Invalid JSON payload received. Unknown name "max_tokens" at \'generation_config\': Cannot find field.',
    );
    const parts = (part: Json) => ({ contents: [{ role: 'user', parts: [{ text: 'a' }, part] }] });
    expect(await googleRefused('gemini-2.5-flash', parts({ type: 'image', url: 'x' }))).toBe(
      'Invalid JSON payload received. Unknown name "type" at \'contents[0].parts[1]\': Cannot find field.',
    );
    expect(
      await googleRefused('gemini-2.5-flash', parts({ inlineData: { data: 'AA==' } })),
    ).toContain('inline_data');
    expect(
      await googleRefused('gemini-2.5-flash', parts({ fileData: { mimeType: 'image/png' } })),
    ).toContain('file_uri');
    await googleOk('gemini-2.5-flash', {
      ...parts({ inlineData: { mimeType: 'image/png', data: 'AA==' } }),
      safetySettings: [],
      generationConfig: { candidateCount: 1, topK: 3 },
    });
    // Vertex has `labels`, the Gemini API does not.
    expect(await googleRefused('gemini-2.5-flash', { labels: { team: 'a' } })).toContain(
      '"labels"',
    );
    const { res } = await postJson(
      '/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
      { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], labels: { team: 'a' } },
    );
    expect(res.status).toBe(200);
  });

  it('refuses a part with no data, such as an empty text (a signature is not data), as Google does', async () => {
    const user = (text: string) => ({ role: 'user', parts: [{ text }] });
    const empty = { text: '', thoughtSignature: 'skip_thought_signature_validator' };
    expect(
      await googleRefused('gemini-2.5-flash', {
        contents: [user('hi'), { role: 'model', parts: [empty] }, user('again')],
      }),
    ).toBe(
      "* GenerateContentRequest.contents[1].parts[0].data: required oneof field 'data' must have one initialized field\n",
    );
    expect(
      await googleRefused('gemini-2.5-flash', { systemInstruction: { parts: [{ text: '' }] } }),
    ).toContain('GenerateContentRequest.system_instruction.parts[0].data: required oneof field');
    const { res, json } = await postJson(
      '/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
      { contents: [user('')] },
    );
    expect([res.status, json.error.message]).toEqual([
      400,
      expect.stringContaining('empty text parameter'),
    ]);
    // Two user turns in a row are taken.
    await googleOk('gemini-2.5-flash', { contents: [user('hi'), user('again')] });
  });

  it('refuses function names that do not start with a letter or an underscore', async () => {
    const declare = (name: string) => ({
      tools: [{ functionDeclarations: [{ name, parametersJsonSchema: { type: 'object' } }] }],
    });
    for (const name of ['1f', '-f', 'get weather', 'x'.repeat(65)]) {
      expect(await googleRefused('gemini-2.5-flash', declare(name))).toContain(
        'function_declarations[0].name: Invalid function name. Must start with a letter or an underscore.',
      );
    }
    for (const name of ['_f', 'ns.get:weather-2', 'x'.repeat(64)])
      await googleOk('gemini-2.5-flash', declare(name));
  });

  it('takes allowedFunctionNames only with mode ANY, and a toolConfig only with functions', async () => {
    const tools = [
      { functionDeclarations: [{ name: 'f', parametersJsonSchema: { type: 'object' } }] },
    ];
    const config = (mode: string) => ({
      tools,
      toolConfig: { functionCallingConfig: { mode, allowedFunctionNames: ['f'] } },
    });
    expect(await googleRefused('gemini-2.5-flash', config('AUTO'))).toContain(
      'allowed_function_names should only be set when the mode is ANY or VALIDATED',
    );
    await googleOk('gemini-2.5-flash', config('ANY'));
    expect(
      await googleRefused('gemini-2.5-flash', {
        toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      }),
    ).toBe('Function calling config is set without function_declarations.');
  });

  it('refuses function declarations beside a JSON response before Gemini 3, unless mode NONE', async () => {
    const body = (mode?: string) => ({
      tools: [{ functionDeclarations: [{ name: 'f', parametersJsonSchema: { type: 'object' } }] }],
      generationConfig: { responseMimeType: 'application/json' },
      ...(mode ? { toolConfig: { functionCallingConfig: { mode } } } : {}),
    });
    for (const model of ['gemini-2.5-flash', 'gemini-2.0-flash'])
      expect(await googleRefused(model, body())).toBe(
        "Function calling with a response mime type: 'application/json' is unsupported",
      );
    await googleOk('gemini-2.5-flash', body('NONE'));
    await googleOk('gemini-3-flash-preview', body());
  });
});
