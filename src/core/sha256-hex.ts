/**
 * The SHA-256 of a text's UTF-8 bytes, as 64 hex digits: WebCrypto where the runtime has it, else
 * a small pure implementation (loaded on demand) that gives the same digest, so hashing, and with
 * it caching, never fails a call.
 * @param text - The text to hash.
 * @returns Lowercase hex.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  let digest: Uint8Array;
  try {
    digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  } catch {
    // No `crypto.subtle` (insecure contexts, some webviews), or a digest that refused to run.
    digest = (await import('./sha256.ts')).sha256(bytes);
  }
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Where a store offers a synchronous SHA-256 of a text, giving {@link sha256Hex}'s digest: the fs
 * store's `node:crypto` hash costs a call a fraction of WebCrypto's asynchronous job.
 */
export const SHA256_HEX: unique symbol = Symbol.for('alea.sha256');
