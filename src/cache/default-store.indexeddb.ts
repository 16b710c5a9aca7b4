import type { CacheStore } from '../core/cache-store.ts';
import { indexedDBStore } from './indexeddb/indexeddb-store.ts';
import { lazyStore } from './lazy-store.ts';

let store: CacheStore | undefined;

/**
 * The default store for browsers (package.json `#default-store` "browser" condition): IndexedDB, so
 * results survive page reloads. Where IndexedDB is missing (some embedded webviews, test DOMs) it
 * falls back to memory, loaded on first use.
 * @returns The IndexedDB store, or a memory store.
 */
export function defaultStore(): CacheStore {
  return (store ??=
    typeof indexedDB === 'undefined'
      ? lazyStore('memory', async () => (await import('./memory-store.ts')).memoryStore())
      : // Imported with the call code, not on first use: the cache is on by default, so a first
        // call loads the store anyway, and as a chunk of its own it cost a script and its framing.
        indexedDBStore());
}
