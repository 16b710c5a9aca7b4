/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where key files live, for error messages. */
export const KEY_FILE_DIR = '~/.alea/keys';

/**
 * Reads `~/.alea/keys/{name}`: its first line that is neither blank nor a `#` comment, trimmed, so
 * a file may keep notes (or an old key, commented out) below the key. The filesystem flavour,
 * chosen through the package's `#key-file` import for Node, Deno and Bun.
 * @param name - The provider's key file name.
 * @returns The key, or undefined when the file is missing, unreadable or has no key line.
 */
export async function readKeyFile(name: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(homedir(), '.alea', 'keys', name), 'utf8');
  } catch {
    return undefined;
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
}
