/** @module A cache store over any unstorage Storage (Redis, S3, databases, …). */
export {
  unstorageStore,
  type UnstorageLike,
  type UnstorageStoreOptions,
} from './unstorage-store.ts';
