/// <reference types="node" />
// The only node: importer in the package besides the key-file reader. Reachable only through
// `alea-llm-client/cache/fs` and the node/deno/bun flavour of `#default-store`, so browser and
// Worker bundles never see node:fs.
import * as nodeCrypto from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { readEnv } from '../../core/env.ts';
import { SHA256_HEX } from '../../core/sha256-hex.ts';
import { byteStore } from '../byte-store.ts';
import type { CacheStore } from '../../core/cache-store.ts';
import { fsProblem, homeProblem, isMissing } from './fs-problem.ts';
import { storedGzip, unstoredGzip } from './stored-gzip.ts';

/** Options of {@link fsStore}. */
export interface FsStoreOptions {
  /** The cache folder. @default `$ALEA_CACHE_DIR`, else `~/.alea/cache` */
  dir?: string;
  /** Receives unreadable and corrupt entries (each is a miss that the next result replaces). */
  onWarning?: (message: string) => void;
}

// The layout, level by level: {provider}/{16 hex}/{64 hex}.json.gz. Nothing else is listed or
// deleted, so a `dir` that points at a project or home folder loses nothing but cache files.
const SUFFIX = '.json.gz';
const PROVIDER = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
const GROUP = /^[0-9a-f]{16}$/;
const ENTRY = /^([0-9a-f]{64})\.json\.gz$/;
// `{entry file}.{uuid}.tmp`, written then renamed; a process killed in between leaves it behind.
const TEMP = /^[0-9a-f]{64}\.json\.gz\.[0-9a-f-]{36}\.tmp$/;
/** Older temporary files belong to no write still running: a write takes milliseconds. */
const STALE_TEMP_MS = 10 * 60_000;

async function remove(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** A folder's entries, or none when it is missing or (for folders below the root) unreadable. */
async function children(path: string, quiet: boolean) {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch (error) {
    if (quiet || isMissing(error)) return [];
    throw error;
  }
}

/**
 * Whether a file is certainly absent: one stat that throws nothing, where a failed read would cost
 * a thread-pool round trip and an error with its stack (every first call looks up a missing file).
 * A runtime whose statSync lacks `throwIfNoEntry` answers false, and the read decides.
 */
function absent(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/**
 * Visits every `{provider}/{16 hex}` folder under the root with its file names.
 * @param root - The cache folder.
 * @param visit - Receives the folder's key prefix (`openai/0123…`) and its file names.
 */
async function eachGroup(root: string, visit: (group: string, files: string[]) => Promise<void>) {
  for (const provider of await children(root, false)) {
    if (!provider.isDirectory() || !PROVIDER.test(provider.name)) continue;
    for (const group of await children(join(root, provider.name), true)) {
      if (!group.isDirectory() || !GROUP.test(group.name)) continue;
      const files = await children(join(root, provider.name, group.name), true);
      await visit(
        `${provider.name}/${group.name}`,
        files.map((file) => file.name),
      );
    }
  }
}

/** Deletes a group folder's temporary files that no running write can still own. */
async function sweepTemps(folder: string, files: string[]): Promise<void> {
  for (const file of files.filter((name) => TEMP.test(name))) {
    const path = join(folder, file);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await remove(path);
  }
}

// The one-shot hash (Node 20.12+) where there is one, read as a property (see stored-gzip.ts):
// createHash's Hash object costs it as much again.
const sha256Hex = (text: string): string =>
  nodeCrypto.hash
    ? nodeCrypto.hash('sha256', text, 'hex')
    : nodeCrypto.createHash('sha256').update(text).digest('hex');

/**
 * A cache store of gzipped JSON files, `{dir}/{provider}/{16hex}/{64hex}.json.gz`, for Node, Deno
 * (with read and write permission for the folder, and `--allow-sys=homedir` for the default folder)
 * and Bun. Writes go to a temporary file that is then renamed, so concurrent writers and a killed
 * process never leave a torn entry; `pruneCache` and `clearCache` remove temporary files older than
 * ten minutes. Only files and folders named like entries are listed, pruned or cleared. A truncated
 * or corrupt file is a miss reported to `onWarning`. Folders are created on the first write;
 * nothing touches the disk before the first call.
 * @param options - Folder and warning hook.
 * @returns A store with `delete`, `clear`, `keys`, `prune`, and TTL (kept inside each entry).
 */
/* @__NO_SIDE_EFFECTS__ */
export function fsStore(options: FsStoreOptions = {}): CacheStore {
  // Resolved on first use: Deno without --allow-sys=homedir must not fail at model construction.
  let root = options.dir;
  const dir = () => {
    if (root !== undefined) return root;
    const env = readEnv('ALEA_CACHE_DIR');
    if (env) return (root = env);
    try {
      return (root = join(homedir(), '.alea', 'cache'));
    } catch (error) {
      throw homeProblem(error);
    }
  };
  // The root, normalized once, with a trailing separator: an entry's folder and file are then plain
  // concatenations of a key byteStore has checked (path.join and dirname walk the whole path by
  // character, some 0.1 M instructions a call before V8 optimizes them).
  // ('.' keeps an empty `dir` the working folder, as path.join read it.)
  let base: string | undefined;
  const rootSlash = () => (base ??= join(dir(), '.', sep));
  // The key's `/` as the platform's separator: a no-op on POSIX, skipped there (replaceAll alone
  // cost a miss some 0.004 M instructions).
  const native = (path: string) => (sep === '/' ? path : path.replaceAll('/', sep));
  const fileOf = (key: string) => rootSlash() + native(key) + SUFFIX;
  // `{provider}/{16 hex}` of `{provider}/{16 hex}/{64 hex}`.
  const folderOf = (key: string) => rootSlash() + native(key.slice(0, -65));
  // Folders this store made or found: a write into one skips the mkdir (and makes it again if the
  // folder was removed since).
  const folders = new Set<string>();
  // Temporary files are `{entry}.{36 characters}.tmp`: this store's random prefix (made on its first
  // write) and a counter, unique across processes and writes; a UUID per write cost a miss some
  // 0.005 M instructions.
  let writer: string | undefined;
  let writes = 0;
  const tempOf = (file: string) =>
    `${file}.${(writer ??= crypto.randomUUID().slice(0, 24))}${(++writes).toString(16).padStart(12, '0')}.tmp`;
  const store = byteStore(
    {
      name: 'fs',
      // Entries are read and written with synchronous calls: a cache file is a few hundred bytes
      // to the page cache, where each thread-pool round trip of the async calls (open, write,
      // close, rename) costs more than the write itself. Entries under 4 KiB come from the codec
      // as plain JSON and are wrapped in gzip's stored blocks, so every file opens with zcat.
      async read(key) {
        let file: string;
        try {
          file = fileOf(key);
        } catch {
          return undefined; // no folder, no entry: the write that follows says why
        }
        if (absent(file)) return undefined;
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          if (isMissing(error)) return undefined;
          throw fsProblem(error, dir());
        }
        return unstoredGzip(bytes) ?? bytes;
      },
      async write(key, bytes) {
        const file = fileOf(key);
        const folder = folderOf(key);
        const temp = tempOf(file);
        const data = bytes[0] === 0x1f ? bytes : storedGzip(bytes);
        try {
          if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
          try {
            writeFileSync(temp, data);
          } catch (error) {
            if (!isMissing(error)) throw error;
            mkdirSync(folder, { recursive: true });
            writeFileSync(temp, data);
          }
          folders.add(folder);
          renameSync(temp, file);
        } catch (error) {
          try {
            unlinkSync(temp);
          } catch {
            // never written, or already gone
          }
          throw fsProblem(error, dir());
        }
      },
      remove: async (key) => remove(fileOf(key)),
      async list(prefix) {
        const keys: string[] = [];
        await eachGroup(dir(), async (group, files) => {
          for (const file of files) {
            const hash = ENTRY.exec(file)?.[1];
            if (hash && `${group}/${hash}`.startsWith(prefix)) keys.push(`${group}/${hash}`);
          }
        });
        return keys.sort();
      },
      async sweep() {
        await eachGroup(dir(), (group, files) => sweepTemps(join(dir(), group), files));
      },
      async clear() {
        const groups: string[] = [];
        await eachGroup(dir(), async (group, files) => {
          for (const file of files) if (ENTRY.test(file)) await remove(join(dir(), group, file));
          await sweepTemps(join(dir(), group), files);
          groups.push(group);
        });
        // Then the folders the entries leave empty (a folder with anything else in it stays).
        const providers = new Set(groups.map((group) => group.split('/')[0]!));
        for (const folder of [...groups, ...providers]) {
          await rmdir(join(dir(), folder)).catch(() => undefined);
        }
      },
    },
    options.onWarning,
  );
  // Cache keys hashed by node:crypto: synchronous and native, where WebCrypto's digest is an
  // asynchronous job costing the call some 0.1 M instructions. The same digest (UTF-8, SHA-256).
  return Object.assign(store, { [SHA256_HEX]: sha256Hex });
}
