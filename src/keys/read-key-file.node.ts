/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where key files live, for error messages. */
export const KEY_FILE_DIR = '~/.alea/keys';

/**
 * Reads `~/.alea/keys/{name}` (trimmed). The filesystem flavour, chosen through the package's
 * `#key-file` import for Node, Deno and Bun.
 * @param name - The provider's key file name.
 * @returns The key, or undefined when the file is missing, unreadable or blank.
 */
export async function readKeyFile(name: string): Promise<string | undefined> {
  try {
    const text = (await readFile(join(homedir(), '.alea', 'keys', name), 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}
