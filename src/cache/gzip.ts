// pako's deflate half, loaded on first use with a dynamic import(), so a bundle's entry chunk carries
// no pako and a call that writes only a small entry loads none (the inflate half is decode-entry.ts's,
// so a page that only writes never downloads it, or the reverse). pako rather than
// CompressionStream: it is synchronous once loaded, identical in every runtime, and reads truncated
// input as an error rather than a hang. The `browser/*` builds are plain ES modules, so every
// runtime takes the same files.
import { lazy } from '../core/lazy.ts';

// Loaded once; a failed chunk load is retried by the next call rather than remembered.
const deflate = /* @__PURE__ */ lazy(() => import('pako/browser/deflate'));

/**
 * Compresses bytes with gzip.
 * @param bytes - The bytes to compress.
 * @returns The gzip bytes.
 */
export const gzipBytes = async (bytes: Uint8Array): Promise<Uint8Array> =>
  (await deflate()).gzip(bytes);
