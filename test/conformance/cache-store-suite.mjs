// The one conformance suite every CacheStore passes in its real runtime: memory everywhere (through
// test/shared/cases-cache.mjs), fs in Node/Deno/Bun, IndexedDB in Chromium, KV in workerd, unstorage
// with Redis in Node. Runtime-neutral: only web APIs and test/shared/assert.mjs.
import { assert, deepEqual, equal, rejects } from '../shared/assert.mjs';
import { scenario } from '../shared/emulator-client.mjs';

/**
 * @typedef {{ store: any, corrupt?: (key: string, mode: 'garbage' | 'truncate') => Promise<void>,
 *   dispose?: () => Promise<void> }} StoreHarness
 * @typedef {(onWarning: (message: string) => void) => Promise<StoreHarness>} MakeStore
 * @typedef {{ label: string, sdk?: any, emulatorUrl?: string, ttl?: boolean, corruptible?: boolean }} SuiteOptions
 */

const hex = (n) => {
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(n / 2)))
    s += b.toString(16).padStart(2, '0');
  return s;
};
/** A key in the client's layout. */
export const randomKey = (provider = 'openai') => `${provider}/${hex(16)}/${hex(64)}`;

/** @param {string} text */
export function sampleResponse(text) {
  return {
    text,
    choices: [text, 'second choice'],
    finishReason: 'stop',
    rawFinishReason: 'stop',
    id: 'chatcmpl-123',
    provider: 'openai',
    model: 'gpt-test',
    usage: { inputTokens: 3, outputTokens: 5, totalTokens: 8 },
    thinking: 'thinking…',
    toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { q: 'x', n: [1, 2] } }],
    messages: [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: text },
    ],
    cached: false,
    warnings: ['temperature ignored'],
    raw: { id: 'chatcmpl-123', nested: [1, null, true, 'é', { deep: { er: [] } }] },
  };
}

/** @param {any} response @param {number} [createdAt] @returns {{ v: 1, createdAt: number, response: any }} */
export const entryOf = (response, createdAt = Date.now()) => ({ v: 1, createdAt, response });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {MakeStore} makeStore A fresh, empty store per call (own folder, database, prefix…).
 * @param {SuiteOptions} opts
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function cacheStoreCases(makeStore, opts) {
  const { label } = opts;
  /** @param {(h: StoreHarness, warnings: string[]) => Promise<void>} body */
  const withStore = (body) => async () => {
    /** @type {string[]} */
    const warnings = [];
    const h = await makeStore((m) => warnings.push(m));
    try {
      await body(h, warnings);
    } finally {
      await h.dispose?.();
    }
  };
  /** @param {any} store @param {any} entry */
  const roundTrip = async (store, entry) => {
    const key = randomKey();
    await store.set(key, entry);
    deepEqual(await store.get(key), entry, `${label}: round-trip`);
  };

  /** @type {Array<[string, () => Promise<void>]>} */
  const cases = [
    [
      `cache ${label}: a ModelResponse round-trips`,
      withStore(async ({ store }) => roundTrip(store, entryOf(sampleResponse('plain')))),
    ],
    [
      `cache ${label}: a JSONModelResponse with nested data round-trips`,
      withStore(async ({ store }) => {
        const data = { a: [1, { b: null, c: [true, false] }], d: { e: { f: 'g' } }, n: -1.5e-7 };
        await roundTrip(store, entryOf({ ...sampleResponse(JSON.stringify(data)), data }));
      }),
    ],
    [
      `cache ${label}: unicode text round-trips`,
      withStore(async ({ store }) =>
        roundTrip(
          store,
          entryOf(sampleResponse('Grüße 👋🏽 日本語 עברית \u2028 \u0000 "quoted" \\ ☃')),
        ),
      ),
    ],
    [
      `cache ${label}: a 200 kB result round-trips`,
      withStore(async ({ store }) => {
        let text = '';
        let i = 0;
        while (text.length < 200_000) text += `token${i++} ${(i * 7919) % 1000} é `;
        await roundTrip(store, entryOf(sampleResponse(text)));
      }),
    ],
    [
      `cache ${label}: every byte value survives gzip`,
      withStore(async ({ store }) => {
        let text = '';
        for (let c = 0; c < 0x800; c++) if (c < 0xd800) text += String.fromCharCode(c);
        await roundTrip(store, entryOf(sampleResponse(text)));
      }),
    ],
    [
      `cache ${label}: a missing key is undefined`,
      withStore(async ({ store }, warnings) => {
        equal(await store.get(randomKey()), undefined, 'missing key');
        equal(warnings.length, 0, 'a miss is not a warning');
      }),
    ],
    [
      `cache ${label}: parallel sets and gets of different and identical keys`,
      withStore(async ({ store }, warnings) => {
        const keys = Array.from({ length: 20 }, () => randomKey());
        await Promise.all(keys.map((k, i) => store.set(k, entryOf(sampleResponse(`v${i}`)))));
        const got = await Promise.all(keys.map((k) => store.get(k)));
        got.forEach((e, i) => equal(e?.response.text, `v${i}`, `key ${i}`));
        // One key written 12 times while it is read 12 times: with an entry there from the start,
        // every read must return a whole entry (the old one or a new one), never a miss or a tear.
        const same = randomKey();
        const texts = Array.from({ length: 12 }, (_, i) => `same${i}`);
        await store.set(same, entryOf(sampleResponse('before')));
        const writes = texts.map((t) => store.set(same, entryOf(sampleResponse(t))));
        const reads = await Promise.all(texts.map(() => store.get(same)));
        await Promise.all(writes);
        reads.forEach((r, i) =>
          assert(
            r && ['before', ...texts].includes(r.response.text),
            `${label}: read ${i} under concurrent writes: ${r?.response.text}`,
          ),
        );
        const last = await store.get(same);
        assert(last && texts.includes(last.response.text), `${label}: one new entry remains`);
        equal(warnings.length, 0, `no corrupt reads under concurrency: ${warnings.join('; ')}`);
      }),
    ],
    [
      `cache ${label}: keys lists by prefix; delete and clear remove entries`,
      withStore(async ({ store }) => {
        const [g1, g2] = [hex(16), hex(16)];
        const [k1, k2, k3, k4] = [`aa/${g1}/`, `aa/${g1}/`, `aa/${g2}/`, `bb/${g1}/`].map(
          (group) => group + hex(64),
        );
        const keys = /** @type {string[]} */ ([k1, k2, k3, k4]);
        for (const k of keys) await store.set(k, entryOf(sampleResponse(k)));
        deepEqual([...(await store.keys())].sort(), [...keys].sort(), 'all keys');
        deepEqual([...(await store.keys(`aa/${g1}/`))].sort(), [k1, k2].sort(), 'prefix');
        deepEqual([...(await store.keys('cc/'))], [], 'no match');
        await store.delete(k1);
        await store.delete(`aa/${g1}/${hex(64)}`);
        equal(await store.get(k1), undefined, 'deleted');
        equal((await store.get(k2))?.response.text, k2, 'sibling kept');
        deepEqual([...(await store.keys())].sort(), keys.slice(1).sort(), 'after delete');
        await store.clear();
        deepEqual([...(await store.keys())], [], 'after clear');
        equal(await store.get(k4), undefined, 'cleared');
      }),
    ],
    [
      `cache ${label}: a TTL of 0 keeps nothing, not even an older entry`,
      withStore(async ({ store }) => {
        const key = randomKey();
        await store.set(key, entryOf(sampleResponse('kept')));
        await store.set(key, entryOf(sampleResponse('not kept')), { ttl: 0 });
        equal(await store.get(key), undefined, 'ttl 0');
        deepEqual([...(await store.keys())], [], 'nothing listed');
      }),
    ],
  ];

  if (opts.ttl !== false) {
    cases.push([
      `cache ${label}: an entry expires after its TTL`,
      withStore(async ({ store }) => {
        const key = randomKey();
        await store.set(key, entryOf(sampleResponse('short')), { ttl: 1 });
        const forever = randomKey();
        await store.set(forever, entryOf(sampleResponse('long')));
        equal((await store.get(key))?.response.text, 'short', 'fresh');
        await sleep(1100);
        equal(await store.get(key), undefined, 'expired');
        equal((await store.get(forever))?.response.text, 'long', 'no TTL, no expiry');
      }),
    ]);
  }

  if (opts.sdk) {
    const { sdk } = opts;
    cases.push([
      `cache ${label}: pruneCache drops old entries, listCacheKeys and deleteCacheEntry work`,
      withStore(async ({ store }) => {
        const [old, fresh] = [randomKey(), randomKey()];
        await store.set(old, entryOf(sampleResponse('old'), Date.now() - 86_400_000));
        await store.set(fresh, entryOf(sampleResponse('fresh')));
        const expiring = randomKey();
        await store.set(expiring, entryOf(sampleResponse('expiring')), { ttl: 1 });
        equal(await sdk.cache.pruneCache(store, new Date(Date.now() - 3_600_000)), 1, 'pruned');
        deepEqual([...(await sdk.cache.listCacheKeys(store))].sort(), [expiring, fresh].sort());
        if (opts.ttl !== false) {
          await sleep(1100);
          // Stores whose backend expires keys itself (Redis) may have dropped it already; the others
          // still list it until pruning deletes it.
          const pruned = await sdk.cache.pruneCache(store, new Date(0));
          assert(pruned <= 1, `the expired entry at most: ${pruned}`);
        } else await sdk.cache.deleteCacheEntry(store, expiring);
        deepEqual(await sdk.cache.listCacheKeys(store), [fresh], 'left');
        await sdk.cache.deleteCacheEntry(store, fresh);
        deepEqual(await sdk.cache.listCacheKeys(store), [], 'deleted');
      }),
    ]);
    cases.push([
      `cache ${label}: pruneCache keeps an old entry while its keepUntil is ahead (unread batch jobs)`,
      withStore(async ({ store }) => {
        const [kept, lapsed] = [randomKey(), randomKey()];
        const day = 86_400_000;
        const old = Date.now() - 2 * day;
        await store.set(kept, {
          ...entryOf(sampleResponse('kept'), old),
          keepUntil: Date.now() + day,
        });
        await store.set(lapsed, {
          ...entryOf(sampleResponse('lapsed'), old),
          keepUntil: old + day,
        });
        equal(await sdk.cache.pruneCache(store, new Date()), 1, 'only the lapsed one');
        deepEqual(await sdk.cache.listCacheKeys(store), [kept], 'left');
        const until = Date.now() + day;
        const back = await store.get(kept);
        assert(
          Math.abs((back?.keepUntil ?? 0) - until) < 60_000,
          `keepUntil read back: ${back?.keepUntil}`,
        );
        await sdk.cache.deleteCacheEntry(store, kept);
      }),
    ]);
  }

  // Stores that keep JSON text in memory cannot hold torn bytes; every byte store must pass this.
  if (opts.corruptible) {
    cases.push([
      `cache ${label}: only keys of the client's layout are stored`,
      withStore(async ({ store }, warnings) => {
        for (const bad of ['aa/x1/k1', '../escape/x', `openai/${hex(16)}/${hex(64)}/x`]) {
          await rejects(Promise.resolve().then(() => store.set(bad, entryOf(sampleResponse('x')))));
          equal(await store.get(bad), undefined, `${bad}: a miss`);
        }
        assert(/is not a cache key/.test(warnings.join('\n')), 'reads of bad keys warn');
        deepEqual([...(await store.keys())], [], 'nothing stored');
      }),
    ]);
    if (opts.sdk) {
      const { sdk } = opts;
      cases.push([
        `cache ${label}: pruneCache deletes corrupt entries`,
        withStore(async ({ store, corrupt }) => {
          assert(corrupt, `${label}: the harness must supply corrupt()`);
          const [bad, good] = [randomKey(), randomKey()];
          await store.set(bad, entryOf(sampleResponse('bad')));
          await store.set(good, entryOf(sampleResponse('good')));
          await corrupt(bad, 'garbage');
          equal(await sdk.cache.pruneCache(store, new Date(0)), 1, 'one corrupt entry');
          deepEqual(await sdk.cache.listCacheKeys(store), [good], 'the good one stays');
        }),
      ]);
    }
    cases.push([
      `cache ${label}: corrupt and truncated entries are misses that warn and heal`,
      withStore(async ({ store, corrupt }, warnings) => {
        assert(corrupt, `${label}: the harness must supply corrupt()`);
        for (const mode of /** @type {const} */ (['garbage', 'truncate'])) {
          const key = randomKey();
          const entry = entryOf(sampleResponse(`to ${mode}`));
          await store.set(key, entry);
          await corrupt(key, mode);
          const before = warnings.length;
          /** @type {string[]} */
          const callWarnings = [];
          equal(await store.get(key, { onWarning: (m) => callWarnings.push(m) }), undefined, mode);
          equal(warnings.length, before + 1, `${mode}: store warned once`);
          assert(warnings.at(-1)?.includes(key), `${mode}: warning names the key`);
          equal(callWarnings.length, 1, `${mode}: the read's own hook warned too`);
          await store.set(key, entry);
          deepEqual(await store.get(key), entry, `${mode}: healed by the next write`);
        }
      }),
    ]);
  }

  if (opts.sdk && opts.emulatorUrl) {
    const { sdk, emulatorUrl } = opts;
    cases.push([
      `cache ${label}: a call made with an API key leaves the key in no cache key or value`,
      withStore(async ({ store }) => {
        const secret = `sk-conformance-${hex(24)}`;
        const sc = await scenario(emulatorUrl);
        const model = new sdk.openai.OpenAIModel({
          endpoint: sc.endpoint,
          apiKey: secret,
          cache: store,
        });
        const first = await model.chat('keep my key out of the cache');
        const again = await model.chat('keep my key out of the cache');
        equal(first.cached, false, 'first call sent');
        equal(again.cached, true, 'second call cached');
        const sent = await sc.requests();
        equal(sent.length, 1, 'one request');
        equal(sent[0].headers.authorization, `Bearer ${secret}`, 'the call carried the key');
        const keys = await store.keys();
        equal(keys.length, 1, 'one entry');
        for (const k of keys) {
          assert(!k.includes(secret), 'key in a cache key');
          const text = JSON.stringify(await store.get(k));
          assert(text.includes('keep my key out'), 'entry holds the answer');
          assert(!text.includes(secret) && !text.includes(secret.slice(3)), 'key in a value');
        }
        // A server that echoes the key in its 401 (the secrets sentinel, issue 14): the failure
        // writes nothing, and the key reaches no warning.
        const echo = await scenario(emulatorUrl, { echoKey: true });
        /** @type {string[]} */
        const warnings = [];
        const refused = new sdk.openai.OpenAIModel({
          endpoint: echo.endpoint,
          apiKey: secret,
          cache: store,
          onWarning: (/** @type {string} */ m) => warnings.push(m),
        });
        const error = await rejects(refused.chat('keep my key out of the cache'));
        equal(error?.status, 401, 'the echoing server refused the key');
        equal((await echo.requests()).length, 1, 'the echoing server was asked');
        deepEqual(await store.keys(), keys, 'the failure wrote nothing');
        assert(!warnings.join('\n').includes(secret), 'key in a warning');
      }),
    ]);
  }
  return cases;
}
