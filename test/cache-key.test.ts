// Hashing for cache keys where WebCrypto is missing (issue 9 item 15), in Node and Chromium: the
// pure SHA-256 gives WebCrypto's digests, and a model in a runtime without `crypto.subtle` (an http
// page, some webviews) still caches, under the very keys WebCrypto gives.
import { afterEach, expect, inject, it, vi } from 'vitest';
import { memoryStore } from '../src/cache/index.ts';
import { canonicalJson } from '../src/core/canonical-json.ts';
import { sha256 } from '../src/core/sha256.ts';
import { CACHE_KEY_VERSION } from '../src/pipeline/cache-key.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
afterEach(() => vi.unstubAllGlobals());

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const subtleHex = async (bytes: Uint8Array<ArrayBuffer>) =>
  hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));

it('the pure SHA-256 gives the published test vectors and WebCrypto’s digest for every length', async () => {
  const text = (s: string) => new TextEncoder().encode(s);
  expect(hex(sha256(text('')))).toBe(
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  expect(hex(sha256(text('abc')))).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
  expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  // Every padding case (lengths around each 64-byte block), random bytes, and 1 MB of UTF-8.
  for (let length = 0; length < 200; length++) {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    expect(hex(sha256(bytes)), `length ${length}`).toBe(await subtleHex(bytes));
  }
  const big = text('Grüße 👋 '.repeat(100_000));
  expect(hex(sha256(big))).toBe(await subtleHex(big));
});

it('without crypto.subtle a call is still cached, under the key WebCrypto gives', async () => {
  const sc = await scenario(emulatorUrl);
  const prompt = uniquePrompt('no subtle');
  const model = (cache: ReturnType<typeof memoryStore>) =>
    new OpenAIModel({ endpoint: sc.endpoint, apiKey: 'sk-test', cache, onWarning: () => {} });

  // First, so that the pure hash computes these texts' digests (keys of recent texts are memoized).
  const withoutSubtle = memoryStore();
  const { getRandomValues, randomUUID } = crypto;
  vi.stubGlobal('crypto', {
    getRandomValues: getRandomValues.bind(crypto),
    randomUUID: randomUUID.bind(crypto),
  });
  expect(globalThis.crypto.subtle).toBeUndefined();
  const plain = model(withoutSubtle);
  expect((await plain.chat(prompt)).cached).toBe(false);
  expect((await plain.chat(prompt)).cached).toBe(true);
  vi.unstubAllGlobals();

  // The key WebCrypto gives, derived here from the request the emulator saw.
  const [request] = await sc.requests();
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const endpoint = sc.endpoint.replace(/\/+$/, '');
  const group = await subtleHex(utf8(canonicalJson([endpoint, plain.model])));
  const call = await subtleHex(
    utf8(
      canonicalJson({
        v: CACHE_KEY_VERSION,
        provider: 'openai',
        endpoint,
        model: plain.model,
        method: 'chat',
        path: request!.path, // the emulator logs it below the scenario's prefix
        body: request!.body,
      }),
    ),
  );
  expect(await withoutSubtle.keys!()).toEqual([`openai/${group.slice(0, 16)}/${call}`]);
  // And a model with WebCrypto finds the entry under that key.
  const withSubtle = memoryStore();
  await model(withSubtle).chat(prompt);
  expect(await withSubtle.keys!()).toEqual(await withoutSubtle.keys!());
  expect(await sc.requests()).toHaveLength(2);
});
