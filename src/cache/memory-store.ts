import { isPrunable, type CacheEntry, type CacheStore } from '../core/cache-store.ts';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** The most entries kept; the oldest written is dropped first. @default 1000 */
  maxEntries?: number;
}

/**
 * A copy of JSON data: objects and arrays are new, strings and other primitives shared (they are
 * immutable). Cheaper than parsing the entry's JSON again, and its cost follows the number of
 * values, not the length of the text.
 */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key]);
    // A `__proto__` key of an answer's raw JSON stays an own property, as JSON.parse makes it.
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = item;
  }
  return out;
}

/**
 * An in-memory cache store. An entry is stored as a copy through JSON (as a persistent store would
 * keep it) and every hit returns a fresh copy of that, so a caller mutating a result changes neither
 * what the cache holds nor what later hits return; no hit parses JSON.
 * @param options - Size limit.
 * @returns A store, with `delete`, `clear`, `keys` and `prune`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function memoryStore(options: MemoryStoreOptions = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 1000;
  const map = new Map<string, { entry: CacheEntry; expires: number }>();
  return {
    name: 'memory',
    get(key) {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.expires <= Date.now()) {
        map.delete(key);
        return undefined;
      }
      return copy(hit.entry) as CacheEntry;
    },
    set(key, entry, setOptions) {
      map.delete(key);
      const ttl = setOptions?.ttl;
      if (ttl !== undefined && ttl <= 0) return; // a TTL of 0 keeps nothing
      map.set(key, {
        entry: JSON.parse(JSON.stringify(entry)) as CacheEntry,
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
        const old = isPrunable(hit.entry, cutoff);
        if (old || hit.expires <= now) removed += Number(map.delete(key));
      }
      return removed;
    },
  };
}
