// The house reads top-down (issue 11, "Architecture"): a ground floor of contracts, result types,
// errors and pure helpers (src/core) that imports nothing of ours; the cache, keys and registry above
// it; the call pipeline above those; providers on top; entry points last. No folder imports a folder
// above it or beside it, type imports included, and no provider imports another except through the
// shared OpenAI-compatible wire format. Checked on the source text, so a new import cannot slip by.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
/** Each folder's floor. A folder may import its own floor's files only within itself. */
const FLOORS: Record<string, number> = {
  core: 0,
  cache: 1,
  keys: 1,
  registry: 1,
  prompts: 1,
  pipeline: 2,
  providers: 3,
  cli: 4,
  '.': 5, // src/index.ts and other top-level entry files
};
/** Providers that may import another provider's files: the OpenAI wire format is shared. */
const SHARED_PROVIDER = 'openai-compatible';
const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
/** The code of a file without its comments (JSDoc examples show imports that are not made). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}
const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? '.' : (parts[0] ?? '.');
};
const providerOf = (file: string) => relative(SRC, file).split('/')[1];

/** Every import of ours that breaks the rules, as `from -> to` lines. */
function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    for (const [, spec = ''] of code(file).matchAll(SPECIFIER)) {
      const target = resolve(dirname(file), spec);
      const to = folderOf(target);
      const line = `${relative(SRC, file)} -> ${relative(SRC, target)}`;
      const [floorFrom, floorTo] = [FLOORS[from], FLOORS[to]];
      if (floorFrom === undefined || floorTo === undefined) found.push(`${line} (unknown folder)`);
      else if (from !== to && floorTo >= floorFrom) found.push(line);
      else if (
        from === 'providers' &&
        to === 'providers' &&
        providerOf(file) !== providerOf(target) &&
        providerOf(target) !== SHARED_PROVIDER
      )
        found.push(`${line} (provider to provider)`);
    }
  }
  return found;
}

it('no folder of src/ imports a folder above or beside it; providers stay apart', () => {
  expect(violations()).toEqual([]);
});

it('the check sees imports (a control: the pipeline does import the core)', () => {
  const pipeline = sourceFiles(join(SRC, 'pipeline'));
  const imports = pipeline.flatMap((f) => [...code(f).matchAll(SPECIFIER)]);
  expect(imports.some(([, spec]) => spec?.includes('../core/'))).toBe(true);
});
