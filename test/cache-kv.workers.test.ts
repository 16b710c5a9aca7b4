// The KV store inside workerd (pool-workers) with the miniflare namespace env.CACHE: the conformance
// suite, gzipped raw values, the TTL passed to KV, and a cached call.
import { env } from 'cloudflare:workers';
import { expect, inject, it } from 'vitest';
import * as cache from '../src/cache/index.ts';
import { kvStore } from '../src/cache/kv/index.ts';
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

it('stores gzip bytes under the prefixed key, with KV expiry rounded up to 60 s', async () => {
  const key = randomKey();
  await kvStore(CACHE).set(key, entryOf(sampleResponse('raw')), { ttl: 5 });
  const { value, metadata } = await CACHE.getWithMetadata(`alea-cache/${key}`, 'arrayBuffer');
  const bytes = new Uint8Array(value!);
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  expect(metadata).toBeNull();
  const listed = await CACHE.list({ prefix: `alea-cache/${key}` });
  const expiration = listed.keys[0]!.expiration!;
  expect(expiration * 1000 - Date.now()).toBeGreaterThan(50_000);
});

it('rejects a missing binding with a message that says what to pass', () => {
  expect(() => kvStore(undefined as never)).toThrow(/KV namespace binding, such as env\.CACHE/);
});
