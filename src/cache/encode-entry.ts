import type { CacheEntry } from '../core/cache-store.ts';
import { gunzipText, gzipText, loadPako } from './gzip.ts';
import { isCacheEntry } from './is-cache-entry.ts';

// The stored form is the entry's JSON plus an optional `expiresAt` (ms since the epoch), gzipped.
// Keeping the expiry inside the value gives every byte store the same exact TTL, whether or not
// its backend expires keys itself (KV rounds up to 60 s; files and IndexedDB never expire).
interface StoredEntry extends CacheEntry {
  expiresAt?: number;
}

/**
 * Encodes an entry for a byte store: JSON, then gzip.
 * @param entry - The entry to store.
 * @param expiresAt - When it expires (ms since the epoch); absent for never.
 * @returns The gzip bytes.
 */
export async function encodeEntry(entry: CacheEntry, expiresAt?: number): Promise<Uint8Array> {
  const stored: StoredEntry = expiresAt === undefined ? entry : { ...entry, expiresAt };
  return gzipText(JSON.stringify(stored));
}

/** What {@link decodeEntry} found. */
export type DecodedEntry =
  | { status: 'ok'; entry: CacheEntry }
  | { status: 'expired' }
  | { status: 'corrupt'; reason: string };

/**
 * Decodes bytes written by {@link encodeEntry}. Truncated gzip, bad JSON and a wrong shape come back
 * as `corrupt`, with the reason, so the store can warn and treat it as a miss; it throws only when
 * the codec itself cannot be loaded (a failed chunk load is not the entry's fault).
 * @param bytes - The stored bytes.
 * @returns The entry, `expired`, or `corrupt`.
 */
export async function decodeEntry(bytes: Uint8Array): Promise<DecodedEntry> {
  await loadPako();
  let value: unknown;
  try {
    value = JSON.parse(await gunzipText(bytes));
  } catch (error) {
    return { status: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
  if (!isCacheEntry(value)) return { status: 'corrupt', reason: 'not a cache entry' };
  const { expiresAt, ...entry } = value as StoredEntry;
  if (typeof expiresAt === 'number' && expiresAt <= Date.now()) return { status: 'expired' };
  return { status: 'ok', entry };
}
