// Installs the package as a user gets it: `npm pack` of the built package, unpacked into
// node_modules/alea-llm-client of a scratch folder outside the repository, with its runtime
// dependencies linked from the repository's node_modules. Nothing of the source tree leaks in (no
// tsconfig `paths`, which Bun and esbuild would otherwise apply to dist/), so package.json "exports"
// and "imports" conditions decide alone, as they do for an installed copy.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, requireDist } from './bundle-consumer.ts';

const run = promisify(execFile);

/**
 * Packs and installs the built package into a fresh scratch folder.
 * @returns The scratch folder: `import 'alea-llm-client/…'` works from scripts placed in it.
 */
export async function installPackedPackage(): Promise<string> {
  requireDist();
  const scratch = await mkdtemp(join(tmpdir(), 'alea-packed-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', scratch], {
    cwd: ROOT,
  });
  const tarball = join(scratch, stdout.trim().split('\n').pop()!);
  await run('tar', ['-xzf', tarball, '-C', scratch]);
  await mkdir(join(scratch, 'node_modules'));
  await rename(join(scratch, 'package'), join(scratch, 'node_modules', 'alea-llm-client'));
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  for (const name of Object.keys(pkg.dependencies)) {
    const scope = name.startsWith('@') ? name.split('/')[0]! : undefined;
    if (scope) await mkdir(join(scratch, 'node_modules', scope), { recursive: true });
    await symlink(join(ROOT, 'node_modules', name), join(scratch, 'node_modules', name), 'dir');
  }
  // A consumer project of its own, so Deno reads this node_modules folder ("manual" mode).
  const consumer = { type: 'module', private: true, dependencies: { 'alea-llm-client': '*' } };
  await writeFile(join(scratch, 'package.json'), JSON.stringify(consumer));
  return scratch;
}
