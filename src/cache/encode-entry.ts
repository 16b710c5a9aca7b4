import type { CacheEntry } from '../core/cache-store.ts';
import { gzipBytes } from './gzip.ts';

// The stored form is the entry's JSON plus an optional `expiresAt` (ms since the epoch), gzipped
// when it is large. Small entries are stored as plain UTF-8 JSON: gzip saves a few hundred bytes on
// them but costs a browser the download of pako's deflate half (8.5 kB gzipped) on the first call.
// The first byte tells the forms apart: gzip always starts 0x1f 0x8b, an entry's JSON always `{`.
// Keeping the expiry inside the value gives every byte store the same exact TTL, whether or not
// its backend expires keys itself (KV rounds up to 60 s; files and IndexedDB never expire).
export interface StoredEntry extends CacheEntry {
  expiresAt?: number;
}

/** Entries whose JSON is shorter than this many bytes are stored uncompressed by default. */
export const PLAIN_BELOW = 4096;

/**
 * Encodes an entry for a byte store: JSON, gzipped when it has `plainBelow` bytes or more.
 * @param entry - The entry to store.
 * @param expiresAt - When it expires (ms since the epoch); absent for never.
 * @param plainBelow - Size under which the JSON is stored as is (0: always gzip).
 * @returns The bytes to store.
 */
export async function encodeEntry(
  entry: CacheEntry,
  expiresAt?: number,
  plainBelow = PLAIN_BELOW,
): Promise<Uint8Array> {
  const stored: StoredEntry = expiresAt === undefined ? entry : { ...entry, expiresAt };
  const json = new TextEncoder().encode(JSON.stringify(stored));
  return json.length < plainBelow ? json : gzipBytes(json);
}
