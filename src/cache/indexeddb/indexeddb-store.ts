import { promisifyRequest } from 'idb-keyval';
import { byteStore } from '../byte-store.ts';
import type { CacheStore } from '../../core/cache-store.ts';
import { openStore } from './open-store.ts';

/** Options of {@link indexedDBStore}. */
export interface IndexedDBStoreOptions {
  /** The database, kept apart from idb-keyval's shared default one. @default 'alea-llm-cache' */
  dbName?: string;
  /**
   * The object store inside it. In a database that exists without it, the database is upgraded to
   * add it (its other stores are kept). @default 'entries'
   */
  storeName?: string;
  /** Receives unreadable and corrupt entries (each is a miss that the next result replaces). */
  onWarning?: (message: string) => void;
}

/**
 * A cache store in the browser's IndexedDB (idb-keyval), with entries (gzipped above 4 KiB) in its own database
 * and object store. Entries survive page reloads. The database is opened on first use. A full quota
 * makes `set` throw, which the client reports as a warning; the call still succeeds.
 * @param options - Database names and warning hook.
 * @returns A store with `delete`, `clear`, `keys`, `prune`, and TTL (kept inside each entry).
 */
/* @__NO_SIDE_EFFECTS__ */
export function indexedDBStore(options: IndexedDBStoreOptions = {}): CacheStore {
  const db = openStore(options.dbName ?? 'alea-llm-cache', options.storeName ?? 'entries');
  // idb-keyval's get, set and del, written out: theirs carry its default-database fallback.
  const lookup = <T>(op: (store: IDBObjectStore) => IDBRequest<T>) =>
    db('readonly', (store) => promisifyRequest(op(store)));
  // A write is done when its transaction completes, not when its request succeeds.
  const change = (op: (store: IDBObjectStore) => unknown) =>
    db('readwrite', (store) => (op(store), promisifyRequest(store.transaction)));
  return byteStore(
    {
      name: 'indexeddb',
      // Anything else under our key (written by hand or another version) is reported as corrupt.
      read: (key) => lookup((store) => store.get(key)),
      write: (key, bytes) => change((store) => store.put(bytes, key)),
      remove: (key) => change((store) => store.delete(key)),
      // A range of strings, so the keys are strings: for the empty prefix too, whose range leaves
      // out only keys starting with U+FFFF and keys that are not strings, none of them an entry's.
      list: (prefix) =>
        lookup((store) =>
          store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
        ) as Promise<string[]>,
    },
    options.onWarning,
  );
}
