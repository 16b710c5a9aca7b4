import type { CacheStore } from '../core/cache-store.ts';
import { fsStore } from './fs/fs-store.ts';

let store: CacheStore | undefined;

/**
 * The default store for Node, Deno and Bun (package.json `#default-store` conditions): gzipped
 * files under `~/.alea/cache` (or `$ALEA_CACHE_DIR`), shared by every model and every process of the user. Created on first
 * use and touching the disk only on the first call.
 * @returns The filesystem store.
 */
export function defaultStore(): CacheStore {
  return (store ??= fsStore());
}
