import type { CacheStore } from '../core/cache-store.ts';
import { memoryStore } from './memory-store.ts';

let store: CacheStore | undefined;

/**
 * The store models use when given no `cache` option, for Workers and unknown runtimes (package.json
 * `#default-store` "workerd", "worker" and "default" conditions; Node, Deno, Bun and browsers get
 * default-store.fs.ts and default-store.indexeddb.ts). A Worker has no persistent store without a
 * binding, so pass `cache: kvStore(env.CACHE)` for one. Created on first use (importing this module
 * has no effect), then shared, so two models with the same settings share results.
 * @returns A memory store.
 */
export function defaultStore(): CacheStore {
  return (store ??= memoryStore());
}
