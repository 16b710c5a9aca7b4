// The only pako imports in the package. Each half is loaded on first use with a dynamic import(), so
// a bundle's entry chunk carries no pako, a call that writes only a small entry loads none, and a
// page that only writes never downloads the inflate half (or the reverse). pako rather than
// CompressionStream: it is synchronous once loaded, identical in every runtime, and reads truncated
// input as an error rather than a hang. The `browser/*` builds are plain ES modules, so every
// runtime takes the same files.
type Deflate = Pick<typeof import('pako'), 'gzip'>;
type Inflate = Pick<typeof import('pako'), 'ungzip'>;

let deflating: Promise<Deflate> | undefined;
let inflating: Promise<Inflate> | undefined;

/** A failed chunk load is retried by the next call rather than remembered. */
function once<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  return load().catch((error: unknown) => {
    forget();
    throw error;
  });
}

/**
 * Loads pako's inflate half (once). Stores call it before decoding gzip, so that a failure to load
 * the codec is reported as a read failure rather than as a corrupt entry.
 * @returns pako's `ungzip`.
 */
export function loadInflate(): Promise<Inflate> {
  return (inflating ??= once(
    () => import('pako/browser/inflate'),
    () => (inflating = undefined),
  ));
}

/**
 * Compresses bytes with gzip.
 * @param bytes - The bytes to compress.
 * @returns The gzip bytes.
 */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  deflating ??= once(
    () => import('pako/browser/deflate'),
    () => (deflating = undefined),
  );
  return (await deflating).gzip(bytes);
}

/**
 * Decompresses gzip bytes to UTF-8 text.
 * @param bytes - gzip data.
 * @returns The text.
 * @throws When the data is not valid gzip or is truncated.
 */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  // pako 3 renamed `{ to: 'string' }` to `{ toText: true }` (runtimes.md P4).
  return (await loadInflate()).ungzip(bytes, { toText: true });
}
