// Bundles a tiny consumer of the BUILT package the way an app's bundler would, for the tree-shake
// and bundle-size tests (node project only). `alea-llm-client` resolves to this repo through a
// symlink in a temp node_modules (outside the repo), so esbuild honours package.json "exports",
// "imports" (#key-file -> the "default", non-node file) and "sideEffects" with browser conditions.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Throws if dist/ is missing; warns if src/ changed after the last build (npm test builds first). */
export function requireDist(): void {
  const dist = join(ROOT, 'dist/index.js');
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  if (newest(join(ROOT, 'src')) > statSync(dist).mtimeMs)
    console.warn('[bundle-consumer] src/ is newer than dist/: results are for the last build');
}

export interface ConsumerBundle {
  /** The entry chunk (what a page loads first). */
  entry: string;
  /** Every chunk, entry included (splitting: dynamic imports become extra chunks). */
  chunks: string[];
  /** Everything concatenated, for "is X anywhere in the output" probes. */
  all: string;
  /** Lazy chunks by file name (esbuild names them after their first module, e.g. `openai-spec-…`). */
  lazy: Record<string, string>;
  /**
   * The entry and every chunk it imports statically, transitively: what a page loads before any of
   * the consumer's code runs. Code shared with on-demand chunks sits in such chunks, not in `entry`.
   */
  upfront: string[];
}

/** esbuild --bundle --minify --platform=browser --format=esm --splitting over `code`. */
export async function bundleConsumer(code: string): Promise<ConsumerBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'alea-consumer-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/alea-llm-client'), 'dir');
    writeFileSync(join(dir, 'consumer.mjs'), code);
    const out = await esbuild.build({
      entryPoints: [join(dir, 'consumer.mjs')],
      absWorkingDir: dir,
      // Bare imports in the consumer itself (the pako control) resolve from the repo's node_modules.
      nodePaths: [join(ROOT, 'node_modules')],
      // Like an installed package: keep the node_modules path (no realpath into the repo), and never
      // read the repo's tsconfig.json, whose dev-only `paths` map #key-file to the NODE src file
      // (esbuild applies tsconfig paths to files outside node_modules; a published package has none).
      preserveSymlinks: true,
      tsconfigRaw: {},
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      splitting: true,
      write: false,
      outdir: join(dir, 'out'),
      metafile: true,
      // node: modules must not be reached at all; keep them external (instead of a resolve error)
      // so the probe can see and report them.
      external: ['node:*'],
      logLevel: 'silent',
    });
    // Dynamic-import chunks carry an entryPoint too: the page's entry is the consumer's own output.
    const entryName = Object.entries(out.metafile.outputs).find(([, o]) =>
      o.entryPoint?.endsWith('consumer.mjs'),
    )?.[0];
    const files = out.outputFiles.filter((f) => f.path.endsWith('.js'));
    const entry = files.find((f) => f.path === join(dir, entryName ?? '\0'));
    if (!entry) throw new Error('esbuild produced no entry chunk');
    const chunks = [entry.text, ...files.filter((f) => f !== entry).map((f) => f.text)];
    const lazy = Object.fromEntries(
      files
        .filter((f) => f !== entry)
        .map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text]),
    );
    const text = new Map(files.map((f) => [f.path, f.text]));
    const upfront = new Set<string>();
    const visit = (path: string) => {
      if (upfront.has(path)) return;
      upfront.add(path);
      for (const i of out.metafile.outputs[path]?.imports ?? [])
        if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(entryName!);
    return {
      entry: entry.text,
      chunks,
      all: chunks.join('\n'),
      lazy,
      upfront: [...upfront].map((p) => text.get(join(dir, p))!),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
