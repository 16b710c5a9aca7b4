import { printWarning } from '../core/cache-warning.ts';
import { isPrunable } from '../core/cache-store.ts';
import type { ByteBackend, Inspection } from './byte-store.ts';
import { isEntryKey } from './entry-key.ts';

// Listing, clearing and pruning of a byte store: no call needs them, so byte-store.ts loads this
// module on the first use of one of them, and a page's first call downloads none of it.

/** What listing, clearing and pruning work with: the store's backend and its own helpers. */
export interface ByteStoreParts {
  backend: ByteBackend;
  /** Reads and decodes one entry. */
  inspect: (key: string) => Promise<Inspection>;
  /** The store's warning hook (else warnings are printed). */
  onWarning?: (message: string) => void;
}

/** How many entries `prune` reads and deletes at once. */
const PRUNE_CONCURRENCY = 16;

/**
 * Whether pruning deletes an inspected entry: old, expired and corrupt ones go; what could not be
 * read just now (a busy disk, a codec chunk that failed to load) stays, since it may be fine.
 * @param found - What reading the entry found.
 * @param cutoff - Entries created before this time (ms since the epoch) go.
 */
function doomed(found: Inspection, cutoff: number): boolean {
  if (found.status === 'ok') return isPrunable(found.entry, cutoff);
  return found.status === 'expired' || found.status === 'corrupt';
}

/**
 * Lists the keys of the cache's own layout (see `CacheStore.keys`): what else the backend holds
 * is left out.
 * @param parts - The store's backend.
 * @param prefix - Only keys starting with it.
 * @returns The keys.
 */
export async function listEntries({ backend }: ByteStoreParts, prefix = ''): Promise<string[]> {
  return (await backend.list(prefix)).filter(isEntryKey);
}

/**
 * Removes every entry: the backend's own `clear`, else each listed entry, then its sweep.
 * @param parts - The store's backend.
 */
export async function clearEntries(parts: ByteStoreParts): Promise<void> {
  const { backend } = parts;
  if (backend.clear) return backend.clear();
  for (const key of await listEntries(parts)) await backend.remove(key);
  await backend.sweep?.();
}

/**
 * Prunes a byte store (see `CacheStore.prune`): the backend's own `prune`, else a listed walk that
 * keeps, and reports, the entries it could not read just now.
 * @param parts - The store's backend, reader and warning hook.
 * @param olderThan - Entries created before this time go.
 * @param prefix - Only keys starting with it.
 * @returns How many entries were deleted.
 */
export async function pruneEntries(
  parts: ByteStoreParts,
  olderThan: Date,
  prefix = '',
): Promise<number> {
  const { backend, inspect, onWarning } = parts;
  const cutoff = olderThan.getTime();
  if (backend.prune)
    return backend.prune(cutoff, prefix, async (key) => doomed(await inspect(key), cutoff));
  let removed = 0;
  const kept: string[] = [];
  const keys = await listEntries(parts, prefix);
  // A few entries at a time: one by one, 20,000 files took 36 s (every read waits for the disk
  // or the network); all at once would hold every entry in memory together.
  let next = 0;
  const work = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      const found = await inspect(key);
      if (found.status === 'unreadable') kept.push(`${key}: ${String(found.error)}`);
      if (!doomed(found, cutoff)) continue;
      await backend.remove(key);
      removed++;
    }
  };
  await Promise.all(Array.from({ length: PRUNE_CONCURRENCY }, work));
  await backend.sweep?.();
  if (kept.length) {
    (onWarning ?? printWarning)(
      `[cache:${backend.name}] pruneCache kept ${kept.length} entries it could not read just now ` +
        `(first: ${kept[0]}); run it again later to check them.`,
    );
  }
  return removed;
}
