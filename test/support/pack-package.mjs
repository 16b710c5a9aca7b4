// Installs the package as a user gets it: `npm pack` of the built package, unpacked into
// node_modules/alea-llm-client of a scratch folder outside the repository, with copies of its
// runtime dependencies. Nothing of the source tree leaks in (no tsconfig `paths`, which Bun and
// esbuild would otherwise apply to dist/), so package.json "exports" and "imports" conditions decide
// alone, as they do for an installed copy. The tarball is packed once per test run and shared by
// every test file (they run in separate workers): the first to need it packs, the others wait.
// Plain JavaScript, so `npm run example` (scripts/run-example.mjs) installs the examples' package the
// same way the tests do.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The packed tarball of the current build (one `npm pack` per build and test run).
 * @returns {Promise<string>} Its path.
 */
export async function packedTarball() {
  if (!existsSync(join(ROOT, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const dir = join(process.env.ALEA_VITEST_CACHE_DIR ?? tmpdir(), 'packed');
  mkdirSync(dir, { recursive: true });
  const stamp = Math.round(statSync(join(ROOT, 'dist/index.js')).mtimeMs);
  const tarball = join(dir, `alea-llm-client-${stamp}.tgz`);
  const lock = `${tarball}.lock`;
  for (const deadline = Date.now() + 120_000; !existsSync(tarball);) {
    try {
      mkdirSync(lock); // atomic: one worker packs
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${tarball}`);
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const scratch = await mkdtemp(join(dir, 'pack-'));
      const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', scratch], {
        cwd: ROOT,
      });
      await rename(join(scratch, /** @type {string} */ (stdout.trim().split('\n').pop())), tarball);
      rmSync(scratch, { recursive: true, force: true });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return tarball;
}

/**
 * Installs the packed package into a fresh scratch folder.
 * @returns {Promise<string>} The scratch folder: `import 'alea-llm-client/…'` works from scripts
 *   placed in it.
 */
export async function installPackedPackage() {
  const tarball = await packedTarball();
  const scratch = await mkdtemp(join(tmpdir(), 'alea-packed-'));
  await run('tar', ['-xzf', tarball, '-C', scratch]);
  await mkdir(join(scratch, 'node_modules'));
  await rename(join(scratch, 'package'), join(scratch, 'node_modules', 'alea-llm-client'));
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  // Copies, not links: a link would let tools find the repository (its tsconfig) from the files.
  for (const name of Object.keys(pkg.dependencies))
    await cp(join(ROOT, 'node_modules', name), join(scratch, 'node_modules', name), {
      recursive: true,
      dereference: true,
    });
  // A consumer project of its own, so Deno reads this node_modules folder ("manual" mode).
  const consumer = { type: 'module', private: true, dependencies: { 'alea-llm-client': '*' } };
  await writeFile(join(scratch, 'package.json'), JSON.stringify(consumer));
  return scratch;
}
