#!/usr/bin/env node
// Generates the model registry data modules (src/registry/data/*.ts) from two data files:
//   - models-dev-snapshot.json: models.dev (MIT, see models-dev.LICENSE), the current models and prices;
//   - original-models.json: the Python alea-llm-client 0.2.3 registries (issue 6), for the fields models.dev
//     lacks (tier) and for older model ids that models.dev no longer lists.
// The generated files are committed, so building the package never needs ../shared.
//
// Usage: node scripts/generate-registry.mjs [--data <dir>] [--out <dir>]
//   --data  defaults to ../shared/data relative to the repository root
//   --out   defaults to src/registry/data
//
// Plain Node ESM without dependencies. The output is written in Prettier's format (.prettierrc.json), so
// `prettier --check` passes, except the per-family spec files (one member per line, nested objects
// inline; .prettierignore), and test/registry-data.node.test.ts compares files byte for byte.
//
// The work is split by concern under scripts/registry/: common.mjs (provider list, id helpers),
// models-dev.mjs and original.mjs (the two sources), entries.mjs (merging them), rules.mjs (the fields
// models.dev lacks), encode.mjs (rows in Prettier's format), buckets.mjs (the per-family files a call
// loads), spec-objects.mjs (their ready specs) and modules.mjs (the TS module text).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROVIDERS } from './registry/common.mjs';
import { buildEntries } from './registry/entries.mjs';
import { bucketFile, bucketsOf } from './registry/buckets.mjs';
import { bucketModule, detailsModule, loaderModule, specModule } from './registry/modules.mjs';

export { buildEntries };

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Generates the registry modules.
 * @param {string} dataDir - Folder holding models-dev-snapshot.json and original-models.json.
 * @returns {Record<string, string>} File name (relative to the output folder) → content.
 */
export function generateRegistryFiles(dataDir) {
  const snapshot = JSON.parse(readFileSync(join(dataDir, 'models-dev-snapshot.json'), 'utf8'));
  const orig = JSON.parse(readFileSync(join(dataDir, 'original-models.json'), 'utf8'));
  const byProvider = buildEntries(snapshot, orig);
  const files = {};
  for (const p of PROVIDERS) {
    files[`${p}.ts`] = specModule(p, byProvider[p]);
    files[`${p}-details.ts`] = detailsModule(p, byProvider[p]);
    const buckets = bucketsOf(byProvider[p]);
    for (const [bucket, list] of buckets) {
      const name = `${p}/${bucketFile(bucket)}.ts`;
      if (files[name]) throw new Error(`two buckets of ${p} write ${name}`);
      files[name] = bucketModule(p, bucket, list);
    }
    files[`load-${p}-bucket.ts`] = loaderModule(p, [...buckets.keys()]);
  }
  return files;
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const dataDir = arg('--data', resolve(REPO_ROOT, '../shared/data'));
  const outDir = arg('--out', join(REPO_ROOT, 'src/registry/data'));
  const files = generateRegistryFiles(dataDir);
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), content);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
