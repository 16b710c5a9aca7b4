/// <reference types="node" />
// The only node: importer in the package besides the key-file reader. Reachable only through
// `alea-llm-client/cache/fs` and the node/deno/bun flavour of `#default-store`, so browser and
// Worker bundles never see node:fs.
import { mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { readEnv } from '../../core/env.ts';
import { byteStore } from '../byte-store.ts';
import type { CacheStore } from '../cache-store.ts';

/** Options of {@link fsStore}. */
export interface FsStoreOptions {
  /** The cache folder. @default `$ALEA_CACHE_DIR`, else `~/.alea/cache` */
  dir?: string;
  /** Receives unreadable and corrupt entries (each is a miss that the next result replaces). */
  onWarning?: (message: string) => void;
}

const SUFFIX = '.json.gz';
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function isMissing(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ENOENT';
}

/** Turns a key into a relative file path, refusing anything that could leave the folder. */
function fileOf(key: string): string {
  const segments = key.split('/');
  if (!segments.every((segment) => SEGMENT.test(segment) && !segment.endsWith(SUFFIX))) {
    throw new TypeError(
      `Invalid fs cache key ${JSON.stringify(key)}: use '/'-separated segments of letters, digits, ` +
        "'.', '_' and '-' (keys made by the client look like provider/16hex/64hex).",
    );
  }
  return join(...segments) + SUFFIX;
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  let items;
  try {
    items = await readdir(join(root, rel), { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const item of items) {
    const path = rel ? `${rel}/${item.name}` : item.name;
    if (item.isDirectory()) await walk(root, path, out);
    else if (item.name.endsWith(SUFFIX)) out.push(path.slice(0, -SUFFIX.length));
  }
}

/**
 * A cache store of gzipped JSON files, `{dir}/{provider}/{16hex}/{64hex}.json.gz`, for Node, Deno
 * (with read and write permission for the folder, and `--allow-sys=homedir` for the default folder)
 * and Bun. Writes go to a temporary file that is then renamed, so concurrent writers and a killed
 * process never leave a torn entry. A truncated or corrupt file is a miss reported to `onWarning`.
 * Folders are created on the first write; nothing touches the disk before the first call.
 * @param options - Folder and warning hook.
 * @returns A store with `delete`, `clear`, `keys`, and TTL (kept inside each entry).
 */
/* @__NO_SIDE_EFFECTS__ */
export function fsStore(options: FsStoreOptions = {}): CacheStore {
  // Resolved on first use: Deno without --allow-sys=homedir must not fail at model construction.
  let root = options.dir;
  const dir = () => (root ??= readEnv('ALEA_CACHE_DIR') ?? join(homedir(), '.alea', 'cache'));
  const remove = async (path: string) => {
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  };
  return byteStore(
    {
      name: 'fs',
      async read(key) {
        try {
          return new Uint8Array(await readFile(join(dir(), fileOf(key))));
        } catch (error) {
          if (isMissing(error)) return undefined;
          throw error;
        }
      },
      async write(key, bytes) {
        const file = join(dir(), fileOf(key));
        await mkdir(file.slice(0, file.lastIndexOf(sep)), { recursive: true });
        const temp = `${file}.${crypto.randomUUID()}.tmp`;
        try {
          await writeFile(temp, bytes);
          await rename(temp, file);
        } catch (error) {
          await remove(temp).catch(() => undefined);
          throw error;
        }
      },
      remove: async (key) => remove(join(dir(), fileOf(key))),
      async list(prefix) {
        const keys: string[] = [];
        await walk(dir(), '', keys);
        return keys.filter((key) => key.startsWith(prefix)).sort();
      },
      async clear() {
        // Only entries are removed, then the folders they leave empty: a mistaken `dir` (say, a
        // home folder) loses nothing but cache files.
        const keys: string[] = [];
        await walk(dir(), '', keys);
        for (const key of keys) await remove(join(dir(), key + SUFFIX));
        const folders = new Set(keys.flatMap((key) => ancestors(key)));
        for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
          await rmdir(join(dir(), folder)).catch(() => undefined);
        }
      },
    },
    options.onWarning,
  );
}

function ancestors(key: string): string[] {
  const parts = key.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
