// Cache options and management that `npm run mutants` found unguarded: memoryStore's maxEntries
// (the oldest written is dropped first) and pruneCache's prefix and its removal of entries that read
// as misses (corrupt, expired or unreadable). Runtime-neutral.
import { deepEqual, equal } from './assert.mjs';
import { entryOf, sampleResponse } from '../conformance/cache-store-suite.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function cacheOptionCases({ sdk }) {
  const { memoryStore, pruneCache } = sdk.cache;
  return [
    [
      'cache options: memoryStore keeps maxEntries entries, dropping the oldest written first',
      async () => {
        const store = memoryStore({ maxEntries: 2 });
        for (const k of ['a', 'b', 'a', 'c']) await store.set(k, entryOf(sampleResponse(k)));
        deepEqual([...(await store.keys())].sort(), ['a', 'c'], 'b, the oldest write, went');
        equal(await store.get('b'), undefined, 'b is a miss');
        equal((await store.get('a'))?.response.text, 'a', 'a was rewritten, so kept');
        const big = memoryStore();
        for (let i = 0; i < 1001; i++) await big.set(`k${i}`, entryOf(sampleResponse('x')));
        equal((await big.keys()).length, 1000, 'the default is 1000');
      },
    ],
    [
      'cache options: pruneCache removes only old entries under its prefix, never one that reads as a miss',
      async () => {
        const old = Date.now() - 86_400_000;
        const store = memoryStore();
        await store.set('openai/x/old', entryOf(sampleResponse('old'), old));
        await store.set('openai/x/new', entryOf(sampleResponse('new')));
        await store.set('google/y/old', entryOf(sampleResponse('other model'), old));
        const cutoff = new Date(Date.now() - 3_600_000);
        equal(await pruneCache(store, cutoff, 'openai/'), 1, 'one pruned under openai/');
        deepEqual(
          [...(await store.keys())].sort(),
          ['google/y/old', 'openai/x/new'],
          'the other prefix is untouched',
        );
        // A store whose entry reads as a miss: a store without its own prune cannot tell a corrupt
        // entry from one it failed to read just now (issue 16, item 6), so the entry is kept.
        /** @type {string[]} */
        const deleted = [];
        const unreadable = {
          name: 'unreadable',
          keys: async () => ['p/bad', 'p/good'],
          get: async (/** @type {string} */ k) =>
            k === 'p/bad' ? undefined : entryOf(sampleResponse('good')),
          set: async () => {},
          delete: async (/** @type {string} */ k) => void deleted.push(k),
        };
        equal(await pruneCache(unreadable, cutoff), 0, 'a miss is not pruned');
        deepEqual(deleted, [], 'nothing deleted');
      },
    ],
  ];
}
