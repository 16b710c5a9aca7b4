import { canonicalJson } from '../core/canonical-json.ts';
import { sha256Hex } from '../core/sha256-hex.ts';
import type { MaybePromise } from '../core/types.ts';

/**
 * Bumped when what a key covers changes, so that old entries become misses. 2: the request path
 * and the answer-changing headers joined the key.
 */
export const CACHE_KEY_VERSION = 2;

/** What identifies a call's result. Keys and credentials are deliberately absent. */
export interface CacheKeyInput {
  provider: string;
  endpoint: string;
  model: string;
  method: string;
  /** The request path, as sent (it carries Vertex's project and location, for one). */
  path: string;
  /**
   * The names (lower-case) of the request headers that change the answer (the adapter's
   * `cacheKeyHeaders`). Only these are keyed: credentials never are.
   */
  headerNames?: readonly string[];
  /** The header sets of the request in the order they are merged (later ones win). */
  headers?: readonly (Readonly<Record<string, string>> | undefined)[];
  /** The request body exactly as sent (every request parameter). */
  body: unknown;
}

/** The answer-changing headers of a request, lower-cased, or undefined when it has none. */
function keyedHeaders({ headerNames = [], headers = [] }: CacheKeyInput) {
  const picked: Record<string, string> = {};
  for (const [name, value] of headers.flatMap((set) => Object.entries(set ?? {}))) {
    if (headerNames.includes(name.toLowerCase())) picked[name.toLowerCase()] = value;
  }
  return Object.keys(picked).length ? picked : undefined;
}

// Digests of recent texts (the group part, endpoint and model, is the same for every call of a model;
// a repeated call, a cache hit, repeats its whole text): a call computes at most one digest, a
// repeated one none. WebCrypto's digest is asynchronous and costs more than the rest of a memory
// hit. Bounded: short texts only, and the oldest half goes when it is full.
const digests = new Map<string, Promise<string>>();
const MEMO_TEXT = 4096;
const MEMO_SIZE = 256;

function digestOf(text: string, hash: (text: string) => MaybePromise<string>): Promise<string> {
  let digest = digests.get(text);
  if (digest) return digest;
  digest = Promise.resolve(hash(text));
  if (text.length > MEMO_TEXT) return digest;
  if (digests.size >= MEMO_SIZE) {
    for (const old of [...digests.keys()].slice(0, MEMO_SIZE / 2)) digests.delete(old);
  }
  digests.set(text, digest);
  digest.catch(() => digests.delete(text));
  return digest;
}

/**
 * Derives a call's cache key with SHA-256 over canonical JSON, so the same call gives the same key
 * in a browser, a Worker, Deno, Bun or Node (and where WebCrypto is missing, see sha256-hex.ts).
 * @param input - Provider, endpoint, model, method, path, keyed headers and request body.
 * @param hash - SHA-256 to hex: a store's synchronous one (see `SHA256_HEX`), else WebCrypto's.
 * @returns `{provider}/{16 hex of endpoint and model}/{64 hex of the whole call}`: a layout that file
 *   stores map to folders.
 */
export async function cacheKey(
  input: CacheKeyInput,
  hash: (text: string) => MaybePromise<string> = sha256Hex,
): Promise<string> {
  const { headerNames: _names, headers: _all, ...rest } = input;
  const texts = [
    canonicalJson([input.endpoint, input.model]),
    canonicalJson({ v: CACHE_KEY_VERSION, ...rest, headers: keyedHeaders(input) }),
  ];
  const [group, call] = await Promise.all(texts.map((text) => digestOf(text, hash)));
  return `${input.provider}/${group!.slice(0, 16)}/${call}`;
}
