/** @module Cache stores and their contract. */
export type { CacheEntry, CacheSetOptions, CacheStore } from './cache-store.ts';
export { memoryStore, type MemoryStoreOptions } from './memory-store.ts';
