/** @module The Cloudflare Workers KV cache store. */
export { kvStore, type KVNamespaceLike, type KVStoreOptions } from './kv-store.ts';
