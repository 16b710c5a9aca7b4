import { promisifyRequest, type UseStore } from 'idb-keyval';
import { lazy } from '../../core/lazy.ts';
import type { UpgradeState } from './add-object-store.ts';

// Adding the store to a database that exists without it: rare, so loaded only when needed.
const upgrade = /* @__PURE__ */ lazy(() => import('./add-object-store.ts'));

/**
 * Opens an object store the way idb-keyval's `createStore` does, except that it also works in a
 * database that already exists without that store: idb-keyval opens without a version, so its
 * upgrade handler never runs there and every transaction fails with `NotFoundError`, for good.
 * Here the database is reopened with the next version to add the store (add-object-store.ts).
 * Connections close when another one asks for a new version, and reopen on the next use, so
 * stores that share a database never block each other. An upgrade that a foreign connection
 * blocks fails fast (and keeps failing fast while it waits, since later opens would queue behind
 * it); once that connection closes, the upgrade completes and the store works.
 * @param dbName - The database.
 * @param storeName - The object store inside it.
 * @returns An idb-keyval `UseStore` for `get`, `set` and `del`.
 */
export function openStore(dbName: string, storeName: string): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  let active: IDBDatabase | undefined;

  // Give way to a connection that wants a new version (another store adding its own), and to a
  // browser that closed the database: the next use opens it again.
  const adopt = (db: IDBDatabase) => {
    const forget = () => {
      db.close();
      if (active === db) connection = active = undefined;
    };
    // Handler properties rather than listeners: the same here (the connection is ours alone, so
    // nothing else registers one), in fewer bytes for every first call.
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    db.onversionchange = db.onclose = forget;
    return (active = db);
  };
  const state: UpgradeState = {
    dbName,
    storeName,
    late: (db) => (connection = Promise.resolve(adopt(db))),
  };

  async function connect(): Promise<IDBDatabase> {
    // Without a version, only a database that does not exist yet is upgraded (created), so this
    // open is never blocked.
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const db = await promisifyRequest(request);
    if (db.objectStoreNames.contains(storeName)) return adopt(db);
    const { addObjectStore } = await upgrade().catch((error: unknown) => {
      db.close(); // left open, it would block the upgrade that the next use tries
      throw error;
    });
    return adopt(await addObjectStore(db, state));
  }

  const database = () => {
    if (state.blocked) return Promise.reject(state.blocked);
    return (connection ??= connect().catch((error: unknown) => {
      connection = undefined;
      throw error;
    }));
  };

  return async (mode, callback) => {
    let db = await database();
    if (db !== active) db = await database(); // closed for an upgrade while this call waited
    return callback(db.transaction(storeName, mode).objectStore(storeName));
  };
}
