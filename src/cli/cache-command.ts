import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clearCache, deleteCacheEntry, listCacheKeys, pruneCache } from 'alea-llm-client/cache';
import { fsStore } from 'alea-llm-client/cache/fs';
import { UsageError } from './usage.ts';

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** `30d`, `12h`, `45m` in milliseconds. */
function age(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([dhm])$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `--older-than: expected an age such as 30d, 12h or 45m, got "${text}"`,
      'cache',
    );
  return Number(m[1]) * UNITS[m[2]!]!;
}

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * `alea cache stats|list|prune|clear`: the filesystem cache the SDK uses in Node, Deno and Bun.
 * @param args - The arguments after `cache`.
 * @param out - Where the report goes.
 */
export async function cacheCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values: flags, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      provider: { type: 'string' },
      'older-than': { type: 'string' },
    },
  });
  const [action, ...rest] = positionals;
  if (!action || rest.length || !['stats', 'list', 'prune', 'clear'].includes(action))
    throw new UsageError(
      action ? `unknown cache action "${[action, ...rest].join(' ')}"` : 'name an action',
      'cache',
    );
  // The same folder the SDK's default store uses (README "Caching").
  const dir = flags.dir ?? process.env.ALEA_CACHE_DIR?.trim() ?? join(homedir(), '.alea', 'cache');
  const store = fsStore({ dir });
  const prefix = flags.provider ? `${flags.provider.trim().toLowerCase()}/` : '';
  if (action === 'prune') {
    const olderThan = age(flags['older-than'] ?? '30d');
    const n = await pruneCache(store, new Date(Date.now() - olderThan), prefix);
    return out(`pruned ${entries(n)} from ${dir}`);
  }
  if (flags['older-than'] !== undefined)
    throw new UsageError('--older-than applies to prune only', 'cache');
  const keys = await listCacheKeys(store, prefix);
  if (action === 'clear') {
    if (prefix) for (const key of keys) await deleteCacheEntry(store, key);
    else await clearCache(store); // also removes interrupted writes' temp files and empty folders
    return out(`deleted ${entries(keys.length)} from ${dir}`);
  }
  if (action === 'list') return out(keys.join('\n'));
  const byProvider = new Map<string, { entries: number; bytes: number }>();
  for (const key of keys) {
    const provider = key.slice(0, key.indexOf('/'));
    const s = byProvider.get(provider) ?? { entries: 0, bytes: 0 };
    s.entries++;
    s.bytes += await stat(join(dir, ...key.split('/')) + '.json.gz').then(
      (st) => st.size,
      () => 0,
    );
    byProvider.set(provider, s);
  }
  const total = [...byProvider.values()].reduce(
    (t, s) => ({ entries: t.entries + s.entries, bytes: t.bytes + s.bytes }),
    { entries: 0, bytes: 0 },
  );
  out(
    [
      `cache ${dir}`,
      ...[...byProvider].map(
        ([p, s]) => `  ${p.padEnd(12)} ${entries(s.entries).padStart(12)}  ${size(s.bytes)}`,
      ),
      `  ${'total'.padEnd(12)} ${entries(total.entries).padStart(12)}  ${size(total.bytes)}`,
    ].join('\n'),
  );
}
