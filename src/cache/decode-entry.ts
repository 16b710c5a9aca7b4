import type { CacheEntry } from '../core/cache-store.ts';
import type { StoredEntry } from './encode-entry.ts';
import { lazy } from '../core/lazy.ts';
import { isCacheEntry } from './is-cache-entry.ts';

// Also the pipeline's check of a hit (cached-call.ts), which loads it from here: with the decoder,
// which a byte store's hit has loaded already, rather than with a first call, which never runs it.
export { isCacheEntry };

// The reading half of the entry format (see encode-entry.ts): loaded by a byte store only when a
// read finds bytes, so a first call, whose read is a miss, downloads none of it.

// pako's inflate half (see gzip.ts), loaded once, for the first gzipped entry; a failed load is
// retried by the next read rather than remembered.
const inflate = /* @__PURE__ */ lazy(() => import('pako/browser/inflate'));

/** What {@link decodeEntry} found. */
export type DecodedEntry =
  | { status: 'ok'; entry: CacheEntry }
  | { status: 'expired' }
  | { status: 'corrupt'; reason: string };

/**
 * Decodes bytes written by `encodeEntry`, plain or gzipped. Truncated gzip, bad JSON and a wrong
 * shape come back as `corrupt`, with the reason, so the store can warn and treat it as a miss; it throws only when
 * the codec itself cannot be loaded (a failed chunk load is not the entry's fault).
 * @param bytes - The stored bytes.
 * @returns The entry, `expired`, or `corrupt`.
 */
export async function decodeEntry(bytes: Uint8Array): Promise<DecodedEntry> {
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
