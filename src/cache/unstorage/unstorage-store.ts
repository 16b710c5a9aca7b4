import { byteStore } from '../byte-store.ts';
import type { CacheStore } from '../../core/cache-store.ts';
import { isEntryKey } from '../entry-key.ts';

/**
 * The part of an unstorage `Storage` (`createStorage({ driver })`) that the store uses; unstorage
 * itself is an optional peer dependency that this module never imports.
 */
export interface UnstorageLike {
  getItemRaw(key: string): Promise<unknown>;
  setItemRaw(key: string, value: Uint8Array, options?: { ttl?: number }): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(base?: string): Promise<string[]>;
}

/** Options of {@link unstorageStore}. */
export interface UnstorageStoreOptions {
  /** The unstorage base under which entries live (`clear` removes only this). @default 'alea-cache' */
  base?: string;
  /** Receives corrupt entries (each is a miss that the next result replaces). */
  onWarning?: (message: string) => void;
}

function toBytes(value: unknown): Uint8Array | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  // Node Buffers from some drivers are Uint8Arrays already; anything else is not ours.
  return new Uint8Array(0);
}

/**
 * Wraps any unstorage `Storage` as a cache store, so one cache can be shared between machines
 * through Redis, S3, a database or any other unstorage driver. Values are bytes, JSON gzipped above 4 KiB (drivers
 * without raw support store them base64-encoded, as unstorage does). unstorage writes keys with
 * `:`; they are mapped back to the client's `/` form.
 * @example
 * ```ts
 * import { createStorage } from 'unstorage';
 * import redisDriver from 'unstorage/drivers/redis';
 * const cache = unstorageStore(createStorage({ driver: redisDriver({ url: 'redis://host:6379' }) }));
 * ```
 * @param storage - The unstorage instance.
 * @param options - Base and warning hook.
 * @returns A store with `delete`, `clear`, `keys`, `prune`, and TTL (driver TTL where supported, and exact
 *   expiry inside each entry).
 */
/* @__NO_SIDE_EFFECTS__ */
export function unstorageStore(
  storage: UnstorageLike,
  options: UnstorageStoreOptions = {},
): CacheStore {
  if (!storage || typeof storage.getItemRaw !== 'function') {
    throw new TypeError(
      'unstorageStore() needs an unstorage Storage, from createStorage({ driver }).',
    );
  }
  const base = (options.base ?? 'alea-cache').replace(/[:/]+$/, '');
  const full = (key: string) => (base ? `${base}:${key}` : key).replace(/\//g, ':');
  const strip = (key: string) => (base ? key.slice(base.length + 1) : key).replace(/:/g, '/');
  return byteStore(
    {
      name: 'unstorage',
      read: async (key) => toBytes(await storage.getItemRaw(full(key))),
      write: (key, bytes, { ttl }) =>
        storage.setItemRaw(full(key), bytes, ttl ? { ttl: Math.ceil(ttl) } : undefined),
      remove: (key) => storage.removeItem(full(key)),
      async list(prefix) {
        const keys = (await storage.getKeys(base)).map(strip);
        return keys.filter((key) => key.startsWith(prefix)).sort();
      },
      // Not storage.clear(base): some drivers (redis in unstorage 1.17) miss keys under a base, and
      // it would also take values under the base that are not entries.
      async clear() {
        const keys = (await storage.getKeys(base)).filter((key) => isEntryKey(strip(key)));
        await Promise.all(keys.map((key) => storage.removeItem(key)));
      },
    },
    options.onWarning,
  );
}
