// The only pako imports in the package. Each half is loaded on first use with a dynamic import(), so
// a bundle's entry chunk carries no pako, a call that writes only a small entry loads none, and a
// page that only writes never downloads the inflate half (or the reverse). pako rather than
// CompressionStream: it is synchronous once loaded, identical in every runtime, and reads truncated
// input as an error rather than a hang. The `browser/*` builds are plain ES modules, so every
// runtime takes the same files.
import { lazy } from '../core/lazy.ts';

// Loaded once each; a failed chunk load is retried by the next call rather than remembered.
const deflate = /* @__PURE__ */ lazy(() => import('pako/browser/deflate'));
const inflate = /* @__PURE__ */ lazy(() => import('pako/browser/inflate'));

/**
 * Loads pako's inflate half (once). Stores call it before decoding gzip, so that a failure to load
 * the codec is reported as a read failure rather than as a corrupt entry.
 * @returns pako's `ungzip`.
 */
export function loadInflate(): Promise<Pick<typeof import('pako'), 'ungzip'>> {
  return inflate();
}

/**
 * Compresses bytes with gzip.
 * @param bytes - The bytes to compress.
 * @returns The gzip bytes.
 */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return (await deflate()).gzip(bytes);
}
