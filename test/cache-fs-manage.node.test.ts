// Managing an fs cache in a folder it shares with other files (issue 16, items 5–8 and 10):
// clearing and pruning delete only what the cache wrote, a read error is not corruption, stray
// files never break management, stale temporary files go, and modelCachePrefix normalises like the
// models. Each test builds the folder by hand, then looks at what is left on disk.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { byteStore } from '../src/cache/byte-store.ts';
import { fsStore } from '../src/cache/fs/index.ts';
import * as cache from '../src/cache/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import { entryOf, randomKey, sampleResponse } from './conformance/cache-store-suite.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
const root = await mkdtemp(join(tmpdir(), 'alea-fs-manage-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);
const hex = (length: number) => 'a1b2c3d4e5f6a7b8'.repeat(8).slice(0, length);

async function tree(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true, withFileTypes: true });
  return all
    .filter((item) => item.isFile())
    .map((item) => join(item.parentPath, item.name).slice(dir.length + 1))
    .sort();
}

async function put(dir: string, path: string, text = 'not ours'): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), text);
}

// Files a user keeps in a project or home folder, some of them gzipped JSON, some in folders whose
// names look like a provider's.
const FOREIGN = [
  'data/exports/users.json.gz',
  'data/backup.json.gz',
  'data/my report.json.gz',
  'notes.json.gz',
  'openai/notes/summary.json.gz',
  `openai/${hex(16)}/readme.txt`,
  `openai/${hex(16)}/${hex(63)}.json.gz`,
  `openai/${hex(15)}/${hex(64)}.json.gz`,
  `.ssh/${hex(16)}/${hex(64)}.json.gz`,
];

it('clearCache and pruneCache delete only entries of the cache, in a folder full of other files', async () => {
  const dir = freshDir();
  for (const path of FOREIGN) await put(dir, path);
  const store = fsStore({ dir });
  const keys = [randomKey(), randomKey('anthropic'), randomKey()];
  await store.set(keys[0]!, entryOf(sampleResponse('old'), Date.now() - 86_400_000));
  await store.set(keys[1]!, entryOf(sampleResponse('fresh')));
  await store.set(keys[2]!, entryOf(sampleResponse('fresh')));
  expect([...(await cache.listCacheKeys(store))].sort()).toEqual([...keys].sort());
  expect(await cache.pruneCache(store, new Date(Date.now() - 3_600_000))).toBe(1);
  expect(await tree(dir)).toEqual(
    [...FOREIGN, ...keys.slice(1).map((key) => `${key}.json.gz`)].sort(),
  );
  await cache.clearCache(store);
  expect(await tree(dir)).toEqual([...FOREIGN].sort());
  // The folders the entries lived in are gone; folders holding anything else stay.
  expect((await readdir(dir)).sort()).toEqual(['.ssh', 'data', 'notes.json.gz', 'openai']);
});

it('the default store under ALEA_CACHE_DIR=$HOME lists and deletes nothing but its entries', async () => {
  const home = freshDir();
  for (const path of FOREIGN) await put(home, path);
  const previous = process.env.ALEA_CACHE_DIR;
  process.env.ALEA_CACHE_DIR = home;
  try {
    const store = fsStore(); // the default store's settings: the folder comes from the environment
    const sc = await scenario(emulatorUrl);
    const model = new openai.OpenAIModel({
      endpoint: sc.endpoint,
      apiKey: 'sk-test',
      cache: store,
    });
    await model.chat(uniquePrompt('home'));
    expect(await cache.listCacheKeys(store)).toHaveLength(1);
    expect(await cache.pruneCache(store, new Date(Date.now() + 60_000))).toBe(1);
    await model.chat(uniquePrompt('home again'));
    await cache.clearCache(store);
    expect(await tree(home)).toEqual([...FOREIGN].sort());
  } finally {
    if (previous === undefined) delete process.env.ALEA_CACHE_DIR;
    else process.env.ALEA_CACHE_DIR = previous;
  }
});

it('stray files (AppleDouble ._ files, other names) never break listing, pruning or deleting', async () => {
  const dir = freshDir();
  const store = fsStore({ dir });
  const key = randomKey();
  await store.set(key, entryOf(sampleResponse('kept')));
  const [provider, group, hash] = key.split('/');
  const stray = [`._${hash}.json.gz`, `${hash}.json.gz.bak`, `._${group}`];
  for (const name of stray) await put(dir, `${provider}/${group}/${name}`);
  await put(dir, `${provider}/._${group}/._${hash}.json.gz`);
  expect(await cache.listCacheKeys(store)).toEqual([key]);
  expect(await cache.pruneCache(store, new Date(0))).toBe(0);
  await cache.deleteCacheEntry(store, key);
  expect(await cache.listCacheKeys(store)).toEqual([]);
  expect(await tree(dir)).toHaveLength(4);
});

it('pruneCache keeps an entry it cannot read just now, and deletes corrupt ones', async () => {
  const dir = freshDir();
  const warnings: string[] = [];
  const store = fsStore({ dir, onWarning: (m) => warnings.push(m) });
  const [unreadable, corrupt, fresh] = [randomKey(), randomKey(), randomKey()];
  // A folder under an entry's name cannot be read (EISDIR), like a file the disk refuses for now.
  await mkdir(join(dir, `${unreadable}.json.gz`), { recursive: true });
  await put(dir, `${corrupt}.json.gz`, 'garbage');
  await store.set(fresh, entryOf(sampleResponse('fresh')));
  expect(await cache.pruneCache(store, new Date(Date.now() - 60_000))).toBe(1);
  expect(await cache.listCacheKeys(store)).toEqual([unreadable, fresh].sort());
  expect(warnings.join('\n')).toMatch(/kept 1 entries it could not read just now .*EISDIR/);
});

it('pruneCache over a store whose reads fail for a moment deletes nothing that was not found invalid', async () => {
  const bytes = new Map<string, Uint8Array>();
  let failing = true;
  const warnings: string[] = [];
  const store = byteStore(
    {
      name: 'flaky',
      async read(key) {
        // What a failed chunk load or EMFILE looks like to the store: the read itself throws.
        if (failing) throw new Error('Failed to fetch dynamically imported module');
        return bytes.get(key);
      },
      write: async (key, value) => void bytes.set(key, value),
      remove: async (key) => void bytes.delete(key),
      list: async (prefix) => [...bytes.keys()].filter((key) => key.startsWith(prefix)),
    },
    (m) => warnings.push(m),
  );
  const keys = [randomKey(), randomKey()];
  for (const key of keys) await store.set(key, entryOf(sampleResponse('fresh')));
  expect(await cache.pruneCache(store, new Date(Date.now() - 60_000))).toBe(0);
  expect(bytes.size).toBe(2);
  expect(warnings).toHaveLength(1);
  failing = false;
  expect(await cache.pruneCache(store, new Date(Date.now() + 60_000))).toBe(2);
});

it('pruneCache and clearCache remove temporary files older than ten minutes, not newer ones', async () => {
  const dir = freshDir();
  const store = fsStore({ dir });
  const key = randomKey();
  await store.set(key, entryOf(sampleResponse('x')));
  const folder = key.split('/').slice(0, 2).join('/');
  const temp = () => `${folder}/${hex(64)}.json.gz.${crypto.randomUUID()}.tmp`;
  const [stale1, stale2, recent] = [temp(), temp(), temp()];
  for (const path of [stale1, stale2, recent]) await put(dir, path, 'half an entry');
  const old = new Date(Date.now() - 11 * 60_000);
  await utimes(join(dir, stale1), old, old);
  await utimes(join(dir, stale2), old, old);
  expect(await cache.pruneCache(store, new Date(0))).toBe(0);
  expect(await tree(dir)).toEqual([`${key}.json.gz`, recent].sort());
  await put(dir, stale2, 'another one');
  await utimes(join(dir, stale2), old, old);
  await cache.clearCache(store);
  // The recent one may belong to a write in progress: it stays, and so does its folder.
  expect(await tree(dir)).toEqual([recent]);
});

it('modelCachePrefix normalises a plain endpoint the way the models do', async () => {
  const store = fsStore({ dir: freshDir() });
  const sc = await scenario(emulatorUrl);
  const model = new openai.OpenAIModel({
    endpoint: `${sc.endpoint}/v1/`,
    apiKey: 'sk-test',
    cache: store,
  });
  await model.chat(uniquePrompt('prefix'));
  const plain = { provider: 'openai', endpoint: ` ${sc.endpoint}/v1 `, model: model.model };
  expect(await cache.modelCachePrefix(plain)).toBe(await cache.modelCachePrefix(model));
  expect(await cache.listCacheKeys(store, await cache.modelCachePrefix(plain))).toHaveLength(1);
});
