// Bundles test/support/cache-child.ts from src with esbuild (the package's `#…` imports mapped to
// their Node files, as package.json "imports" does for the built package) and runs it as a child
// Node process. The bundle sits in node_modules/.cache so that its bare imports (unstorage,
// ioredis) resolve from the repository's node_modules.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}node_modules/.cache/alea-test/cache-child-${process.pid}.mjs`;
let built: Promise<string> | undefined;

function bundle(): Promise<string> {
  return (built ??= (async () => {
    mkdirSync(`${root}node_modules/.cache/alea-test`, { recursive: true });
    await build({
      entryPoints: [`${root}test/support/cache-child.ts`],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['unstorage', 'unstorage/*', 'ioredis'],
      logLevel: 'silent',
      plugins: [
        {
          name: 'package-imports',
          setup(b) {
            b.onResolve({ filter: /^#default-store$/ }, () => ({
              path: `${root}src/cache/default-store.fs.ts`,
            }));
            b.onResolve({ filter: /^#key-file$/ }, () => ({
              path: `${root}src/keys/read-key-file.node.ts`,
            }));
          },
        },
      ],
    });
    return out;
  })());
}

/**
 * Runs one chat call in a fresh Node process.
 * @returns What the child printed: the result's text and `cached`, its warnings, and its stderr.
 */
export async function runCacheChild(
  args: Record<string, unknown>,
  env: Record<string, string | undefined> = process.env,
): Promise<{ text: string; cached: boolean; warnings: string[]; stderr: string }> {
  const script = await bundle();
  const [stdout, stderr] = await new Promise<[string, string]>((resolve, reject) => {
    execFile(
      process.execPath,
      [script, JSON.stringify(args)],
      { env, timeout: 30_000 },
      (error, so, se) =>
        error ? reject(new Error(`child failed: ${error.message}\n${se}`)) : resolve([so, se]),
    );
  });
  return { ...JSON.parse(stdout), stderr };
}
