/** @module The filesystem cache store, for Node, Deno and Bun. */
export { fsStore, type FsStoreOptions } from './fs-store.ts';
