import type { CacheEntry } from '../core/cache-store.ts';
import type { StoredEntry } from './encode-entry.ts';
import { lazy } from '../core/lazy.ts';
import { isCacheEntry } from './is-cache-entry.ts';

// The reading half of the entry format (see encode-entry.ts), with the warning for a corrupt entry:
// loaded by a byte store only when a read finds bytes, so a first call, whose read is a miss,
// downloads none of it. (The pipeline's own check of a hit stays on the call path: importing this
// module there would bring pako's inflate half into one-file bundles, such as a Worker's.)

// pako's inflate half (see gzip.ts), loaded once, for the first gzipped entry; a failed load is
// retried by the next read rather than remembered.
const inflate = /* @__PURE__ */ lazy(() => import('pako/browser/inflate'));

/** What {@link decodeEntry} found. */
export type DecodedEntry =
  | { status: 'ok'; entry: CacheEntry }
  | { status: 'expired' }
  | { status: 'corrupt'; reason: string };

/**
 * Decodes bytes written by `encodeEntry`, plain or gzipped. Truncated gzip, bad JSON, a wrong shape
 * and a stored value that is not bytes at all come back as `corrupt`, with the reason, so the store
 * can warn and treat it as a miss; it throws only when the codec itself cannot be loaded (a failed
 * chunk load is not the entry's fault).
 * @param bytes - The stored bytes (or whatever else a backend such as IndexedDB found there).
 * @returns The entry, `expired`, or `corrupt`.
 */
export async function decodeEntry(bytes: unknown): Promise<DecodedEntry> {
  // Checked here rather than by the IndexedDB backend, whose code every first call downloads.
  if (!(bytes instanceof Uint8Array)) return { status: 'corrupt', reason: 'neither JSON nor gzip' };
  // Loaded before the try: a codec that cannot be loaded is not the entry's fault.
  const codec = bytes[0] === 0x7b /* `{` */ ? undefined : await inflate();
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

/**
 * The warning for a corrupt entry, kept with the decoder that finds one (so a call that finds
 * none downloads no message).
 * @param store - The store's name.
 * @param key - The entry's key.
 * @param reason - What {@link decodeEntry} found wrong.
 * @returns The message.
 */
export const corruptWarning = (store: string, key: string, reason: string): string =>
  `[cache:${store}] entry ${key} is corrupt (${reason}); treated as a miss, ` +
  'the next result replaces it.';
