/// <reference types="node" />
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { printWarning } from '../core/cache-warning.ts';

/** Where key files live, for error messages. */
export const KEY_FILE_DIR = '~/.alea/keys';

// Files already warned about: one warning per file per process, not one per call.
const warned = new Set<string>();

/**
 * Warns, as ssh does for private keys, when a key file can be read by other users of the machine
 * (any group or other permission bit, such as the 0644 an editor or `echo >` leaves). Windows has no
 * such mode bits, so nothing is said there.
 */
async function warnIfShared(path: string, name: string): Promise<void> {
  if (warned.has(path) || process.platform === 'win32') return;
  const mode = (await stat(path).catch(() => undefined))?.mode;
  if (mode === undefined || (mode & 0o077) === 0) return;
  warned.add(path);
  const shown = `${KEY_FILE_DIR}/${name}`;
  printWarning(
    `[keys] ${shown} can be read by other users (mode ${(mode & 0o777).toString(8)}): ` +
      `run \`chmod 600 ${shown}\` so only you can read the key.`,
  );
}

/**
 * Reads `~/.alea/keys/{name}`: its first line that is neither blank nor a `#` comment, trimmed, so
 * a file may keep notes (or an old key, commented out) below the key. The filesystem flavour,
 * chosen through the package's `#key-file` import for Node, Deno and Bun.
 * @param name - The provider's key file name.
 * A file other users can read gets one warning (see {@link warnIfShared}); the key is still used.
 * @returns The key, or undefined when the file is missing, unreadable or has no key line.
 */
export async function readKeyFile(name: string): Promise<string | undefined> {
  const path = join(homedir(), '.alea', 'keys', name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  await warnIfShared(path, name);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
}
