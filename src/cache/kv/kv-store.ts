import { byteStore } from '../byte-store.ts';
import type { CacheStore } from '../cache-store.ts';

/**
 * The part of a Cloudflare Workers `KVNamespace` binding that the store uses. The real binding
 * (from the Worker's `env`) fits it; so can a test double or another KV with the same API.
 */
export interface KVNamespaceLike {
  get(key: string, type: 'arrayBuffer'): Promise<ArrayBuffer | null>;
  put(key: string, value: Uint8Array, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  list(options?: {
    prefix?: string | null;
    cursor?: string | null;
  }): Promise<{ keys: { name: string }[]; list_complete: boolean; cursor?: string }>;
}

/** Options of {@link kvStore}. */
export interface KVStoreOptions {
  /** Prepended to every key, to share a namespace with other data. @default 'alea-cache/' */
  prefix?: string;
  /** Receives corrupt entries (each is a miss that the next result replaces). */
  onWarning?: (message: string) => void;
}

/** KV refuses an `expirationTtl` below 60 seconds. */
const KV_MIN_TTL = 60;

/**
 * A cache store in Cloudflare Workers KV, with gzipped values. Pass the binding from the Worker's
 * `env` (there are no globals): `kvStore(env.CACHE)`. A TTL below KV's 60 s minimum is still exact,
 * because each entry also carries its expiry; KV itself drops it at 60 s. KV is eventually
 * consistent: another location may miss a fresh entry for up to a minute.
 * @param namespace - The KV namespace binding.
 * @param options - Key prefix and warning hook.
 * @returns A store with `delete`, `clear`, `keys` and TTL.
 */
/* @__NO_SIDE_EFFECTS__ */
export function kvStore(namespace: KVNamespaceLike, options: KVStoreOptions = {}): CacheStore {
  if (!namespace || typeof namespace.get !== 'function' || typeof namespace.put !== 'function') {
    throw new TypeError(
      'kvStore() needs a KV namespace binding, such as env.CACHE with a kv_namespaces entry in your ' +
        'wrangler configuration.',
    );
  }
  const base = options.prefix ?? 'alea-cache/';
  return byteStore(
    {
      name: 'kv',
      async read(key) {
        const buffer = await namespace.get(base + key, 'arrayBuffer');
        return buffer === null ? undefined : new Uint8Array(buffer);
      },
      write: (key, bytes, ttl) =>
        namespace.put(
          base + key,
          bytes,
          ttl ? { expirationTtl: Math.max(KV_MIN_TTL, Math.ceil(ttl)) } : undefined,
        ),
      remove: (key) => namespace.delete(base + key),
      async list(prefix) {
        const keys: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await namespace.list({ prefix: base + prefix, cursor: cursor ?? null });
          for (const { name } of page.keys) keys.push(name.slice(base.length));
          cursor = page.list_complete ? undefined : page.cursor;
        } while (cursor);
        return keys;
      },
    },
    options.onWarning,
  );
}
