// The IndexedDB store in real Chromium: the conformance suite, its own database, and entries that
// survive a page reload: a fresh same-origin document (new JS realm, new IndexedDB connection)
// loads the store module from the dev server and reads what this page wrote.
import { createStore, get, set } from 'idb-keyval';
import { expect, inject, it, vi } from 'vitest';
import * as cache from '../src/cache/index.ts';
import { indexedDBStore } from '../src/cache/indexeddb/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import {
  cacheStoreCases,
  entryOf,
  randomKey,
  sampleResponse,
} from './conformance/cache-store-suite.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
let n = 0;

for (const [name, fn] of cacheStoreCases(
  async (onWarning) => {
    const dbName = `alea-conformance-${Date.now()}-${n++}`;
    const raw = createStore(dbName, 'entries');
    return {
      store: indexedDBStore({ dbName, onWarning }),
      async corrupt(key, mode) {
        const bytes = mode === 'truncate' ? new Uint8Array([0x1f, 0x8b, 8, 0]) : 'not bytes';
        await set(key, bytes, raw);
      },
      dispose: async () => {
        await new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(dbName);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        });
      },
    };
  },
  { label: 'indexeddb', sdk: { cache, openai }, emulatorUrl, corruptible: true },
))
  it(name, fn);

it('the default browser store is IndexedDB in its own database', async () => {
  const sc = await scenario(emulatorUrl);
  const model = new openai.OpenAIModel({ endpoint: sc.endpoint, apiKey: 'sk-test' });
  await model.chat(uniquePrompt('default idb'));
  const names = (await indexedDB.databases()).map((d) => d.name);
  expect(names).toContain('alea-llm-cache');
  const keys = await cache.listCacheKeys(cache.defaultStore(), await cache.modelCachePrefix(model));
  expect(keys).toHaveLength(1);
});

/** Runs `code` (a module script) in a fresh same-origin document and returns what it posts. */
function inFreshDocument(code: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('fresh document did not answer')), 20_000);
    window.addEventListener('message', function onMessage(event) {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.srcdoc = `<script type="module">${code}</script>`;
    document.body.appendChild(frame);
  });
}

it('a reloaded page reuses the IndexedDB cache: no request', async () => {
  const dbName = `alea-reload-${Date.now()}`;
  const sc = await scenario(emulatorUrl);
  const prompt = uniquePrompt('reload');
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: indexedDBStore({ dbName }),
  });
  const first = await model.chat(prompt);
  const script = `
    const post = (m) => parent.postMessage(m, '*');
    // Vitest's transform routes dynamic import() (pako's) through its runner, which only the test
    // frame defines; a plain page needs none of this.
    window.__vitest_browser_runner__ = { wrapDynamicImport: (load) => load() };
    try {
      const { indexedDBStore } = await import('/src/cache/indexeddb/indexeddb-store.ts');
      const { OpenAIModel } = await import('/src/providers/openai/openai-model.ts');
      const model = new OpenAIModel({ endpoint: ${JSON.stringify(sc.endpoint)}, apiKey: 'sk-test',
        cache: indexedDBStore({ dbName: ${JSON.stringify(dbName)} }), onWarning: (m) => warnings.push(m) });
      const warnings = [];
      const r = await model.chat(${JSON.stringify(prompt)});
      post({ cached: r.cached, text: r.text, warnings });
    } catch (e) { post({ error: String(e && e.stack || e) }); }`;
  const result = await inFreshDocument(script);
  expect(result).toEqual({ cached: true, text: first.text, warnings: [] });
  expect(await sc.requests()).toHaveLength(1);
});

it('keys() lists only the entries among other values of its object store', async () => {
  const dbName = `alea-foreign-${Date.now()}`;
  const store = indexedDBStore({ dbName });
  const key = randomKey();
  await store.set(key, entryOf(sampleResponse('ours')));
  const raw = createStore(dbName, 'entries');
  // Keys of other types and strings around the listed range, none of them in the entry layout.
  for (const other of [5, new Date(0), ['a'], '', '\uffff', `\uffff${key}`, `${key}.tmp`])
    await set(other, new Uint8Array([0x7b]), raw);
  expect(await store.keys!()).toEqual([key]);
  expect(await store.keys!(key.slice(0, 7))).toEqual([key]);
  expect(await store.keys!('\uffff')).toEqual([]);
});

/** Creates a database with one object store of the app's and one value in it, then closes it. */
async function appDatabase(dbName: string): Promise<void> {
  const request = indexedDB.open(dbName);
  request.addEventListener('upgradeneeded', () =>
    request.result.createObjectStore('app').put('app data', 'k'),
  );
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
  db.close();
}

it('a database that exists without the cache’s object store gets it, keeping its other stores', async () => {
  const dbName = `alea-shared-${Date.now()}`;
  await appDatabase(dbName);
  const first = indexedDBStore({ dbName, storeName: 'llm' });
  const second = indexedDBStore({ dbName, storeName: 'llm-other' });
  const [a, b] = [randomKey(), randomKey()];
  // Both add their store at once: each upgrade closes the other's connection, which reopens.
  await Promise.all([
    first.set(a, entryOf(sampleResponse('first'))),
    second.set(b, entryOf(sampleResponse('second'))),
  ]);
  expect((await first.get(a))?.response.text).toBe('first');
  expect((await second.get(b))?.response.text).toBe('second');
  expect(await first.keys!()).toEqual([a]);
  const app = createStore(dbName, 'app');
  expect(await get('k', app)).toBe('app data');
  const sc = await scenario(emulatorUrl);
  const warnings: string[] = [];
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: first,
    onWarning: (m) => warnings.push(m),
  });
  const prompt = uniquePrompt('shared db');
  await model.chat(prompt);
  expect((await model.chat(prompt)).cached).toBe(true);
  expect(warnings).toEqual([]);
});

it('an upgrade blocked by a connection that never closes is a clear warning, not a hang or a failed call', async () => {
  const dbName = `alea-blocked-${Date.now()}`;
  await appDatabase(dbName);
  const held = await new Promise<IDBDatabase>((resolve) => {
    const request = indexedDB.open(dbName);
    request.addEventListener('success', () => resolve(request.result));
  });
  try {
    const store = indexedDBStore({ dbName, storeName: 'llm' });
    await expect(store.set(randomKey(), entryOf(sampleResponse('x')))).rejects.toThrow(
      /"alea-blocked-\d+" needs a new version to add the object store "llm".*blocks the upgrade/,
    );
    const sc = await scenario(emulatorUrl);
    const warnings: string[] = [];
    const model = new openai.OpenAIModel({
      endpoint: sc.endpoint,
      apiKey: 'sk-test',
      cache: store,
      onWarning: (m) => warnings.push(m),
    });
    expect((await model.chat(uniquePrompt('blocked'))).cached).toBe(false);
    expect(warnings.join('\n')).toMatch(/\[cache:indexeddb\] write failed: .*own \(`dbName`\)/);
    // Once the other connection closes, the waiting upgrade completes and the store works.
    held.close();
    const key = randomKey();
    await expect
      .poll(() =>
        Promise.resolve(store.set(key, entryOf(sampleResponse('later')))).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    expect((await store.get(key))?.response.text).toBe('later');
  } finally {
    held.close();
  }
});

/** Swaps the page's `indexedDB` for `factory` while `fn` runs (the store opens its database then). */
async function withIndexedDB<T>(factory: IDBFactory, fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
  Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true });
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(globalThis, 'indexedDB', own);
    else delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  }
}

it('a full IndexedDB quota is a write warning (printed once without onWarning); the call returns', async () => {
  // A storage bucket with a 64 kB quota, filled with incompressible bytes until Chromium refuses:
  // the store's own write then meets the browser's real QuotaExceededError.
  const buckets = (navigator as { storageBuckets?: any }).storageBuckets;
  expect(buckets, 'Chromium has the Storage Buckets API').toBeDefined();
  const name = `alea-quota-${Date.now()}`;
  const bucket = await buckets.open(name, { quota: 64 * 1024 });
  const warnings: string[] = [];
  const printed = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    await withIndexedDB(bucket.indexedDB, async () => {
      const filler = createStore('filler', 'bytes');
      // Filled in ever smaller pieces down to 64 bytes, so no room is left for even a small entry
      // (how much slack a refused 16 kB write leaves differs between Chromium versions).
      const full = async () => {
        let refused: DOMException | undefined;
        for (let size = 16 * 1024, i = 0; size >= 64; size /= 4) {
          for (let n = 0; n < 100; n++, i++) {
            const bytes = crypto.getRandomValues(new Uint8Array(size));
            const error = await set(`f${i}`, bytes, filler).then(
              () => undefined,
              (e: unknown) => e,
            );
            if (error) {
              refused = error as DOMException;
              break;
            }
          }
        }
        return refused;
      };
      expect((await full())?.name).toBe('QuotaExceededError');
      const sc = await scenario(emulatorUrl);
      const store = indexedDBStore({ dbName: 'alea-quota' });
      const model = new openai.OpenAIModel({
        endpoint: sc.endpoint,
        apiKey: 'sk-test',
        cache: store,
        onWarning: (m) => warnings.push(m),
      });
      const prompt = uniquePrompt('quota');
      const first = await model.chat(prompt);
      expect(first.cached).toBe(false);
      expect(first.text).toBeTruthy();
      expect(warnings.join('\n')).toMatch(/\[cache:indexeddb\] write failed: QuotaExceededError/);
      // Nothing was kept: the same call is sent again.
      expect((await model.chat(prompt)).cached).toBe(false);
      expect(await sc.requests()).toHaveLength(2);
      // Without onWarning the trouble is printed, once for this store however many calls fail.
      const silent = new openai.OpenAIModel({
        endpoint: sc.endpoint,
        apiKey: 'sk-test',
        cache: store,
      });
      await silent.chat(uniquePrompt('quota a'));
      await silent.chat(uniquePrompt('quota b'));
      const lines = printed.mock.calls.map((c) => String(c[0]));
      expect(lines.filter((l) => l.includes('[cache:indexeddb] write failed'))).toHaveLength(1);
    });
  } finally {
    printed.mockRestore();
    await buckets.delete(name).catch(() => {});
  }
});
