import type { JSONModelResponse, MaybePromise, ModelResponse } from '../core/types.ts';

/** What the cache keeps for one call: the result, and when it was made. Plain JSON. */
export interface CacheEntry {
  /** The entry format version. */
  v: 1;
  /** When the result was stored, in ms since the epoch. */
  createdAt: number;
  /** The result as returned to the caller (with `cached: false`). */
  response: ModelResponse | JSONModelResponse;
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
  /** Seconds until the entry expires, where the store supports expiry. */
  ttl?: number;
}

/**
 * The plug-in contract for result caches. Keys look like `{provider}/{endpoint-model hash}/{call
 * hash}` so that file stores can lay them out as folders; other stores treat them as opaque strings.
 * Methods may be synchronous or return promises. `get` returns undefined for a miss and should also
 * do so (and report through its own warning hook) for an entry it cannot read.
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
}
