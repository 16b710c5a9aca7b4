import { printWarning } from '../../core/cache-warning.ts';
import { byteStore } from '../byte-store.ts';
import { isPrunable, type CacheStore } from '../../core/cache-store.ts';
import { isEntryKey } from '../entry-key.ts';

/**
 * The part of a Cloudflare Workers `KVNamespace` binding that the store uses. The real binding
 * (from the Worker's `env`) fits it; so can a test double or another KV with the same API.
 */
export interface KVNamespaceLike {
  get(key: string, type: 'arrayBuffer'): Promise<ArrayBuffer | null>;
  put(
    key: string,
    value: Uint8Array,
    options?: { expirationTtl?: number; metadata?: unknown },
  ): Promise<void>;
  delete(key: string): Promise<void>;
  list(options?: { prefix?: string | null; cursor?: string | null }): Promise<{
    keys: { name: string; metadata?: unknown }[];
    list_complete: boolean;
    cursor?: string;
  }>;
}

/** Options of {@link kvStore}. */
export interface KVStoreOptions {
  /** Prepended to every key, to share a namespace with other data. @default 'alea-cache/' */
  prefix?: string;
  /**
   * The most KV operations one `pruneCache` or `clearCache` call makes. A Worker invocation may
   * make 1,000 (https://developers.cloudflare.com/kv/platform/limits/); the default leaves 100 for
   * the rest of the invocation. A call that reaches it stops, warns, and the next call goes on.
   * @default 900
   */
  maxOperations?: number;
  /** Receives corrupt entries, and pruning or clearing that stopped at `maxOperations`. */
  onWarning?: (message: string) => void;
}

/** KV refuses an `expirationTtl` below 60 seconds. */
const KV_MIN_TTL = 60;

/** What each value carries as KV metadata, so pruning can decide from a listing without reads. */
interface EntryMetadata {
  createdAt?: unknown;
  expiresAt?: unknown;
  keepUntil?: unknown;
}

/** Thrown inside a pass when the operation budget is spent, and caught there. */
class OutOfOperations extends Error {}

/**
 * A cache store in Cloudflare Workers KV, with values gzipped above 4 KiB. Pass the binding from the Worker's
 * `env` (there are no globals): `kvStore(env.CACHE)`. A TTL below KV's 60 s minimum is still exact,
 * because each entry also carries its expiry; KV itself drops it at 60 s. KV is eventually
 * consistent: another location may miss a fresh entry for up to a minute. Each value's creation and
 * expiry times are also its KV metadata, so `pruneCache` reads only the listing (one operation per
 * 1,000 keys) and spends operations on deletions; pruning and clearing stop at `maxOperations`.
 * @param namespace - The KV namespace binding.
 * @param options - Key prefix, operation budget and warning hook.
 * @returns A store with `delete`, `clear`, `keys`, `prune` and TTL.
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
  const budget = options.maxOperations ?? 900;
  const warn = options.onWarning ?? printWarning;

  /**
   * Walks the entries under a prefix within a budget of operations: `visit` gets each entry key
   * with its metadata and a `spend()` to call before each further operation.
   * @returns Whether the walk finished (false when the budget ran out first).
   */
  async function walk(
    prefix: string,
    visit: (key: string, metadata: EntryMetadata | undefined, spend: () => void) => Promise<void>,
    limit = budget,
  ): Promise<boolean> {
    let used = 0;
    const spend = () => {
      if (used >= limit) throw new OutOfOperations();
      used++;
    };
    try {
      let cursor: string | undefined;
      do {
        spend();
        const page = await namespace.list({ prefix: base + prefix, cursor: cursor ?? null });
        for (const { name, metadata } of page.keys) {
          const key = name.slice(base.length);
          if (isEntryKey(key)) await visit(key, metadata as EntryMetadata | undefined, spend);
        }
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return true;
    } catch (error) {
      if (error instanceof OutOfOperations) return false;
      throw error;
    }
  }

  const stopped = (what: string, done: number) =>
    warn(
      `[cache:kv] ${what} stopped after ${budget} KV operations (a Worker invocation may make ` +
        `1,000), having deleted ${done} entries; call it again, in another invocation, to go on.`,
    );

  return byteStore(
    {
      name: 'kv',
      async read(key) {
        const buffer = await namespace.get(base + key, 'arrayBuffer');
        return buffer === null ? undefined : new Uint8Array(buffer);
      },
      write: (key, bytes, { createdAt, expiresAt, ttl, keepUntil }) =>
        namespace.put(base + key, bytes, {
          metadata: { createdAt, expiresAt, ...(keepUntil !== undefined && { keepUntil }) },
          ...(ttl ? { expirationTtl: Math.max(KV_MIN_TTL, Math.ceil(ttl)) } : {}),
        }),
      remove: (key) => namespace.delete(base + key),
      async list(prefix) {
        const keys: string[] = [];
        await walk(prefix, async (key) => void keys.push(key), Number.POSITIVE_INFINITY);
        return keys;
      },
      async clear() {
        let removed = 0;
        const done = await walk('', async (key, _metadata, spend) => {
          spend();
          await namespace.delete(base + key);
          removed++;
        });
        if (!done) stopped('clearCache', removed);
      },
      async prune(cutoff, prefix, doomed) {
        let removed = 0;
        const done = await walk(prefix, async (key, metadata, spend) => {
          const { createdAt, expiresAt, keepUntil } = metadata ?? {};
          let drop: boolean;
          if (typeof createdAt === 'number') {
            const kept = typeof keepUntil === 'number' ? keepUntil : undefined;
            drop =
              isPrunable({ createdAt, keepUntil: kept }, cutoff) ||
              (typeof expiresAt === 'number' && expiresAt <= Date.now());
          } else {
            // Written without metadata (by an earlier version): read it to decide.
            spend();
            drop = await doomed(key);
          }
          if (!drop) return;
          spend();
          await namespace.delete(base + key);
          removed++;
        });
        if (!done) stopped('pruneCache', removed);
        return removed;
      },
    },
    options.onWarning,
  );
}
