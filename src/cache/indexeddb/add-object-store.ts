// The rare path of opening a store: a database that exists without the cache's object store gets
// a new version to add it. Its own module, which open-store.ts loads only when that happens.

/** What the upgrade shares with the store's connection state in open-store.ts. */
export interface UpgradeState {
  dbName: string;
  storeName: string;
  /** Set while an upgrade waits on a connection that blocks it: uses fail fast with it meanwhile. */
  blocked?: Error;
  /** Takes the connection of a blocked upgrade that went through after all. */
  late(db: IDBDatabase): void;
}

/**
 * Adds the object store to an open database that lacks it: closes it and reopens it with the next
 * version, whose upgrade creates the store (another store may upgrade the same database at the
 * same time: then the next version is tried again). An upgrade that a foreign connection blocks
 * fails fast with a message that says how to fix it, and keeps `state.blocked` set while it waits;
 * once that connection closes, the upgrade completes and `state.late` takes the connection.
 * @param db - The database, open without the store.
 * @param state - Names, and the store's connection state.
 * @returns The database, open with the store.
 */
export async function addObjectStore(db: IDBDatabase, state: UpgradeState): Promise<IDBDatabase> {
  const { dbName, storeName } = state;
  const open = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, version);
      let blocked = false;
      request.addEventListener('upgradeneeded', () => {
        const upgraded = request.result;
        if (!upgraded.objectStoreNames.contains(storeName)) upgraded.createObjectStore(storeName);
      });
      request.addEventListener('success', () => {
        if (!blocked) return resolve(request.result);
        // The blocked upgrade went through after all: later calls use it.
        state.blocked = undefined;
        state.late(request.result);
      });
      request.addEventListener('error', () => {
        if (blocked) state.blocked = undefined;
        reject(request.error);
      });
      request.addEventListener('blocked', () => {
        blocked = true;
        // A database that is still opened elsewhere without giving way cannot be upgraded.
        reject(
          (state.blocked = new Error(
            `IndexedDB database "${dbName}" needs a new version to add the object store "${storeName}", ` +
              'but a connection to it elsewhere (another tab, or code that does not close on ' +
              'versionchange) blocks the upgrade. Give the cache a database of its own (`dbName`), ' +
              'or close the other connection.',
          )),
        );
      });
    });
  for (let attempt = 0; !db.objectStoreNames.contains(storeName); attempt++) {
    const next = db.version + 1;
    db.close();
    if (attempt === 5) throw new Error(`IndexedDB: could not add "${storeName}" to "${dbName}".`);
    db = await open(next).catch((error: unknown) => {
      if ((error as DOMException | null)?.name !== 'VersionError') throw error;
      return open();
    });
  }
  return db;
}
