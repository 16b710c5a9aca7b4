// The shared cases in Bun (bun:test), against the BUILT package (dist/). Run it through
// scripts/with-peers.mjs and ALWAYS with an explicit path (`bun test ./test/runtimes/bun.test.ts`):
// a bare `bun test` also picks up the vitest and Deno files and fails (runtimes.md P10).
// Bun resolves `#key-file` and `#default-store` through package.json "imports" with its "bun"
// condition: the script passes --tsconfig-override test/runtimes/tsconfig.bun.json, since the root
// tsconfig's `paths` would send dist/ to src/'s memory store. The installed package's default store
// is checked from a packed copy in test/packed-default-store.node.test.ts.
import { test } from 'bun:test';
import * as cache from '../../dist/cache/index.js';
import * as core from '../../dist/index.js';
import * as compat from '../../dist/providers/openai-compatible/index.js';
import * as openai from '../../dist/providers/openai/index.js';
import * as vllm from '../../dist/providers/vllm/index.js';
import * as xai from '../../dist/providers/xai/index.js';
import * as anthropic from '../../dist/providers/anthropic/index.js';
import * as google from '../../dist/providers/google/index.js';
import * as registry from '../../dist/registry/index.js';
import * as prompts from '../../dist/prompts/index.js';
import * as fsEntry from '../../dist/cache/fs/index.js';
import * as indexeddb from '../../dist/cache/indexeddb/index.js';
import * as kv from '../../dist/cache/kv/index.js';
import * as unstorage from '../../dist/cache/unstorage/index.js';
import { makeCases } from '../shared/cases.mjs';
import { readFile, rm, writeFile } from 'node:fs/promises';

const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run through scripts/with-peers.mjs`);
  return v;
};

// Cache: the default (fs) store and the fs conformance cases write below this folder only.
const cacheRoot = new URL('../../node_modules/.cache/alea-runtime-test-bun/', import.meta.url)
  .pathname;
await rm(cacheRoot, { recursive: true, force: true });
process.env.ALEA_CACHE_DIR = `${cacheRoot}default`;
const fs = {
  fsStore: fsEntry.fsStore,
  dir: cacheRoot,
  readFile: async (path: string) => new Uint8Array(await readFile(path)),
  writeFile: (path: string, bytes: Uint8Array) => writeFile(path, bytes),
};

// The suite must run on the real default store (see the header): fail loudly if it does not.
if (cache.defaultStore().name !== 'fs') {
  throw new Error(
    `bun: the default store is ${cache.defaultStore().name}, not fs (tsconfig paths?)`,
  );
}

const cases = makeCases({
  // package.json "exports" -> module: every entry point loads in Bun.
  entries: {
    '.': core,
    './openai': openai,
    './xai': xai,
    './google': google,
    './vllm': vllm,
    './anthropic': anthropic,
    './openai-compatible': compat,
    './cache': cache,
    './cache/fs': fsEntry,
    './cache/indexeddb': indexeddb,
    './cache/kv': kv,
    './cache/unstorage': unstorage,
    './registry': registry,
    './prompts': prompts,
  },
  emulatorUrl: need('EMULATOR_URL'),
  steadyUrl: need('STEADY_URL'),
  prismAnthropicUrl: need('PRISM_ANTHROPIC_URL'),
  prismGeminiUrl: need('PRISM_GEMINI_URL'),
  prismVertexUrl: need('PRISM_VERTEX_URL'),
  runtime: 'bun',
  fs,
});
for (const [name, fn] of cases) test(name, fn);
