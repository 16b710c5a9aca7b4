import type { CacheStore } from '../core/cache-store.ts';
import { lazy } from '../core/lazy.ts';
import type { DecodedEntry } from './decode-entry.ts';
import { encodeEntry } from './encode-entry.ts';
import { isEntryKey } from './entry-key.ts';

/** What the store knows when it writes an entry, for backends that keep it beside the bytes. */
export interface WriteInfo {
  /** The entry's `createdAt`. */
  createdAt: number;
  /** When it expires (ms since the epoch), if it does. */
  expiresAt?: number;
  /** Seconds until then: a hint for backends that expire keys themselves. */
  ttl?: number;
  /** The entry's `keepUntil`, for backends that prune from their own metadata. */
  keepUntil?: number;
}

/** What reading one entry found: decoded, absent, or not readable just now (kept by pruning). */
export type Inspection =
  DecodedEntry | { status: 'missing' } | { status: 'unreadable'; error: unknown };

/** The raw operations a persistent store supplies; {@link byteStore} adds the codec and the rules. */
export interface ByteBackend {
  /** The store's name, for warnings. */
  name: string;
  /** JSON shorter than this is stored uncompressed (default 4096 bytes; 0 gzips every entry). */
  plainBelow?: number;
  /**
   * Reads the bytes under a key (a Uint8Array), or undefined when there are none; anything else
   * found there (IndexedDB holds any value) is reported as corrupt. May throw.
   */
  read(key: string): Promise<unknown>;
  write(key: string, bytes: Uint8Array, info: WriteInfo): Promise<void>;
  remove(key: string): Promise<void>;
  /** Lists keys starting with `prefix`; anything not in the entry layout is dropped by the caller. */
  list(prefix: string): Promise<string[]>;
  /** Removes every entry; defaults to removing each listed entry, then {@link ByteBackend.sweep}. */
  clear?(): Promise<void>;
  /**
   * Prunes by itself (KV, to stay within its per-invocation limit); defaults to a listed walk.
   * `doomed` reads an entry and tells whether pruning deletes it (old, expired or corrupt).
   */
  prune?(
    cutoff: number,
    prefix: string,
    doomed: (key: string) => Promise<boolean>,
  ): Promise<number>;
  /** Removes what interrupted writes left behind (the fs store's stale temporary files). */
  sweep?(): Promise<void>;
}

// Listing, clearing and pruning: loaded on first use (a call only reads and writes).
const manage = /* @__PURE__ */ lazy(() => import('./byte-store-manage.ts'));
// Decoding: loaded when a read first finds bytes (a first call's read is a miss). A failed load is
// an unreadable entry, as a codec's is: a miss with a warning, retried by the next read.
const decoder = /* @__PURE__ */ lazy(() => import('./decode-entry.ts'));

/**
 * Builds a {@link CacheStore} over a byte backend: entries are JSON (gzipped when large) under keys of the
 * client's layout only, and an unreadable, corrupt or expired value is a miss. Unreadable and
 * corrupt values are reported through both the store's hook and the read's (`get(key, { onWarning
 * })`); the next good write replaces them. Write errors are thrown, for the caller (the core turns
 * them into warnings).
 * @param backend - Raw reads and writes.
 * @param onWarning - The store's own warning hook.
 * @returns A store with `delete`, `clear`, `keys`, `prune` and TTL.
 */
export function byteStore(backend: ByteBackend, onWarning?: (message: string) => void): CacheStore {
  const { name } = backend;
  const inspect = async (key: string): Promise<Inspection> => {
    try {
      const bytes = await backend.read(key);
      return bytes === undefined
        ? { status: 'missing' }
        : await (await decoder()).decodeEntry(bytes);
    } catch (error) {
      return { status: 'unreadable', error };
    }
  };
  // Refuses a key outside the layout; the error's code loads only for one (and a good key costs
  // no await on the write path).
  const refuseKey = async (key: string): Promise<never> => {
    throw (await import('./entry-key-error.ts')).entryKeyError(name, key);
  };
  const parts = { backend, inspect, onWarning };
  return {
    name,
    async get(key, options) {
      const warn = (message: string) => {
        onWarning?.(message);
        if (options?.onWarning !== onWarning) options?.onWarning?.(message);
      };
      if (!isEntryKey(key)) {
        warn(`[cache:${name}] ${JSON.stringify(key)} is not a cache key; treated as a miss.`);
        return undefined;
      }
      const found = await inspect(key);
      if (found.status === 'ok') return found.entry;
      if (found.status === 'unreadable') {
        warn(`[cache:${name}] cannot read ${key}, treated as a miss: ${String(found.error)}`);
      } else if (found.status === 'corrupt') {
        // The decoder found it so, so it is loaded: its chunk holds the message too.
        warn((await decoder()).corruptWarning(name, key, found.reason));
      }
      return undefined;
    },
    async set(key, entry, options) {
      if (!isEntryKey(key)) await refuseKey(key);
      const ttl = options?.ttl;
      // A TTL of 0 keeps nothing: not even an older result under the same key. No `!== undefined`
      // tests (every first call downloads these lines): `undefined <= 0` is false, and no TTL
      // gives no `expiresAt`.
      if (ttl! <= 0) return backend.remove(key);
      const expiresAt = ttl && Date.now() + ttl * 1000;
      const bytes = await encodeEntry(entry, expiresAt, backend.plainBelow);
      const { createdAt, keepUntil } = entry;
      await backend.write(key, bytes, { createdAt, expiresAt, ttl, keepUntil });
    },
    async delete(key) {
      if (!isEntryKey(key)) await refuseKey(key);
      await backend.remove(key);
    },
    clear: async () => (await manage()).clearEntries(parts),
    keys: async (prefix) => (await manage()).listEntries(parts, prefix),
    prune: async (olderThan, prefix) => (await manage()).pruneEntries(parts, olderThan, prefix),
  };
}
