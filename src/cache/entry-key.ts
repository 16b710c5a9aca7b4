/**
 * The layout of every key the client writes, `{provider}/{16 hex}/{64 hex}` (see core/cache-key.ts).
 * Byte stores accept and list only such keys, so listing, pruning and clearing never touch files
 * or values the cache did not write, even in a shared folder, database or namespace.
 */
const ENTRY_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\/[0-9a-f]{16}\/[0-9a-f]{64}$/;

/**
 * Tells whether a key has the cache's own layout.
 * @param key - Any key or relative path without its suffix.
 */
export function isEntryKey(key: string): boolean {
  return ENTRY_KEY.test(key);
}
