import type { UseStore } from 'idb-keyval';

/** A database that is still opened elsewhere without giving way cannot be upgraded. */
function blockedError(dbName: string, storeName: string): Error {
  return new Error(
    `IndexedDB database "${dbName}" needs a new version to add the object store "${storeName}", ` +
      'but a connection to it elsewhere (another tab, or code that does not close on versionchange) ' +
      'blocks the upgrade. Give the cache a database of its own (`dbName`), or close the other ' +
      'connection.',
  );
}

/**
 * Opens an object store the way idb-keyval's `createStore` does, except that it also works in a
 * database that already exists without that store: idb-keyval opens without a version, so its
 * upgrade handler never runs there and every transaction fails with `NotFoundError`, for good.
 * Here the database is reopened with the next version to add the store. Connections close when
 * another one asks for a new version, and reopen on the next use, so stores that share a database
 * never block each other. An upgrade that a foreign connection blocks fails fast (and keeps
 * failing fast while it waits, since later opens would queue behind it); once that connection
 * closes, the upgrade completes and the store works.
 * @param dbName - The database.
 * @param storeName - The object store inside it.
 * @returns An idb-keyval `UseStore` for `get`, `set` and `del`.
 */
export function openStore(dbName: string, storeName: string): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  let active: IDBDatabase | undefined;
  let waiting = false;

  // Give way to a connection that wants a new version (another store adding its own), and to a
  // browser that closed the database: the next use opens it again.
  const adopt = (db: IDBDatabase) => {
    const forget = () => {
      db.close();
      if (active === db) connection = active = undefined;
    };
    db.addEventListener('versionchange', forget);
    db.addEventListener('close', forget);
    return (active = db);
  };

  const open = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, version);
      let blocked = false;
      request.addEventListener('upgradeneeded', () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName);
      });
      request.addEventListener('success', () => {
        if (!blocked) return resolve(request.result);
        // The blocked upgrade went through after all: later calls use it.
        waiting = false;
        connection = Promise.resolve(adopt(request.result));
      });
      request.addEventListener('error', () => {
        if (blocked) waiting = false;
        reject(request.error);
      });
      request.addEventListener('blocked', () => {
        blocked = waiting = true;
        reject(blockedError(dbName, storeName));
      });
    });

  async function connect(): Promise<IDBDatabase> {
    let db = await open();
    // Another store may upgrade the same database at the same time: try the next version again.
    for (let attempt = 0; !db.objectStoreNames.contains(storeName); attempt++) {
      const next = db.version + 1;
      db.close();
      if (attempt === 5) throw new Error(`IndexedDB: could not add "${storeName}" to "${dbName}".`);
      db = await open(next).catch((error: unknown) => {
        if ((error as DOMException | null)?.name !== 'VersionError') throw error;
        return open();
      });
    }
    return adopt(db);
  }

  const database = () => {
    if (waiting) return Promise.reject(blockedError(dbName, storeName));
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
