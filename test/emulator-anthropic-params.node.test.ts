// More of the Anthropic dialect's request rules, by raw fetch (see emulator-anthropic.node.test.ts for
// the pattern): the request members the API takes, thinking forms and sampling per model, structured
// outputs per model, image types, and the auth answers (request ids, the echoKey scenario option).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_PARAMS } from './emulator/anthropic-validate.mjs';
import { useEmulator, type Json } from './support/emulator-fixture.ts';

const { post, postJson, control } = useEmulator();
const headers = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
const hi = [{ role: 'user', content: 'hi' }];
const send = (body: Json, extra: Record<string, string> = {}, scenario = 'default') =>
  postJson(
    `/s/${scenario}/v1/messages`,
    { max_tokens: 4096, messages: hi, ...body },
    { ...headers, ...extra },
  );

/** Expects Anthropic's 400 envelope with exactly this message, and a 200 for `fixed`. */
async function refuses(body: Json, message: string, fixed: Json) {
  const { res, json } = await send(body);
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message } });
  const ok = await send(fixed);
  expect(ok.res.status, `${JSON.stringify(fixed)}: ${JSON.stringify(ok.json)}`).toBe(200);
}

describe('POST /v1/messages: request members', () => {
  it('lists the members of CreateMessageParams in the Anthropic spec', () => {
    const spec = JSON.parse(
      readFileSync(new URL('../../shared/specs/anthropic-openapi.json', import.meta.url), 'utf8'),
    );
    const params = spec.components.schemas.CreateMessageParams;
    expect(params.additionalProperties).toBe(false);
    expect([...MESSAGE_PARAMS].sort()).toEqual(Object.keys(params.properties).sort());
  });

  it('refuses other members, unless a beta is asked for', async () => {
    const model = 'claude-sonnet-4-6';
    await refuses({ model, seed: 1 }, 'seed: Extra inputs are not permitted', { model });
    const beta = await send({ model, context_management: {} }, { 'anthropic-beta': 'x-2025' });
    expect(beta.res.status).toBe(200);
  });
});

describe('POST /v1/messages: thinking forms and sampling', () => {
  it('refuses adaptive thinking before Claude Opus 4.6, takes it since', async () => {
    for (const model of ['claude-sonnet-4-5', 'claude-opus-4-5', 'claude-haiku-4-5-20251001']) {
      await refuses(
        { model, thinking: { type: 'adaptive' } },
        'adaptive thinking is not supported on this model',
        { model, thinking: { type: 'enabled', budget_tokens: 2048 } },
      );
    }
    for (const model of ['claude-opus-4-6', 'claude-sonnet-4-6', 'claude-opus-4-7']) {
      const { res } = await send({ model, thinking: { type: 'adaptive' } });
      expect(res.status, model).toBe(200);
    }
  });

  it('refuses temperature, low top_p and top_k with adaptive thinking too', async () => {
    const on = { model: 'claude-sonnet-4-6', thinking: { type: 'adaptive' } };
    await refuses(
      { ...on, temperature: 0.5 },
      '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.',
      { ...on, temperature: 1 },
    );
    await refuses(
      { ...on, top_p: 0.5 },
      '`top_p` must be greater than or equal to 0.95 or unset when thinking is enabled.',
      { ...on, top_p: 0.95 },
    );
    await refuses({ ...on, top_k: 5 }, '`top_k` is not supported when thinking is enabled.', on);
  });
});

describe('POST /v1/messages: structured outputs by model', () => {
  const schema = { type: 'object', properties: {}, additionalProperties: false };
  const format = { format: { type: 'json_schema', schema } };
  it('refuses output_config.format before Claude Sonnet 4.5', async () => {
    for (const model of ['claude-opus-4-1', 'claude-sonnet-4-0', 'claude-3-7-sonnet-20250219']) {
      await refuses(
        { model, output_config: format },
        `output_config.format: structured outputs are not supported on ${model}`,
        { model },
      );
    }
    for (const model of ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-5', 'x-unknown']) {
      expect((await send({ model, output_config: format })).res.status, model).toBe(200);
    }
  });

  it('refuses strict tools there too', async () => {
    const tool = { name: 'f', input_schema: schema };
    await refuses(
      { model: 'claude-opus-4-1', tools: [tool, { ...tool, name: 'g', strict: true }] },
      'tools.1.custom.strict: strict tool use is not supported on claude-opus-4-1',
      { model: 'claude-opus-4-1', tools: [tool] },
    );
  });
});

describe('POST /v1/messages: images and auth', () => {
  it('takes base64 images of the four image types only', async () => {
    const image = (media_type: string) => [
      {
        role: 'user',
        content: [{ type: 'image', source: { type: 'base64', media_type, data: 'AAAA' } }],
      },
    ];
    await refuses(
      { model: 'claude-sonnet-4-6', messages: image('image/svg+xml') },
      "messages.0.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'",
      { model: 'claude-sonnet-4-6', messages: image('image/webp') },
    );
  });

  it('sends request-id (no x-request-id), the same id as the body', async () => {
    const { res, json } = await send({ model: 'claude-sonnet-4-6', seed: 1 });
    expect(res.headers.get('x-request-id')).toBeNull();
    expect(res.headers.get('request-id')).toBe(json.request_id);
    expect(json.request_id).toMatch(/^req_011C/);
  });

  it('quotes a refused key in the 401 only when the scenario sets echoKey', async () => {
    const key = 'bad-key-sk-ant-api03-abcdef';
    const auth = async (scenario: string) => {
      const res = await post(
        `/s/${scenario}/v1/messages`,
        { model: 'claude-sonnet-4-6', max_tokens: 10, messages: hi },
        { ...headers, 'x-api-key': key },
      );
      expect(res.status).toBe(401);
      return (await res.json()) as Json;
    };
    await control('echo-on', { echoKey: true });
    expect((await auth('echo-on')).error).toEqual({
      type: 'authentication_error',
      message: `invalid x-api-key: ${key}`,
    });
    expect((await auth('default')).error.message).toBe('invalid x-api-key');
  });
});
