// The filesystem store in Node: the conformance suite, plus what only files can show: the on-disk
// layout, a second process reusing the cache, healing of corrupt files through real calls, an
// unwritable folder, atomic replacement, and coalescing into one file.
import { link, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gunzipSync } from 'node:zlib';
import { afterAll, expect, inject, it } from 'vitest';
import { fsStore } from '../src/cache/fs/index.ts';
import { tableCrc32 } from '../src/cache/fs/stored-gzip.ts';
import { SHA256_HEX, sha256Hex } from '../src/core/sha256-hex.ts';
import { cacheKey } from '../src/pipeline/cache-key.ts';
import * as cache from '../src/cache/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import { runCacheChild } from './support/build-cache-child.ts';
import {
  cacheStoreCases,
  entryOf,
  randomKey,
  sampleResponse,
} from './conformance/cache-store-suite.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
const root = await mkdtemp(join(tmpdir(), 'alea-fs-cache-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);

async function files(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return all.map(String).filter((f) => /\.(gz|tmp)$/.test(f));
}

for (const [name, fn] of cacheStoreCases(
  async (onWarning) => {
    const dir = freshDir();
    const store = fsStore({ dir, onWarning });
    return {
      store,
      async corrupt(key, mode) {
        const path = join(dir, `${key}.json.gz`);
        const bytes = await readFile(path);
        await writeFile(path, mode === 'truncate' ? bytes.subarray(0, bytes.length >> 1) : 'junk');
      },
    };
  },
  { label: 'fs (node)', sdk: { cache, openai }, emulatorUrl, corruptible: true },
))
  it(name, fn);

it('lays entries out as {provider}/{16hex}/{64hex}.json.gz, plain gzip of the entry JSON', async () => {
  const dir = freshDir();
  const key = randomKey();
  const entry = entryOf(sampleResponse('layout'));
  await fsStore({ dir }).set(key, entry);
  expect(await files(dir)).toEqual([`${key}.json.gz`]);
  expect(key).toMatch(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/);
  expect(JSON.parse(gunzipSync(await readFile(join(dir, `${key}.json.gz`))).toString())).toEqual(
    entry,
  );
});

it('computes the same CRC-32 in JavaScript as zlib (the fallback for Node before 20.15)', () => {
  for (const length of [0, 1, 7, 700, 4095]) {
    const bytes = new Uint8Array(length).map((_, i) => (i * 131 + length) & 0xff);
    expect(tableCrc32(bytes)).toBe(crc32(bytes));
  }
  expect(tableCrc32(new TextEncoder().encode('hello'))).toBe(0x3610a686);
});

it('writes small entries as stored gzip blocks and deflates large ones; a flipped byte is corrupt', async () => {
  const dir = freshDir();
  const warnings: string[] = [];
  const store = fsStore({ dir, onWarning: (m) => warnings.push(m) });
  const small = entryOf(sampleResponse('small'));
  const large = entryOf(sampleResponse('large '.repeat(2000)));
  const [smallKey, largeKey] = [randomKey(), randomKey()];
  await store.set(smallKey, small);
  await store.set(largeKey, large);
  const smallFile = await readFile(join(dir, `${smallKey}.json.gz`));
  const largeFile = await readFile(join(dir, `${largeKey}.json.gz`));
  // Stored: the JSON itself sits inside the gzip member (block type 00 right after the header).
  expect(smallFile[10]).toBe(1);
  expect(smallFile.includes(Buffer.from(JSON.stringify(small)))).toBe(true);
  expect(JSON.parse(gunzipSync(smallFile).toString())).toEqual(small);
  expect(largeFile.length).toBeLessThan(JSON.stringify(large).length / 10);
  expect(JSON.parse(gunzipSync(largeFile).toString())).toEqual(large);
  expect(await store.get(smallKey)).toEqual(small);
  expect(await store.get(largeKey)).toEqual(large);
  // Same length, one letter changed inside the JSON: only the CRC can tell.
  const flipped = Buffer.from(smallFile);
  const at = flipped.indexOf('small');
  flipped[at] = 'S'.charCodeAt(0);
  await writeFile(join(dir, `${smallKey}.json.gz`), flipped);
  expect(await store.get(smallKey)).toBeUndefined();
  expect(warnings.join('\n')).toMatch(/corrupt \(incorrect data check\)/);
});

it('a second Node process reuses the first one’s cache (default store under $HOME/.alea/cache)', async () => {
  const home = freshDir();
  const sc = await scenario(emulatorUrl);
  const prompt = uniquePrompt('two processes');
  const env = { ...process.env, HOME: home, ALEA_CACHE_DIR: undefined };
  const child = await runCacheChild({ endpoint: sc.endpoint, prompt }, env);
  expect(child).toMatchObject({ cached: false, warnings: [] });
  const [file] = await files(join(home, '.alea', 'cache'));
  expect(file).toMatch(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}\.json\.gz$/);
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-parent',
    cache: fsStore({ dir: join(home, '.alea', 'cache') }),
  });
  const hit = await model.chat(prompt);
  expect(hit.cached).toBe(true);
  expect(hit.text).toBe(child.text);
  expect(await sc.requests()).toHaveLength(1);
  // And the other way round: a third process reads what is there without a request.
  expect(await runCacheChild({ endpoint: sc.endpoint, prompt }, env)).toMatchObject({
    cached: true,
  });
  expect(await sc.requests()).toHaveLength(1);
});

it('a corrupt or truncated file is a miss that heals; the call succeeds and onWarning says so', async () => {
  const dir = freshDir();
  const warnings: string[] = [];
  const sc = await scenario(emulatorUrl);
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: fsStore({ dir }),
    onWarning: (m) => warnings.push(m),
  });
  const prompt = uniquePrompt('heal');
  const first = await model.chat(prompt);
  const [file] = await files(dir);
  const path = join(dir, file!);
  const good = await readFile(path);
  for (const bad of [good.subarray(0, good.length - 9), Buffer.from('garbage'), Buffer.alloc(0)]) {
    await writeFile(path, bad);
    const again = await model.chat(prompt);
    expect(again).toMatchObject({ cached: false, text: first.text });
    expect(warnings.pop()).toMatch(/\[cache:fs\] entry openai\/.* is corrupt/);
    expect((await model.chat(prompt)).cached).toBe(true);
  }
  expect(warnings).toEqual([]);
  expect(await sc.requests()).toHaveLength(4);
});

it('an unwritable folder gives a warning, not a failed call', async () => {
  const blocker = join(root, `file-${n++}`);
  await writeFile(blocker, 'a file where a folder should be');
  const warnings: string[] = [];
  const sc = await scenario(emulatorUrl);
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: fsStore({ dir: join(blocker, 'cache') }),
    onWarning: (m) => warnings.push(m),
  });
  const result = await model.chat(uniquePrompt('unwritable'));
  expect(result.cached).toBe(false);
  expect(result.text).toMatch(/^Echo: unwritable/);
  expect(warnings.join('\n')).toMatch(/\[cache:fs\] write failed: .*ENOTDIR/);
});

it('writes replace the file atomically (temp file + rename) and leave no temp files', async () => {
  const dir = freshDir();
  const store = fsStore({ dir });
  const key = randomKey();
  await store.set(key, entryOf(sampleResponse('old')));
  const path = join(dir, `${key}.json.gz`);
  // A hard link keeps the old inode: an in-place write would change it, a rename does not.
  await link(path, `${path}.link`);
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => store.set(key, entryOf(sampleResponse(`new${i}`)))),
  );
  expect(JSON.parse(gunzipSync(await readFile(`${path}.link`)).toString()).response.text).toBe(
    'old',
  );
  expect((await store.get(key))?.response.text).toMatch(/^new\d+$/);
  expect((await files(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

it('fifty concurrent identical calls send one request and leave one valid file', async () => {
  const dir = freshDir();
  const sc = await scenario(emulatorUrl, { faults: [{ delayMs: 150 }] });
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: fsStore({ dir }),
  });
  const prompt = uniquePrompt('fifty');
  const results = await Promise.all(Array.from({ length: 50 }, () => model.chat(prompt)));
  expect(await sc.requests()).toHaveLength(1);
  const list = await files(dir);
  expect(list).toHaveLength(1);
  const entry = await fsStore({ dir }).get(list[0]!.replace(/\.json\.gz$/, ''));
  expect(entry?.response.text).toBe(results[0]!.text);
});

it('refuses keys that would leave the folder', async () => {
  const dir = freshDir();
  const store = fsStore({ dir });
  await expect(store.set('../escape/x', entryOf(sampleResponse('x')))).rejects.toThrow(
    /Invalid fs cache key/,
  );
  const warnings: string[] = [];
  expect(await store.get('/etc/passwd', { onWarning: (m) => warnings.push(m) })).toBeUndefined();
  expect(warnings[0]).toMatch(/is not a cache key/);
  expect(await readdir(root)).not.toContain('escape');
});

it('keys the fs store hashes with node:crypto are the keys WebCrypto gives', async () => {
  const store = fsStore({ dir: freshDir() }) as { [SHA256_HEX]?: (text: string) => string };
  const hash = store[SHA256_HEX]!;
  // Empty, ASCII, multi-byte, astral and a lone surrogate (both encoders write U+FFFD for it).
  for (const text of ['', 'abc', 'Grüße, 世界', '🦊'.repeat(50), 'x\ud800y', 'k'.repeat(5000)]) {
    expect(hash(text)).toBe(await sha256Hex(text));
  }
  const input = {
    provider: 'openai',
    endpoint: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    method: 'chat',
    path: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'héllo' }] },
  };
  expect(await cacheKey(input, hash)).toBe(await cacheKey(input));
});

it('modelCachePrefix matches the keys of a model’s calls', async () => {
  const dir = freshDir();
  const store = fsStore({ dir });
  const sc = await scenario(emulatorUrl);
  const model = new openai.OpenAIModel({
    endpoint: `${sc.endpoint}/`,
    apiKey: 'sk-test',
    cache: store,
  });
  await model.chat(uniquePrompt('prefix'));
  const prefix = await cache.modelCachePrefix(model);
  expect(await cache.listCacheKeys(store, prefix)).toHaveLength(1);
  expect(await cache.listCacheKeys(store, 'openai/0000000000000000/')).toEqual([]);
});

it('without onWarning, an unwritable ALEA_CACHE_DIR is reported once on stderr, saying how to fix it', async () => {
  const blocker = join(root, `file-${n++}`);
  await writeFile(blocker, 'a file where the cache folder should be');
  const sc = await scenario(emulatorUrl);
  const env = { ...process.env, ALEA_CACHE_DIR: join(blocker, 'cache') };
  const args = { endpoint: sc.endpoint, prompt: uniquePrompt('loud'), calls: 3 };
  const child = await runCacheChild({ ...args, noOnWarning: true }, env);
  expect(child.cached).toBe(false);
  const lines = child.stderr.split('\n').filter((line) => line.includes('[cache:fs]'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /\[cache:fs\] write failed: Error: Cannot use the cache folder .*cache \(ENOTDIR: .*\): point ALEA_CACHE_DIR or fsStore\(\{ dir \}\) at a folder .*shown once for this store/,
  );
  expect(await sc.requests()).toHaveLength(3);
});
