/** @module The IndexedDB cache store, for browsers. */
export { indexedDBStore, type IndexedDBStoreOptions } from './indexeddb-store.ts';
