import { canonicalJson } from './canonical-json.ts';

/** Bumped when the meaning of a cache entry changes, so old entries become misses. */
export const CACHE_KEY_VERSION = 1;

/** What identifies a call's result. Keys and headers are deliberately absent. */
export interface CacheKeyInput {
  provider: string;
  endpoint: string;
  model: string;
  method: string;
  /** The request body exactly as sent (every request parameter). */
  body: unknown;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Derives a call's cache key with SHA-256 (WebCrypto, in every supported runtime) over canonical
 * JSON, so the same call gives the same key in a browser, a Worker, Deno, Bun or Node.
 * @param input - Provider, endpoint, model, method and request body.
 * @returns `{provider}/{16 hex of endpoint and model}/{64 hex of the whole call}`: a layout that file
 *   stores map to folders.
 */
export async function cacheKey(input: CacheKeyInput): Promise<string> {
  const [group, call] = await Promise.all([
    sha256Hex(canonicalJson([input.endpoint, input.model])),
    sha256Hex(canonicalJson({ v: CACHE_KEY_VERSION, ...input })),
  ]);
  return `${input.provider}/${group.slice(0, 16)}/${call}`;
}
