import type { CacheStore } from './cache-store.ts';
import { memoryStore } from './memory-store.ts';

let store: CacheStore | undefined;

/**
 * The store models use when given no `cache` option. Created on first use (importing this module
 * has no effect), then shared, so two models with the same settings share results as a file cache
 * would.
 * @returns The default store for this runtime.
 */
export function defaultStore(): CacheStore {
  return (store ??= memoryStore());
}
