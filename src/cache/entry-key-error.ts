/**
 * The error of a write or delete under a key outside the cache's layout (see entry-key.ts). Loaded
 * only then: the keys the client makes always fit.
 * @param store - The store's name, for the message.
 * @param key - The key.
 * @returns A TypeError naming the layout.
 */
export const entryKeyError = (store: string, key: string): TypeError =>
  new TypeError(
    `Invalid ${store} cache key ${JSON.stringify(key)}: keys made by the client look like ` +
      '{provider}/{16 hex}/{64 hex}, and this store holds nothing else.',
  );
