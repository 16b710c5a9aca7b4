// The emulator's three batch flows, by raw HTTP (test/emulator/openai-batch.mjs, anthropic-batch.mjs,
// gemini-batch.mjs): what each provider refuses is refused with its status and error body, and the
// nearest acceptable request passes; jobs advance per poll and end as the scenario says. The SDK side
// is in test/shared/cases-batch.mjs.
import { describe, expect, it } from 'vitest';
import { useEmulator, type Json } from './support/emulator-fixture.ts';

const emu = useEmulator();
const chatBody = (content = 'hi') => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content }],
});
const line = (id: string, body: Json = chatBody(), extra: Json = {}) =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body, ...extra });

async function upload(jsonl: string, { purpose = 'batch', name = 'in.jsonl' } = {}) {
  const form = new FormData();
  if (purpose) form.append('purpose', purpose);
  form.append('file', new Blob([jsonl]), name);
  const res = await fetch(`${emu.url}/v1/files`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test' },
    body: form,
  });
  return { res, json: (await res.json()) as Json };
}
const get = async (
  path: string,
  headers: Record<string, string> = { authorization: 'Bearer sk-test' },
) => {
  const res = await fetch(emu.url + path, { headers });
  const text = await res.text();
  return {
    res,
    text,
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined,
  };
};
const createBatch = (fileId: string, extra: Json = {}) =>
  emu.postJson('/v1/batches', {
    input_file_id: fileId,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    ...extra,
  });

describe('OpenAI batch emulation', () => {
  it('refuses uploads and batch creations the API refuses, and accepts the nearest valid one', async () => {
    expect((await upload('x', { purpose: '' })).json.error.message).toBe(
      "Missing required parameter: 'purpose'.",
    );
    const txt = await upload(line('a'), { name: 'in.txt' });
    expect(txt.res.status).toBe(400);
    expect(txt.json.error.message).toBe('Invalid file format for Batch API. Must be .jsonl');
    const file = await upload(line('a'));
    expect(file.res.status).toBe(200);
    expect(file.json).toMatchObject({ object: 'file', purpose: 'batch', filename: 'in.jsonl' });
    const window = await createBatch(file.json.id, { completion_window: '48h' });
    expect(window.res.status).toBe(400);
    expect(window.json.error.param).toBe('completion_window');
    expect((await createBatch('file-missing')).res.status).toBe(404);
    const ok = await createBatch(file.json.id);
    expect(ok.res.status).toBe(200);
    expect(ok.json).toMatchObject({ object: 'batch', status: 'validating' });
  });

  it('fails a batch whose lines break the rules, naming each line', async () => {
    const jsonl = [
      line('a'),
      line('a'),
      line('b', chatBody(), { url: '/v1/completions' }),
      line('c', { ...chatBody(), model: 'gpt-4o' }),
      '{not json',
    ].join('\n');
    const batch = await createBatch((await upload(jsonl)).json.id);
    const polled = await get(`/v1/batches/${batch.json.id}`);
    expect(polled.json.status).toBe('failed');
    expect(polled.json.errors.data.map((e: Json) => [e.code, e.line])).toEqual([
      ['duplicate_custom_id', 2],
      ['mismatched_endpoint', 3],
      ['model_mismatch', 4],
      ['invalid_json_line', 5],
    ]);
  });

  it('advances per poll, answers each line with the chat handler, puts refused lines in the error file', async () => {
    await emu.control('oa', { batch: { polls: 2 } });
    const notUpload = await emu.postJson('/s/oa/v1/files', { purpose: 'batch' });
    expect(notUpload.res.status).toBe(400);
    expect(notUpload.json.error.message).toMatch(/expected multipart\/form-data/);
    const form = new FormData();
    form.append('purpose', 'batch');
    const jsonl = [line('good'), line('bad', { ...chatBody(), n: 0 })].join('\n');
    form.append('file', new Blob([jsonl]), 'x.jsonl');
    const up = (await (
      await fetch(`${emu.url}/s/oa/v1/files`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk' },
        body: form,
      })
    ).json()) as Json;
    const batch = await emu.postJson('/s/oa/v1/batches', {
      input_file_id: up.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const first = await get(`/s/oa/v1/batches/${batch.json.id}`);
    expect(first.json.status).toBe('in_progress');
    expect(first.json.request_counts).toEqual({ total: 2, completed: 1, failed: 0 });
    const done = await get(`/s/oa/v1/batches/${batch.json.id}`);
    expect(done.json).toMatchObject({
      status: 'completed',
      request_counts: { completed: 1, failed: 1 },
    });
    const out = (await get(`/s/oa/v1/files/${done.json.output_file_id}/content`)).text
      .trim()
      .split('\n');
    expect(out.map((l) => JSON.parse(l).custom_id)).toEqual(['good']);
    expect(JSON.parse(out[0]!).response.status_code).toBe(200);
    const err = JSON.parse((await get(`/s/oa/v1/files/${done.json.error_file_id}/content`)).text);
    expect(err).toMatchObject({ custom_id: 'bad', response: { status_code: 400 } });
    expect(err.response.body.error.param).toBe('n');
  });
});

const anthropicHeaders = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user', content: 'hi' }],
};

describe('Anthropic batch emulation', () => {
  const create = (requests: Json, scenario = 'default') =>
    emu.postJson(`/s/${scenario}/v1/messages/batches`, { requests }, anthropicHeaders);

  it('refuses bad custom ids, duplicates and missing params, and accepts the nearest valid batch', async () => {
    for (const [requests, message] of [
      [[{ custom_id: 'has space', params }], /custom_id: String should match pattern/],
      [
        [
          { custom_id: 'a', params },
          { custom_id: 'a', params },
        ],
        /Duplicate custom_id 'a'/,
      ],
      [[{ custom_id: 'a' }], /requests\.0\.params: Field required/],
      [[{ custom_id: 'a', params, extra: 1 }], /Extra inputs are not permitted/],
      [[], /at least 1 item/],
    ] as const) {
      const { res, json } = await create(requests);
      expect(res.status, JSON.stringify(requests)).toBe(400);
      expect(json.error).toMatchObject({ type: 'invalid_request_error' });
      expect(json.error.message).toMatch(message);
    }
    const ok = await create([{ custom_id: 'a', params }]);
    expect(ok.res.status).toBe(200);
    expect(ok.json).toMatchObject({ type: 'message_batch', processing_status: 'in_progress' });
  });

  it('ends with results at results_url: succeeded, errored (the /v1/messages error), expired', async () => {
    await emu.control('an', { batch: { polls: 2, outcome: 'expired', processed: 2 } });
    const { json } = await create(
      [
        { custom_id: 'ok', params },
        { custom_id: 'bad', params: { ...params, seed: 1 } },
        { custom_id: 'late', params },
      ],
      'an',
    );
    const early = await get(`/s/an/v1/messages/batches/${json.id}/results`, anthropicHeaders);
    expect(early.res.status).toBe(400);
    await get(`/s/an/v1/messages/batches/${json.id}`, anthropicHeaders);
    const ended = (await get(`/s/an/v1/messages/batches/${json.id}`, anthropicHeaders)).json;
    expect(ended).toMatchObject({
      processing_status: 'ended',
      request_counts: { succeeded: 1, errored: 1, expired: 1, processing: 0 },
    });
    const path = new URL(ended.results_url).pathname;
    const lines = (await get(path, anthropicHeaders)).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.custom_id, l.result.type])).toEqual([
      ['ok', 'succeeded'],
      ['bad', 'errored'],
      ['late', 'expired'],
    ]);
    expect(lines[1].result.error.error.message).toMatch(/seed: Extra inputs are not permitted/);
  });
});

describe('Gemini batch emulation', () => {
  const path = '/v1beta/models/gemini-2.5-flash:batchGenerateContent';
  const headers = { 'x-goog-api-key': 'k' };
  const request = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };
  const batch = (extra: Json = {}) => ({
    batch: {
      displayName: 'b',
      inputConfig: { requests: { requests: [{ request, metadata: { key: 'k1' } }] } },
      ...extra,
    },
  });

  it('refuses a batch without displayName, with unknown members or no requests', async () => {
    for (const [body, message] of [
      [{ batch: { inputConfig: batch().batch.inputConfig } }, /display_name is required/],
      [batch({ colour: 'red' }), /Unknown name "colour" at 'batch'/],
      [batch({ inputConfig: { requests: { requests: [] } } }), /must not be empty/],
      [
        batch({ inputConfig: { requests: { requests: [{ request, foo: 1 }] } } }),
        /Unknown name "foo"/,
      ],
    ] as const) {
      const { res, json } = await emu.postJson(path, body, headers);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
      expect(json.error.message).toMatch(message);
    }
    expect((await emu.postJson(path, batch(), headers)).res.status).toBe(200);
  });

  it('advances PENDING, RUNNING, SUCCEEDED and returns inline responses with their metadata', async () => {
    await emu.control('gm', { batch: { polls: 2 } });
    const two = batch({
      inputConfig: {
        requests: {
          requests: [
            { request, metadata: { key: 'a' } },
            { request: { ...request, n: 2 }, metadata: { key: 'b' } },
          ],
        },
      },
    });
    const { json } = await emu.postJson(`/s/gm${path}`, two, headers);
    expect(json.metadata.state).toBe('BATCH_STATE_PENDING');
    expect((await get(`/s/gm/v1beta/${json.name}`, headers)).json.metadata.state).toBe(
      'BATCH_STATE_RUNNING',
    );
    const done = (await get(`/s/gm/v1beta/${json.name}`, headers)).json;
    expect(done).toMatchObject({ done: true, metadata: { state: 'BATCH_STATE_SUCCEEDED' } });
    const [ok, bad] = done.response.inlinedResponses.inlinedResponses;
    expect(ok.metadata).toEqual({ key: 'a' });
    expect(ok.response.candidates).toBeDefined();
    expect(bad).toMatchObject({ metadata: { key: 'b' }, error: { code: 3 } });
  });
});
