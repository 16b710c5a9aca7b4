import type { CacheStore } from './cache-store.ts';
import { decodeEntry, encodeEntry } from './encode-entry.ts';

/** The raw operations a persistent store supplies; {@link byteStore} adds the entry codec. */
export interface ByteBackend {
  /** The store's name, for warnings. */
  name: string;
  /** Reads the bytes under a key, or undefined when there are none. May throw. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Writes bytes; `ttl` (seconds) is a hint for backends that expire keys themselves. */
  write(key: string, bytes: Uint8Array, ttl?: number): Promise<void>;
  remove(key: string): Promise<void>;
  /** Lists keys starting with `prefix`. */
  list(prefix: string): Promise<string[]>;
  /** Removes every entry; defaults to removing each listed key. */
  clear?(): Promise<void>;
}

/**
 * Builds a {@link CacheStore} over a byte backend: entries are gzipped JSON, and an unreadable,
 * corrupt or expired value is a miss. Unreadable and corrupt values are reported through both the
 * store's hook and the read's (`get(key, { onWarning })`); the next good write replaces them.
 * Write errors are thrown, for the caller (the core turns them into warnings).
 * @param backend - Raw reads and writes.
 * @param onWarning - The store's own warning hook.
 * @returns A store with `delete`, `clear` and `keys`.
 */
export function byteStore(backend: ByteBackend, onWarning?: (message: string) => void): CacheStore {
  return {
    name: backend.name,
    async get(key, options) {
      const warn = (message: string) => {
        onWarning?.(message);
        if (options?.onWarning !== onWarning) options?.onWarning?.(message);
      };
      let decoded;
      try {
        const bytes = await backend.read(key);
        if (bytes === undefined) return undefined;
        decoded = await decodeEntry(bytes);
      } catch (error) {
        warn(`[cache:${backend.name}] cannot read ${key}, treated as a miss: ${String(error)}`);
        return undefined;
      }
      if (decoded.status === 'ok') return decoded.entry;
      if (decoded.status === 'corrupt') {
        warn(
          `[cache:${backend.name}] entry ${key} is corrupt (${decoded.reason}); treated as a miss, ` +
            'the next result replaces it.',
        );
      }
      return undefined;
    },
    async set(key, entry, options) {
      await backend.write(key, await encodeEntry(entry, options?.ttl), options?.ttl);
    },
    delete: (key) => backend.remove(key),
    async clear() {
      if (backend.clear) return backend.clear();
      for (const key of await backend.list('')) await backend.remove(key);
    },
    keys: (prefix = '') => backend.list(prefix),
  };
}
