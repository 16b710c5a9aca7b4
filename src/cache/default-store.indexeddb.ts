import type { CacheStore } from '../core/cache-store.ts';
import { lazyStore } from './lazy-store.ts';

let store: CacheStore | undefined;

/**
 * The default store for browsers (package.json `#default-store` "browser" condition): IndexedDB, so
 * results survive page reloads. The store, idb-keyval and pako are loaded on first use (a lazy
 * chunk), keeping them out of a bundle's entry chunk. Where IndexedDB is missing (some embedded
 * webviews, test DOMs) it falls back to memory.
 * @returns The IndexedDB store, or a memory store.
 */
export function defaultStore(): CacheStore {
  return (store ??=
    typeof indexedDB === 'undefined'
      ? lazyStore('memory', async () => (await import('./memory-store.ts')).memoryStore())
      : lazyStore('indexeddb', async () =>
          (await import('./indexeddb/indexeddb-store.ts')).indexedDBStore(),
        ));
}
