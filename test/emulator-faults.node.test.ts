// The emulator's scripted faults (test/emulator/faults.mjs): status codes with headers and bodies,
// delays, hangs, dropped sockets and broken bodies, which the SDK's retry and error tests rely on.
import { describe, it, expect } from 'vitest';
import { startEmulator } from './emulator/server.mjs';
import { chat, useEmulator, type Json } from './support/emulator-fixture.ts';

const emu = useEmulator();
const { post, postJson, control, log } = emu;

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

  it("Gemini's 429 says when to retry only in its body (RetryInfo), with no retry-after; OpenAI's keeps the header", async () => {
    const gemini = '/v1beta/models/gemini-2.5-flash:generateContent';
    const body = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };
    const key = { 'x-goog-api-key': 'k' };
    await control('g429', { rateLimit: { requests: 1, windowMs: 5_000 } });
    expect((await post(`/s/g429${gemini}`, body, key)).status).toBe(200);
    const { res, json } = await postJson(`/s/g429${gemini}`, body, key);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(json.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    const types = json.error.details.map((d: Json) => d['@type'].split('.').at(-1));
    expect(types).toEqual(['QuotaFailure', 'Help', 'RetryInfo']);
    expect(json.error.details[2].retryDelay).toMatch(/^[1-5]s$/);
    await control('o429', { rateLimit: { requests: 1, windowMs: 5_000 } });
    expect((await post('/s/o429/v1/chat/completions', chat())).status).toBe(200);
    const openai = await post('/s/o429/v1/chat/completions', chat());
    expect([openai.status, openai.headers.get('retry-after')]).toEqual([429, '5']);
    // A status fault's `retryDelay` goes in Google's body: the quota error for a 429, RetryInfo on another.
    await control('gfault', {
      faults: [
        { status: 429, retryDelay: '1.5s' },
        { status: 503, retryDelay: '2s' },
      ],
    });
    const a = await postJson(`/s/gfault${gemini}`, body, key);
    expect([a.res.status, a.res.headers.get('retry-after')]).toEqual([429, null]);
    expect(a.json.error.details.at(-1)).toEqual({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: '1.5s',
    });
    const b = await postJson(`/s/gfault${gemini}`, body, key);
    expect(b.res.status).toBe(503);
    expect(b.json.error.details).toEqual([
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' },
    ]);
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

  it('cut sends headers and half a body, then resets; stall sends the same, then nothing', async () => {
    await control('fcut', { faults: [{ cut: true }, { stall: true }] });
    const cut = await post('/s/fcut/v1/chat/completions', chat());
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    const stalled = await fetch(`${emu.url}/s/fcut/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chat()),
      signal: AbortSignal.timeout(300),
    });
    expect(stalled.status).toBe(200);
    await expect(stalled.text()).rejects.toThrow();
    expect(await log('fcut')).toHaveLength(2);
  });

  it('bytes sends a raw (non-UTF-8) body, hugeBytes a body of that size, contentType its type', async () => {
    await control('fbytes', {
      faults: [
        {
          bytes: Buffer.from([0xff, 0xfe, 0x41]).toString('base64'),
          contentType: 'application/json',
        },
        { status: 500, hugeBytes: 3_000_000 },
        { status: 200, body: '', contentType: 'application/json' },
      ],
    });
    const raw = await post('/s/fbytes/v1/chat/completions', chat());
    expect([raw.status, raw.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect([...new Uint8Array(await raw.arrayBuffer())]).toEqual([0xff, 0xfe, 0x41]);
    const huge = await post('/s/fbytes/v1/chat/completions', chat());
    expect([huge.status, (await huge.arrayBuffer()).byteLength]).toEqual([500, 3_000_000]);
    const empty = await post('/s/fbytes/v1/chat/completions', chat());
    expect([empty.headers.get('content-type'), await empty.text()]).toEqual([
      'application/json',
      '',
    ]);
  });

  it('/_closed_port names a loopback port that refuses connections', async () => {
    const { port } = (await (await fetch(`${emu.url}/_closed_port`)).json()) as { port: number };
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow(TypeError);
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
