// Node-only checks of the generated registry data: it matches what the generator makes from the shared
// data files, and one provider's slice stays small and alone in a bundle (issue 6).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateRegistryFiles } from '../scripts/generate-registry.mjs';
import { getAllModels, getProviderModels } from '../src/registry/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fileURLToPath(new URL('../../shared/data/', import.meta.url));

// The data files live in ../shared beside the repository (as in CI); without them this fails
// rather than passing silently.
describe('generated registry data', () => {
  it('has its source data at ../shared/data', () => {
    expect(existsSync(dataDir), dataDir).toBe(true);
  });
  it('is up to date with scripts/generate-registry.mjs (run it to refresh)', () => {
    const files = generateRegistryFiles(dataDir) as Record<string, string>;
    const providers = ['anthropic', 'google', 'openai', 'xai'];
    const buckets = (p: string) => Object.keys(files).filter((f) => f.startsWith(`${p}/`));
    expect(Object.keys(files).sort()).toEqual(
      providers
        .flatMap((p) => [`${p}-details.ts`, `${p}.ts`, `load-${p}-bucket.ts`, ...buckets(p)])
        .sort(),
    );
    for (const p of providers) expect(buckets(p).length, `${p}'s bucket files`).toBeGreaterThan(1);
    // No file the generator no longer writes (a bucket that emptied) is left behind.
    const onDisk = readdirSync(`${root}src/registry/data`, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(`${root}src/registry/data`, join(d.parentPath, d.name)));
    expect(onDisk.sort()).toEqual(Object.keys(files).sort());
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(`${root}src/registry/data/${name}`, 'utf8'), name).toBe(content);
    }
  });
});

describe('the README and the registry agree', () => {
  it('"knows N text models" is the number of models in the registry', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const claims = [...readme.matchAll(/knows (\d+) text models/g)].map((m) => Number(m[1]));
    expect(claims.length, 'the README states the count').toBeGreaterThan(0);
    for (const n of claims) expect(n).toBe(getAllModels().length);
  });
  it('the README names every provider the registry has models for', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const sentence = /knows \d+ text models of ([^.]*)/.exec(readme)?.[1] ?? '';
    const names = { openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', xai: 'xAI' };
    for (const [p, name] of Object.entries(names)) {
      expect(getProviderModels(p).length, p).toBeGreaterThan(0);
      expect(sentence).toContain(name);
    }
  });
});

/** Bundles an entry source with esbuild and returns the minified output and its gzip size. */
async function bundle(contents: string): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}

describe('registry bundle size', () => {
  it('bundles the OpenAI slice and lookup alone, within 2 kB gzipped', async () => {
    const { code, gzip } = await bundle(
      `export { openaiModels } from './src/registry/data/openai.ts';
       export { findModelSpec } from './src/registry/find-model-spec.ts';
       export { computeCost } from './src/registry/compute-cost.ts';`,
    );
    expect(code).toContain('o3-mini');
    expect(code).not.toContain('claude');
    expect(code).not.toContain('gemini');
    expect(code).not.toContain('GPT-5'); // display names live in the details modules
    expect(gzip).toBeLessThanOrEqual(2048);
  });

  it('keeps computeCost free of model data', async () => {
    const { code } = await bundle(`export { computeCost } from './src/registry/index.ts';`);
    expect(code).not.toContain('gpt-');
  });
});
