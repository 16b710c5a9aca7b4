/// <reference types="node" />

/** The error code of a Node or Bun fs error (`EACCES`, …), or Deno's error name (`NotCapable`). */
function codeOf(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : '';
}

/**
 * Whether an fs error says the file or folder is not there (a file where a folder of the path
 * should be, `ENOTDIR`, means the same for a read).
 */
export function isMissing(error: unknown): boolean {
  return ['ENOENT', 'NotFound', 'ENOTDIR'].includes(codeOf(error));
}

/**
 * Rewrites an fs failure of the cache folder as an error that says how to fix it: Deno's missing
 * permissions, a folder that is not writable, a file where a folder should be. Other errors pass.
 * @param error - What the fs call threw.
 * @param dir - The cache folder.
 * @returns The error to throw.
 */
export function fsProblem(error: unknown, dir: string): unknown {
  const code = codeOf(error);
  const elsewhere =
    'point ALEA_CACHE_DIR or fsStore({ dir }) at a folder that is, or pass `cache: false`';
  if (code === 'NotCapable' || code === 'PermissionDenied') {
    return new Error(
      `Deno may not use the cache folder ${dir}: run with --allow-read=${dir} --allow-write=${dir}, ` +
        `or ${elsewhere.replace(' that is', ' it may use')}.`,
      { cause: error },
    );
  }
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code)) {
    const what = code === 'ENOSPC' ? 'the disk is full' : 'not a folder this process may write';
    return new Error(`Cannot use the cache folder ${dir} (${code}: ${what}): ${elsewhere}.`, {
      cause: error,
    });
  }
  return error;
}

/**
 * The error for a default folder that cannot be found because the home folder is out of reach (Deno
 * without `--allow-sys=homedir`).
 * @param error - What `os.homedir()` threw.
 */
export function homeProblem(error: unknown): Error {
  return new Error(
    'Cannot find the home folder for the default cache folder (~/.alea/cache): in Deno, run with ' +
      '--allow-sys=homedir (and --allow-read/--allow-write for ~/.alea/cache), or set ALEA_CACHE_DIR ' +
      '(readable with --allow-env=ALEA_CACHE_DIR), or pass `cache: fsStore({ dir })`, or `cache: false`.',
    { cause: error },
  );
}
