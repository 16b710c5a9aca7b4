// Cache management: plain functions over any CacheStore, so they work the same on memory, files,
// IndexedDB, KV and unstorage, and tree-shake away when unused.
import { baseUrl } from '../core/base-url.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { sha256Hex } from '../core/sha256-hex.ts';
import { isPrunable, type CacheStore } from '../core/cache-store.ts';

function need<K extends 'keys' | 'delete' | 'clear'>(
  store: CacheStore,
  method: K,
): NonNullable<CacheStore[K]> {
  const fn = store[method];
  if (typeof fn !== 'function') {
    throw new TypeError(
      `The ${store.name} cache store has no ${method}(); use a store that supports it (memory, fs, ` +
        'indexeddb, kv and unstorage all do).',
    );
  }
  return fn.bind(store) as NonNullable<CacheStore[K]>;
}

/**
 * Lists a store's keys.
 * @param store - The store.
 * @param prefix - Only keys starting with it, such as `openai/` or a {@link modelCachePrefix}.
 * @returns The keys.
 * @throws TypeError when the store cannot list keys.
 */
export async function listCacheKeys(store: CacheStore, prefix = ''): Promise<string[]> {
  return need(store, 'keys')(prefix);
}

/**
 * Deletes one entry (a missing one is not an error).
 * @param store - The store.
 * @param key - The entry's key, as listed by {@link listCacheKeys}.
 */
export async function deleteCacheEntry(store: CacheStore, key: string): Promise<void> {
  await need(store, 'delete')(key);
}

/**
 * Deletes every entry of a store.
 * @param store - The store.
 */
export async function clearCache(store: CacheStore): Promise<void> {
  await need(store, 'clear')();
}

/**
 * Deletes the entries written before a date, and those that are expired or corrupt. Entries that
 * cannot be read just now (a transient error) are kept, and so are entries with a `keepUntil` still
 * ahead (the record of a batch job whose results were not read yet); only what the cache wrote is
 * touched:
 * in the fs store, files named like its entries. Stores with their own `prune` (every built-in
 * persistent store) do the work; for others, entries that `get` returns older than the date go.
 * @param store - The store.
 * @param olderThan - Entries created before this instant are deleted.
 * @param prefix - Only keys starting with it.
 * @returns How many entries were deleted.
 */
export async function pruneCache(store: CacheStore, olderThan: Date, prefix = ''): Promise<number> {
  const cutoff = olderThan instanceof Date ? olderThan.getTime() : Number.NaN;
  if (Number.isNaN(cutoff)) throw new TypeError('pruneCache() needs a valid Date as olderThan.');
  if (typeof store.prune === 'function') return store.prune(olderThan, prefix);
  const remove = need(store, 'delete');
  let removed = 0;
  for (const key of await listCacheKeys(store, prefix)) {
    const entry = await Promise.resolve(store.get(key)).catch(() => undefined);
    if (entry !== undefined && isPrunable(entry, cutoff)) {
      await remove(key);
      removed++;
    }
  }
  return removed;
}

/**
 * The key prefix of one model's entries (`{provider}/{16 hex of endpoint and model}/`), to list,
 * prune or clear just that model's results. The endpoint is normalised as the models do it, so
 * `https://api.openai.com/v1/` and the model's own `endpoint` give the same prefix.
 * @param model - A model instance, or its provider, endpoint and model id.
 * @returns The prefix, ending with `/`.
 */
export async function modelCachePrefix(model: {
  provider: string;
  endpoint: string;
  model: string;
}): Promise<string> {
  // Mirrors core/cache-key.ts (checked in test/cache-fs.node.test.ts against real call keys).
  const group = await sha256Hex(canonicalJson([baseUrl(model.endpoint), model.model]));
  return `${model.provider}/${group.slice(0, 16)}/`;
}
