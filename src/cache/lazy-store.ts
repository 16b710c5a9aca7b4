import type { CacheStore } from '../core/cache-store.ts';
import { lazy } from '../core/lazy.ts';

/**
 * A store whose implementation is loaded with a dynamic import() on first use, so that a web
 * bundle's entry chunk carries only this forwarder and the real store (with its codec) lands in a
 * lazy chunk, fetched by the first call that touches the cache.
 * @param name - The store's name, for messages.
 * @param load - Loads and creates the real store (called once; retried if it failed).
 * @returns A store that forwards every method.
 */
export function lazyStore(name: string, load: () => Promise<CacheStore>): CacheStore {
  const real = lazy(load);
  return {
    name,
    get: async (key, options) => (await real()).get(key, options),
    set: async (key, entry, options) => (await real()).set(key, entry, options),
    delete: async (key) => (await real()).delete?.(key),
    clear: async () => (await real()).clear?.(),
    keys: async (prefix) => (await (await real()).keys?.(prefix)) ?? [],
    // The stores loaded this way (IndexedDB, memory) both prune by themselves.
    prune: async (olderThan, prefix) => (await (await real()).prune?.(olderThan, prefix)) ?? 0,
  };
}
