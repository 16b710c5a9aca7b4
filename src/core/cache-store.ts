import type { JSONModelResponse, MaybePromise, ModelResponse } from './types.ts';

/** What the cache keeps for one call: the result, and when it was made. Plain JSON. */
export interface CacheEntry {
  /** The entry format version. */
  v: 1;
  /** When the result was stored, in ms since the epoch. */
  createdAt: number;
  /** The result as returned to the caller (with `cached: false`). */
  response: ModelResponse | JSONModelResponse;
  /**
   * Until when (ms since the epoch) `pruneCache` keeps the entry whatever its age: the record of a
   * batch job whose results were not read yet. Expiry (a TTL) still applies.
   */
  keepUntil?: number;
}

/**
 * Whether pruning by age removes an entry: created before `cutoff`, and not kept past now by its
 * `keepUntil`. Every store's prune decides with this.
 * @param entry - The entry, or the creation and keep times a store keeps beside it.
 * @param cutoff - Entries created before this time (ms since the epoch) go.
 */
export function isPrunable(entry: Pick<CacheEntry, 'createdAt' | 'keepUntil'>, cutoff: number) {
  return entry.createdAt < cutoff && !((entry.keepUntil ?? 0) > Date.now());
}

/** Options for one read. */
export interface CacheGetOptions {
  /**
   * Also receives this read's warnings (an unreadable or corrupt entry), besides the store's own
   * hook: the core passes the model's `onWarning`, so a shared default store reports to each caller.
   */
  onWarning?: (message: string) => void;
}

/** Options for one write. */
export interface CacheSetOptions {
  /** Seconds until the entry expires, where the store supports expiry; 0 keeps nothing. */
  ttl?: number;
}

/**
 * The plug-in contract for result caches. Keys look like `{provider}/{endpoint-model hash}/{call
 * hash}` so that file stores can lay them out as folders; the built-in persistent stores (fs,
 * IndexedDB, KV, unstorage) accept only keys of that layout, so that they never list, prune or
 * clear anything else. Methods may be synchronous or return promises. `get` returns undefined for
 * a miss and should also do so (and report through its own warning hook) for an entry it cannot read.
 */
export interface CacheStore {
  /** A short name for messages, such as `memory` or `fs`. */
  readonly name: string;
  get(key: string, options?: CacheGetOptions): MaybePromise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry, options?: CacheSetOptions): MaybePromise<void>;
  delete?(key: string): MaybePromise<void>;
  clear?(): MaybePromise<void>;
  /** Lists keys, optionally only those starting with a prefix. */
  keys?(prefix?: string): MaybePromise<string[]>;
  /**
   * Deletes the entries created before `olderThan`, and those expired or found corrupt; entries it
   * cannot read just now are kept. `pruneCache` uses it when present (the built-in byte stores
   * have it), else it deletes what `get` returns older than the date.
   * @returns How many entries were deleted.
   */
  prune?(olderThan: Date, prefix?: string): MaybePromise<number>;
}
