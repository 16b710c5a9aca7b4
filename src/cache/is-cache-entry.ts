import type { CacheEntry } from '../core/cache-store.ts';

/**
 * Checks the shape of a decoded entry, so that a file from another version or a hand-edited value
 * is a miss rather than a wrong answer.
 * @param value - Anything decoded from a store.
 * @returns Whether it is a version-1 entry with a result.
 */
export function isCacheEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.v === 1 &&
    typeof entry.createdAt === 'number' &&
    typeof entry.response === 'object' &&
    entry.response !== null &&
    typeof entry.response.text === 'string' &&
    Array.isArray(entry.response.messages)
  );
}
