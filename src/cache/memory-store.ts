import { isPrunable, type CacheEntry, type CacheStore } from '../core/cache-store.ts';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** The most entries kept; the oldest written is dropped first. @default 1000 */
  maxEntries?: number;
}

/**
 * An in-memory cache store. Entries are kept as JSON text, so a caller mutating a result cannot
 * change what later hits return, and hits are independent copies.
 * @param options - Size limit.
 * @returns A store, with `delete`, `clear`, `keys` and `prune`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function memoryStore(options: MemoryStoreOptions = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 1000;
  const map = new Map<string, { text: string; expires: number }>();
  return {
    name: 'memory',
    get(key) {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.expires <= Date.now()) {
        map.delete(key);
        return undefined;
      }
      return JSON.parse(hit.text) as CacheEntry;
    },
    set(key, entry, setOptions) {
      map.delete(key);
      const ttl = setOptions?.ttl;
      if (ttl !== undefined && ttl <= 0) return; // a TTL of 0 keeps nothing
      map.set(key, {
        text: JSON.stringify(entry),
        expires: ttl === undefined ? Infinity : Date.now() + ttl * 1000,
      });
      if (map.size > maxEntries) map.delete(map.keys().next().value!);
    },
    delete(key) {
      map.delete(key);
    },
    clear() {
      map.clear();
    },
    keys(prefix = '') {
      const now = Date.now();
      return [...map]
        .filter(([key, hit]) => key.startsWith(prefix) && hit.expires > now)
        .map(([key]) => key);
    },
    prune(olderThan, prefix = '') {
      const now = Date.now();
      const cutoff = olderThan.getTime();
      let removed = 0;
      for (const [key, hit] of map) {
        if (!key.startsWith(prefix)) continue;
        const old = isPrunable(JSON.parse(hit.text) as CacheEntry, cutoff);
        if (old || hit.expires <= now) removed += Number(map.delete(key));
      }
      return removed;
    },
  };
}
