import { ioContextCheck } from '../core/io-context-check.ts';

/** A call whose answer identical calls may wait for instead of sending their own request. */
export interface InFlight<T> {
  promise: Promise<T>;
  /** Whether the leader's own call ended early (its signal or deadline), not the request failing. */
  cancelled: () => boolean;
  /** Whether the current code may wait for it (see {@link ioContextCheck}). */
  here: () => boolean;
  /** A streamed call's shared events, which an identical stream reads from the start. */
  stream?: object;
}

// Per scope (the cache store), per cache key: two models sharing a store share their calls too.
const scopes = new WeakMap<object, Map<string, InFlight<unknown>>>();

/**
 * The in-flight call for a key that the current code may join, if there is one. A call started by
 * another Workers request is never joinable: its I/O belongs to that request.
 */
export function joinable<T>(scope: object, key: string): InFlight<T> | undefined {
  const entry = scopes.get(scope)?.get(key) as InFlight<T> | undefined;
  return entry?.here() ? entry : undefined;
}

/**
 * Registers `work` as the in-flight call for `key` until it settles, and returns its result. A
 * leader from another I/O context takes the key over; each removes only its own entry. A stream
 * registers its shared events too; a whole call waits for its `work` all the same.
 */
export async function lead<T>(
  scope: object,
  key: string,
  work: Promise<T>,
  cancelled: () => boolean,
  stream?: object,
): Promise<T> {
  let calls = scopes.get(scope);
  if (!calls) scopes.set(scope, (calls = new Map()));
  const entry: InFlight<T> = { promise: work, cancelled, here: ioContextCheck(), stream };
  calls.set(key, entry as InFlight<unknown>);
  try {
    return await work;
  } finally {
    if (calls.get(key) === entry) calls.delete(key);
  }
}
