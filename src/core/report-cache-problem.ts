import type { CacheStore } from './cache-store.ts';
import { printWarning } from './cache-warning.ts';

// Loaded by the cached path with the first cache problem that has no `onWarning` to go to: a call
// whose cache works downloads none of it.

/** The kinds of cache trouble that are reported once each per store when no `onWarning` is set. */
export type CacheProblem = 'read' | 'corrupt' | 'write';

// Per store object, the kinds already printed: a store that cannot write fails on every call, and
// one line says as much as a thousand.
const printed = new WeakMap<CacheStore, Set<CacheProblem>>();

/**
 * Prints a cache problem that no `onWarning` hook was given for, once per store and kind, so trouble
 * is visible by default (cache faults never fail a call, so nothing else would show it). The core
 * sends every problem to the model's `onWarning` when there is one; `onWarning: () => {}` silences.
 * @param store - The store concerned.
 * @param problem - What went wrong.
 * @param message - The full message, which says how to fix it.
 */
export function reportCacheProblem(
  store: CacheStore,
  problem: CacheProblem,
  message: string,
): void {
  let seen = printed.get(store);
  if (!seen) printed.set(store, (seen = new Set()));
  if (seen.has(problem)) return;
  seen.add(problem);
  printWarning(
    `${message} (shown once for this store; pass onWarning to the model to receive every cache ` +
      'warning, or onWarning: () => {} to silence them)',
  );
}
