// The only pako import in the package. It is loaded on first use with a dynamic import(), so that a
// bundle's entry chunk carries no pako (web bundlers split it into its own chunk) and code that never
// touches a persistent store never loads it. pako rather than CompressionStream: it is synchronous
// once loaded, identical in every runtime, and reads truncated input as an error rather than a hang.
type Pako = typeof import('pako');

let loading: Promise<Pako> | undefined;

/**
 * Loads pako (once). Stores call it before decoding, so that a failure to load the codec is
 * reported as a read failure rather than as a corrupt entry.
 * @returns pako.
 */
export function loadPako(): Promise<Pako> {
  return (loading ??= import('pako').catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}

/**
 * Compresses UTF-8 text with gzip.
 * @param text - The text to compress.
 * @returns The gzip bytes.
 */
export async function gzipText(text: string): Promise<Uint8Array> {
  const pako = await loadPako();
  return pako.gzip(new TextEncoder().encode(text));
}

/**
 * Decompresses gzip bytes to UTF-8 text.
 * @param bytes - gzip data.
 * @returns The text.
 * @throws When the data is not valid gzip or is truncated.
 */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const pako = await loadPako();
  // pako 3 renamed `{ to: 'string' }` to `{ toText: true }` (runtimes.md P4).
  return pako.ungzip(bytes, { toText: true });
}
