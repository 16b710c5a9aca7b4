// The emulator's server plumbing (test/emulator/server.mjs, cli.mjs): CORS, request ids, the
// control API's request log, OpenAI-style 404/400/401 answers, and the CLI entry point.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chat, useEmulator, type Json } from './support/emulator-fixture.ts';

const emu = useEmulator();
const { post, postJson, control, log } = emu;

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

  it('lists models (GET /v1/models, a route the SDK does not call) with CORS', async () => {
    const res = await fetch(`${emu.url}/v1/models`, { headers: { authorization: 'Bearer sk-x' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as Json;
    expect(body.object).toBe('list');
    expect(body.data.map((m: Json) => m.id)).toContain('gpt-4o-mini');
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

  it('checks auth: bad-key always, a missing key unless the scenario opts out', async () => {
    const bad = await postJson('/v1/chat/completions', chat(), { authorization: 'Bearer bad-key' });
    expect(bad.res.status).toBe(401);
    expect(bad.json.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      param: null,
    });
    expect(bad.json.error.message).toContain('Incorrect API key provided: ba***ey.');
    const noKey = (path: string) =>
      fetch(`${emu.url}${path}`, { method: 'POST', body: JSON.stringify(chat()) });
    const none = await noKey('/v1/chat/completions');
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).error).toMatchObject({
      message: expect.stringMatching(/^You didn't provide an API key/),
      type: 'invalid_request_error',
      code: null,
    });
    await control('keyless', { requireAuth: false });
    expect((await noKey('/s/keyless/v1/chat/completions')).status).toBe(200);
    expect((await post('/s/keyless/v1/chat/completions', chat())).status).toBe(200);
  });

  it('echoKey: every dialect rejects any key with a 401 that repeats it', async () => {
    const key = 'sk-echo-0123456789abcdef';
    await control('echo', { echoKey: true });
    const openai = await postJson('/s/echo/v1/chat/completions', chat(), {
      authorization: `Bearer ${key}`,
    });
    expect(openai.res.status).toBe(401);
    expect(openai.json.error.message).toContain(`Incorrect API key provided: ${key}.`);
    const anthropic = await postJson(
      '/s/echo/v1/messages',
      { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] },
      { authorization: '', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
    );
    expect(anthropic.res.status).toBe(401);
    expect(anthropic.json.error).toEqual({
      type: 'authentication_error',
      message: `invalid x-api-key: ${key}`,
    });
    const gemini = await postJson(
      '/s/echo/v1beta/models/gemini-2.5-flash:generateContent',
      {},
      {
        authorization: '',
        'x-goog-api-key': key,
      },
    );
    expect(gemini.res.status).toBe(400);
    expect(gemini.json.error.details[0]).toMatchObject({ reason: 'API_KEY_INVALID' });
    expect(JSON.stringify(gemini.json)).toContain(key);
    const vertex = await postJson(
      '/s/echo/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
      {},
      { authorization: `Bearer ${key}` },
    );
    expect(vertex.res.status).toBe(401);
    expect(vertex.json.error.message).toContain(key);
  });
});

describe('cli', () => {
  it('prints EMULATOR_URL and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./emulator/cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The child is stopped even when an expectation fails, or it would outlive the test run.
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    try {
      const line = await new Promise<string>((resolve) =>
        child.stdout.once('data', (d) => resolve(String(d))),
      );
      expect(line).toMatch(/^EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = line.trim().slice('EMULATOR_URL='.length);
      const models = await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer sk-x' } });
      expect(models.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
