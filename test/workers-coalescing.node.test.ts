// Cloudflare Workers: no request may hang on another request's I/O (issue 9 item 20). A module Worker
// bundled from src/ (test/support/coalescing-worker.ts) runs in workerd through Miniflare and keeps
// one model across requests. Request A starts a call and answers early (no waitUntil), so workerd
// cancels A's upstream fetch; request B, the same call, must still answer. Identical calls within one
// request still share one upstream request.
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './emulator/server.mjs';

let emulator: EmulatorHandle;
let mf: Miniflare;
let n = 0;

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

beforeAll(async () => {
  emulator = await startEmulator();
  const out = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./support/coalescing-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'import', 'default'],
    write: false,
    // The package-internal imports, as the workers vitest project aliases them.
    plugins: [
      {
        name: 'internal-imports',
        setup(build) {
          build.onResolve({ filter: /^#key-file$/ }, () => ({
            path: src('keys/read-key-file.ts'),
          }));
          build.onResolve({ filter: /^#default-store$/ }, () => ({
            path: src('cache/default-store.ts'),
          }));
        },
      },
    ],
  });
  mf = new Miniflare({
    modules: true,
    script: out.outputFiles[0]!.text,
    compatibilityDate: '2026-04-01',
  });
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await emulator?.close();
});

/** A fresh emulator scenario: its endpoint and its request log. */
async function scenario(config: object) {
  const id = `wcoal${Date.now().toString(36)}${++n}`;
  await fetch(`${emulator.url}/_control/${id}`, { method: 'POST', body: JSON.stringify(config) });
  const requests = async () =>
    ((await (await fetch(`${emulator.url}/_control/${id}`)).json()) as { requests: unknown[] })
      .requests;
  return { endpoint: `${emulator.url}/s/${id}`, requests };
}

/** Sends a request to the Worker; the answer, or "hung" when none came in `ms`. */
async function ask(path: string, params: Record<string, string>, ms = 5000): Promise<unknown> {
  const url = `http://worker${path}?${new URLSearchParams(params)}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise((r) => (timer = setTimeout(() => r('hung'), ms)));
  try {
    return await Promise.race([mf.dispatchFetch(url).then((r) => r.json()), hung]);
  } finally {
    clearTimeout(timer);
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const store of ['one model', 'the default store'] as const) {
  it(`workerd, ${store}: A answers early, B (identical, concurrent) still answers`, async () => {
    const s = await scenario({ faults: [{ delayMs: 700 }, { delayMs: 700 }] });
    const params = {
      ep: s.endpoint,
      prompt: `early ${n}`,
      ...(store === 'one model' ? {} : { fresh: '1' }),
    };
    const a = ask('/early', params);
    await delay(50);
    const b = ask('/wait', params);
    expect(await a).toBe('early');
    expect(await b).toEqual({ text: `Echo: early ${n}`, cached: false });
    // B could not use A's request (workerd cancelled it): it sent its own.
    expect(await s.requests()).toHaveLength(2);
  });
}

it('workerd: two concurrent identical requests both answer', async () => {
  const s = await scenario({ faults: [{ delayMs: 300 }, { delayMs: 300 }] });
  const params = { ep: s.endpoint, prompt: `both ${n}` };
  const [a, b] = await Promise.all([
    ask('/wait', params),
    delay(50).then(() => ask('/wait', params)),
  ]);
  expect(a).toEqual({ text: `Echo: both ${n}`, cached: false });
  expect(b).toMatchObject({ text: `Echo: both ${n}` });
});

it('workerd: identical calls within one request share one upstream request', async () => {
  const s = await scenario({ faults: [{ delayMs: 200 }] });
  const answers = await ask('/twice', { ep: s.endpoint, prompt: `twice ${n}` });
  expect(answers).toEqual([
    { text: `Echo: twice ${n}`, cached: false },
    { text: `Echo: twice ${n}`, cached: true },
  ]);
  expect(await s.requests()).toHaveLength(1);
});

it('workerd: a token exchange started by another request is not joined', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const jwk = publicKey.export({ format: 'jwk' });
  const tok = await scenario({ reply: { publicKey: jwk }, faults: [{ delayMs: 700 }] });
  const s = await scenario({});
  const params = { ep: s.endpoint, vertex: '1', tok: tok.endpoint, pem, prompt: `token ${n}` };
  const a = ask('/early', params);
  await delay(50);
  const b = ask('/wait', params);
  expect(await a).toBe('early');
  expect(await b).toEqual({ text: `Echo: token ${n}`, cached: false });
  expect(await tok.requests()).toHaveLength(2);
});
