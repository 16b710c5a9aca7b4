import type { CacheStore } from '../core/cache-store.ts';
import { lazy } from '../core/lazy.ts';
import { indexedDBStore } from './indexeddb/indexeddb-store.ts';

let store: CacheStore | undefined;

type Method = (...args: unknown[]) => unknown;

/** A memory store loaded on first use: the fallback is rare, so its code stays out of the call's. */
function memoryOnFirstUse(): CacheStore {
  const real = lazy(async () => (await import('./memory-store.ts')).memoryStore() as unknown);
  const fallback: Record<string, unknown> = { name: 'memory' };
  // A plain loop: every first call downloads this code (it runs only without IndexedDB), and it
  // is 20 B gzip smaller than building the object with Object.fromEntries.
  for (const name of ['get', 'set', 'delete', 'clear', 'keys', 'prune'])
    fallback[name] = async (...args: unknown[]) =>
      ((await real()) as Record<string, Method>)[name]!(...args);
  return fallback as unknown as CacheStore;
}

/**
 * The default store for browsers (package.json `#default-store` "browser" condition): IndexedDB, so
 * results survive page reloads. Where IndexedDB is missing (some embedded webviews, test DOMs) it
 * falls back to memory, loaded on first use.
 * @returns The IndexedDB store, or a memory store.
 */
export function defaultStore(): CacheStore {
  return (store ??=
    typeof indexedDB === 'undefined'
      ? memoryOnFirstUse()
      : // Imported with the call code, not on first use: the cache is on by default, so a first
        // call loads the store anyway, and as a chunk of its own it cost a script and its framing.
        indexedDBStore());
}
