import type { CacheStore } from '../core/cache-store.ts';
import { lazy } from '../core/lazy.ts';
import { indexedDBStore } from './indexeddb/indexeddb-store.ts';

let store: CacheStore | undefined;

type Method = (...args: unknown[]) => unknown;

/** A memory store loaded on first use: the fallback is rare, so its code stays out of the call's. */
function memoryOnFirstUse(): CacheStore {
  const real = lazy(async () => (await import('./memory-store.ts')).memoryStore());
  const forward = (name: string) => [
    name,
    async (...args: unknown[]) =>
      ((await real()) as unknown as Record<string, Method>)[name]!(...args),
  ];
  return Object.fromEntries([
    ['name', 'memory'],
    ...['get', 'set', 'delete', 'clear', 'keys', 'prune'].map(forward),
  ]) as CacheStore;
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
