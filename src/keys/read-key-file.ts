/** Where key files live, for error messages; undefined where there is no filesystem. */
export const KEY_FILE_DIR: string | undefined = undefined;

/**
 * The flavour for runtimes without a filesystem (browsers, Workers): there is no key file.
 * @returns Always undefined.
 */
export async function readKeyFile(_name: string): Promise<string | undefined> {
  return undefined;
}
