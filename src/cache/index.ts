/** @module Cache stores, their contract, and cache management. */
export type {
  CacheEntry,
  CacheGetOptions,
  CacheSetOptions,
  CacheStore,
} from '../core/cache-store.ts';
export { memoryStore, type MemoryStoreOptions } from './memory-store.ts';
export { defaultStore } from '#default-store';
export {
  clearCache,
  deleteCacheEntry,
  listCacheKeys,
  modelCachePrefix,
  pruneCache,
} from './manage.ts';
