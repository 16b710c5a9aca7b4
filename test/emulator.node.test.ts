// Tests of the loopback provider emulator itself (test/emulator/*.mjs): control API, faults,
// CORS, and faithfulness of the OpenAI shapes the SDK tests rely on.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorHandle } from './emulator/server.mjs';
import { jsonFromSchema } from './emulator/json-from-schema.mjs';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
});

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(emu.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
async function postJson(path: string, body: unknown, headers?: Record<string, string>) {
  const res = await post(path, body, headers);
  return { res, json: (await res.json()) as Json };
}
async function control(id: string, config: unknown) {
  const res = await post(`/_control/${id}`, config);
  expect(res.status).toBe(200);
}
async function log(id: string): Promise<Json[]> {
  return ((await (await fetch(`${emu.url}/_control/${id}`)).json()) as Json).requests;
}
const chat = (extra: Json = {}) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello there world' }],
  ...extra,
});

describe('server basics', () => {
  it('answers a CORS preflight on any path', async () => {
    const res = await fetch(`${emu.url}/s/x/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(await log('x')).toEqual([]);
  });

  it('sends CORS and request-id headers on every response', async () => {
    const res = await post('/v1/chat/completions', chat());
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    for (const h of [
      'retry-after',
      'retry-after-ms',
      'x-request-id',
      'request-id',
      'x-emulator-request-count',
    ]) {
      expect(exposed).toContain(h);
    }
    expect(res.headers.get('x-request-id')).toMatch(/^req_\d+$/);
  });

  it('logs scenario requests (prefix stripped) and not control requests', async () => {
    await control('log', {});
    await post('/s/log/v1/chat/completions', chat());
    const res = await post('/s/log/v1/completions?x=1', { model: 'm', prompt: 'p' });
    expect(res.headers.get('x-emulator-request-count')).toBe('2');
    const requests = await log('log');
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/chat/completions'],
      ['POST', '/v1/completions?x=1'],
    ]);
    expect(requests[0].headers.authorization).toBe('Bearer sk-test');
    expect(requests[0].body).toEqual(chat());
    await post('/s/log/v1/chat/completions', 'not json');
    expect((await log('log'))[2].body).toBe('not json');
    await control('log', {}); // POST clears the log
    expect(await log('log')).toEqual([]);
    await post('/s/log/v1/chat/completions', chat());
    expect(await fetch(`${emu.url}/_control/log`, { method: 'DELETE' }).then((r) => r.status)).toBe(
      200,
    );
    expect(await log('log')).toEqual([]);
  });

  it('answers unknown paths and non-JSON bodies like OpenAI', async () => {
    const nf = await postJson('/v1/nope', {});
    expect(nf.res.status).toBe(404);
    expect(nf.json.error).toEqual({
      message: 'Invalid URL (POST /v1/nope)',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    const bad = await postJson('/v1/chat/completions', '{"model":');
    expect(bad.res.status).toBe(400);
    expect(bad.json.error.message).toMatch(/could not parse the JSON body/);
  });

  it('checks auth: bad-key always, missing key only with requireAuth', async () => {
    const bad = await postJson('/v1/chat/completions', chat(), { authorization: 'Bearer bad-key' });
    expect(bad.res.status).toBe(401);
    expect(bad.json.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      param: null,
    });
    expect(bad.json.error.message).toContain('Incorrect API key provided: ba***ey.');
    await control('auth', { requireAuth: true });
    const none = await fetch(`${emu.url}/s/auth/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chat()),
    });
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).error.message).toMatch(/didn't provide an API key/);
    expect((await post('/s/auth/v1/chat/completions', chat())).status).toBe(200);
  });
});

describe('faults', () => {
  it('status faults, repeated `times`, with headers and an OpenAI error body; all attempts logged', async () => {
    await control('f429', {
      faults: [{ status: 429, headers: { 'retry-after': '1', 'retry-after-ms': '5' }, times: 2 }],
    });
    for (let i = 0; i < 2; i++) {
      const { res, json } = await postJson('/s/f429/v1/chat/completions', chat());
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('retry-after-ms')).toBe('5');
      expect(json.error).toMatchObject({
        type: 'requests',
        code: 'rate_limit_exceeded',
        param: null,
      });
    }
    expect((await post('/s/f429/v1/chat/completions', chat())).status).toBe(200);
    expect(await log('f429')).toHaveLength(3);
  });

  it('status faults with custom json/body, consumed in order', async () => {
    await control('fcustom', {
      faults: [{ status: 500 }, { status: 418, json: { nope: 1 } }, { status: 503, body: 'down' }],
    });
    const a = await postJson('/s/fcustom/v1/chat/completions', chat());
    expect([a.res.status, a.json.error.type]).toEqual([500, 'server_error']);
    const b = await postJson('/s/fcustom/v1/chat/completions', chat());
    expect([b.res.status, b.json]).toEqual([418, { nope: 1 }]);
    const c = await post('/s/fcustom/v1/chat/completions', chat());
    expect([c.status, await c.text()]).toEqual([503, 'down']);
  });

  it('delayMs answers normally after the delay', async () => {
    await control('fdelay', { faults: [{ delayMs: 150 }] });
    const t0 = Date.now();
    const res = await post('/s/fdelay/v1/chat/completions', chat());
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('hang never answers (the client aborts), drop destroys the socket', async () => {
    await control('fhang', { faults: [{ hang: true }, { drop: true }] });
    await expect(
      fetch(`${emu.url}/s/fhang/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(chat()),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow();
    await expect(post('/s/fhang/v1/chat/completions', chat())).rejects.toThrow(TypeError);
    expect(await log('fhang')).toHaveLength(2);
  });

  it('malformedJson gives a 200 application/json that does not parse; html gives a proxy page', async () => {
    await control('fbody', { faults: [{ malformedJson: true }, { html: true, status: 502 }] });
    const m = await post('/s/fbody/v1/chat/completions', chat());
    expect(m.status).toBe(200);
    expect(m.headers.get('content-type')).toBe('application/json');
    await expect(m.json()).rejects.toThrow();
    const h = await post('/s/fbody/v1/chat/completions', chat());
    expect(h.status).toBe(502);
    expect(h.headers.get('content-type')).toBe('text/html');
    expect(await h.text()).toContain('<title>502 Bad Gateway</title>');
  });

  it('close() returns promptly while a request hangs', async () => {
    const e = await startEmulator();
    await fetch(`${e.url}/_control/h`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ hang: true }] }),
    });
    const pending = fetch(`${e.url}/s/h/v1/chat/completions`, { method: 'POST', body: '{}' }).catch(
      (err) => err,
    );
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await e.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});

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

  it('streams with OpenAI SSE framing ending in data: [DONE]', async () => {
    const res = await post(
      '/v1/chat/completions',
      chat({ stream: true, stream_options: { include_usage: true } }),
    );
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.every((f) => f.startsWith('data: ') && !f.includes('\n'))).toBe(true);
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.slice(6)));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id)).toBe(
      true,
    );
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Echo: hello there world');
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 7 } });
  });
});

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
      input: 'one two three',
      max_output_tokens: 2,
    });
    expect(json.output[0]).toMatchObject({
      type: 'reasoning',
      id: expect.stringMatching(/^rs_/),
      summary: [],
    });
    expect(json.status).toBe('incomplete');
    expect(json.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(json.output[1].content[0].text).toBe('Echo: one');
    expect(json.usage.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('honours text.format json_schema, custom tools and function tools', async () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
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

  it('streams typed events ending in response.completed', async () => {
    const text = await (
      await post('/v1/responses', { model: 'gpt-4o', input: 'hi', stream: true })
    ).text();
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((f) => f.split('\n')[0]!.slice('event: '.length));
    expect(events[0]).toBe('response.created');
    expect(events).toContain('response.output_text.delta');
    expect(events.at(-1)).toBe('response.completed');
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

describe('cli', () => {
  it('prints EMULATOR_URL and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./emulator/cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d) => resolve(String(d))),
    );
    expect(line).toMatch(/^EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().slice('EMULATOR_URL='.length);
    expect((await fetch(`${url}/v1/models`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
