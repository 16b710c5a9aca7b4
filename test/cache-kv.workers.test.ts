// The KV store inside workerd (pool-workers) with the miniflare namespace env.CACHE: the conformance
// suite, gzipped raw values, the TTL passed to KV, and a cached call.
import { env } from 'cloudflare:workers';
import { expect, inject, it } from 'vitest';
import * as cache from '../src/cache/index.ts';
import { kvStore, type KVNamespaceLike } from '../src/cache/kv/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import {
  cacheStoreCases,
  entryOf,
  randomKey,
  sampleResponse,
} from './conformance/cache-store-suite.mjs';

const emulatorUrl = inject('emulatorUrl');
const CACHE = (env as unknown as { CACHE: KVNamespace }).CACHE;
let n = 0;

for (const [name, fn] of cacheStoreCases(
  async (onWarning) => {
    const prefix = `conformance-${Date.now()}-${n++}/`;
    return {
      store: kvStore(CACHE, { prefix, onWarning }),
      async corrupt(key, mode) {
        const raw = new Uint8Array((await CACHE.get(prefix + key, 'arrayBuffer'))!);
        await CACHE.put(prefix + key, mode === 'truncate' ? raw.slice(0, raw.length >> 1) : 'junk');
      },
    };
  },
  { label: 'kv', sdk: { cache, openai }, emulatorUrl, corruptible: true },
))
  it(name, fn);

it('stores a small entry as JSON and a large one as gzip under the prefixed key, with KV expiry rounded up to 60 s', async () => {
  const large = randomKey();
  await kvStore(CACHE).set(large, entryOf(sampleResponse('x'.repeat(5000))));
  const zipped = new Uint8Array((await CACHE.get(`alea-cache/${large}`, 'arrayBuffer'))!);
  expect([zipped[0], zipped[1]]).toEqual([0x1f, 0x8b]);
  const key = randomKey();
  await kvStore(CACHE).set(key, entryOf(sampleResponse('raw')), { ttl: 5 });
  const { value, metadata } = await CACHE.getWithMetadata(`alea-cache/${key}`, 'arrayBuffer');
  expect(JSON.parse(new TextDecoder().decode(value!)).response.text).toBe('raw');
  // Creation and expiry ride along as metadata, so pruning decides from a listing.
  expect(metadata).toMatchObject({ createdAt: expect.any(Number), expiresAt: expect.any(Number) });
  const listed = await CACHE.list({ prefix: `alea-cache/${key}` });
  const expiration = listed.keys[0]!.expiration!;
  expect(expiration * 1000 - Date.now()).toBeGreaterThan(50_000);
});

it('rejects a missing binding with a message that says what to pass', () => {
  expect(() => kvStore(undefined as never)).toThrow(/KV namespace binding, such as env\.CACHE/);
});

/** The binding, counting every KV operation (a bulk one would count once, as KV does). */
function counting(namespace: KVNamespace) {
  const counter = { ops: 0 };
  const wrapped: KVNamespaceLike = {
    get: (key, type) => (counter.ops++, namespace.get(key, type)),
    put: (key, value, options) => (counter.ops++, namespace.put(key, value, options)),
    delete: (key) => (counter.ops++, namespace.delete(key)),
    list: (options) => (counter.ops++, namespace.list(options)),
  };
  return { wrapped, counter };
}

it('pruneCache and clearCache on 2,500 entries stay within 1,000 KV operations per call and finish over several', async () => {
  const prefix = `limits-${Date.now()}/`;
  const writer = kvStore(CACHE, { prefix });
  const old = Date.now() - 86_400_000;
  const keys = Array.from({ length: 2500 }, () => randomKey());
  for (let i = 0; i < keys.length; i += 100) {
    await Promise.all(
      keys
        .slice(i, i + 100)
        .map((key, j) =>
          writer.set(key, entryOf(sampleResponse('x'), (i + j) % 2 ? Date.now() : old)),
        ),
    );
  }
  // Ten more written without metadata, as an earlier version did: those are read to decide.
  const bare = await (
    await import('../src/cache/encode-entry.ts')
  ).encodeEntry(entryOf(sampleResponse('bare'), old));
  const legacy = Array.from({ length: 10 }, () => randomKey());
  for (const key of legacy) await CACHE.put(prefix + key, bare);
  const { wrapped, counter } = counting(CACHE);
  const warnings: string[] = [];
  const store = kvStore(wrapped, { prefix, onWarning: (m) => warnings.push(m) });

  let removed = 0;
  for (let call = 1; ; call++) {
    counter.ops = 0;
    removed += await cache.pruneCache(store, new Date(Date.now() - 3_600_000));
    expect(counter.ops, `prune call ${call}`).toBeLessThanOrEqual(1000);
    if (warnings.length < call) break; // finished without stopping
    expect(warnings.at(-1)).toMatch(/pruneCache stopped after 900 KV operations .* call it again/);
    expect(call).toBeLessThan(5);
  }
  expect(removed).toBe(1250 + 10);
  const left = await cache.listCacheKeys(writer);
  expect(left).toHaveLength(1250);

  warnings.length = 0;
  for (let call = 1; ; call++) {
    counter.ops = 0;
    await cache.clearCache(store);
    expect(counter.ops, `clear call ${call}`).toBeLessThanOrEqual(1000);
    if (warnings.length < call) break;
    expect(warnings.at(-1)).toMatch(/clearCache stopped after 900 KV operations/);
    expect(call).toBeLessThan(3);
  }
  expect(await cache.listCacheKeys(writer)).toEqual([]);
}, 120_000);

it('clearCache and pruneCache leave values in a shared namespace that are not entries', async () => {
  const prefix = `shared-${Date.now()}/`;
  const store = kvStore(CACHE, { prefix });
  await CACHE.put(`${prefix}settings`, 'keep me');
  await CACHE.put(`${prefix}openai/not-an-entry`, 'keep me too');
  const key = randomKey();
  await store.set(key, entryOf(sampleResponse('x'), 0));
  expect(await cache.listCacheKeys(store)).toEqual([key]);
  expect(await cache.pruneCache(store, new Date())).toBe(1);
  await store.set(key, entryOf(sampleResponse('x')));
  await cache.clearCache(store);
  const left = (await CACHE.list({ prefix })).keys.map((k) => k.name).sort();
  expect(left).toEqual([`${prefix}openai/not-an-entry`, `${prefix}settings`]);
});
