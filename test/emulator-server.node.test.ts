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
