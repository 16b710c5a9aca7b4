import type { CacheEntry } from '../core/cache-store.ts';
import { gzipBytes, loadInflate } from './gzip.ts';
import { isCacheEntry } from './is-cache-entry.ts';

// The stored form is the entry's JSON plus an optional `expiresAt` (ms since the epoch), gzipped
// when it is large. Small entries are stored as plain UTF-8 JSON: gzip saves a few hundred bytes on
// them but costs a browser the download of pako's deflate half (8.5 kB gzipped) on the first call.
// The first byte tells the forms apart: gzip always starts 0x1f 0x8b, an entry's JSON always `{`.
// Keeping the expiry inside the value gives every byte store the same exact TTL, whether or not
// its backend expires keys itself (KV rounds up to 60 s; files and IndexedDB never expire).
interface StoredEntry extends CacheEntry {
  expiresAt?: number;
}

/** Entries whose JSON is shorter than this many bytes are stored uncompressed by default. */
export const PLAIN_BELOW = 4096;

const OPEN_BRACE = 0x7b;

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

/** What {@link decodeEntry} found. */
export type DecodedEntry =
  | { status: 'ok'; entry: CacheEntry }
  | { status: 'expired' }
  | { status: 'corrupt'; reason: string };

/**
 * Decodes bytes written by {@link encodeEntry}, plain or gzipped. Truncated gzip, bad JSON and a wrong shape come back
 * as `corrupt`, with the reason, so the store can warn and treat it as a miss; it throws only when
 * the codec itself cannot be loaded (a failed chunk load is not the entry's fault).
 * @param bytes - The stored bytes.
 * @returns The entry, `expired`, or `corrupt`.
 */
export async function decodeEntry(bytes: Uint8Array): Promise<DecodedEntry> {
  // Loaded before the try: a codec that cannot be loaded is not the entry's fault.
  const codec = bytes[0] === OPEN_BRACE ? undefined : await loadInflate();
  let value: unknown;
  try {
    let text: string;
    if (!codec) text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    else if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new Error('neither JSON nor gzip');
    // pako 3 renamed `{ to: 'string' }` to `{ toText: true }` (runtimes.md P4).
    else text = codec.ungzip(bytes, { toText: true });
    value = JSON.parse(text);
  } catch (error) {
    return { status: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
  if (!isCacheEntry(value)) return { status: 'corrupt', reason: 'not a cache entry' };
  const { expiresAt, ...entry } = value as StoredEntry;
  if (typeof expiresAt === 'number' && expiresAt <= Date.now()) return { status: 'expired' };
  return { status: 'ok', entry };
}
