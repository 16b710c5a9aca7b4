// The shared cases in Deno, against the BUILT package (dist/, as published). Run through
// scripts/with-peers.mjs, which sets EMULATOR_URL / STEADY_URL. Deno resolves dist's bare imports
// (valibot, pako…) from node_modules and `#key-file` through package.json "imports" (condition
// "deno" -> the node:fs flavour) by itself; no import map needed.
// Permissions (see package.json "test:deno"): --allow-net=127.0.0.1 (loopback peers only),
// --allow-env=<named vars> (Deno.env.get of a single name; Deno.env.toObject() would need blanket
// --allow-env, runtimes.md P9), --allow-read=dist,node_modules,{HOME}/.alea and --allow-write={HOME}/.alea
// ({HOME} = the sandbox home that scripts/with-peers.mjs creates: key files, fs cache), --allow-sys=homedir.
// `deno test` type-checks this file and what it imports: cases.mjs carries a JSDoc return type (P9).
import { makeCases } from '../shared/cases.mjs';

// Computed specifiers on purpose: with string literals `deno test` would also type-check dist/*.d.ts,
// and for LOCAL files Deno does not map `./x.js` to a sibling `x.d.ts` (npm packages do), so a d.ts
// that imports a type from './index.js' fails TS2305 although tsc and npm consumers are fine. The
// cost: dynamic imports of computed local paths need --allow-read for dist/ and node_modules/.
const dist = (p: string) => import(new URL(`../../dist/${p}`, import.meta.url).href);
// package.json "exports" -> its dist file; every entry point loads in Deno.
const ENTRY_FILES: Record<string, string> = {
  '.': 'index.js',
  './openai': 'providers/openai/index.js',
  './xai': 'providers/xai/index.js',
  './google': 'providers/google/index.js',
  './vllm': 'providers/vllm/index.js',
  './anthropic': 'providers/anthropic/index.js',
  './openai-compatible': 'providers/openai-compatible/index.js',
  './cache': 'cache/index.js',
  './cache/fs': 'cache/fs/index.js',
  './cache/indexeddb': 'cache/indexeddb/index.js',
  './cache/kv': 'cache/kv/index.js',
  './cache/unstorage': 'cache/unstorage/index.js',
  './registry': 'registry/index.js',
  './prompts': 'prompts/index.js',
};
const entries = Object.fromEntries(
  await Promise.all(
    Object.entries(ENTRY_FILES).map(async ([entry, file]) => [entry, await dist(file)]),
  ),
);

const need = (name: string): string => {
  const v = Deno.env.get(name);
  if (!v) throw new Error(`${name} is not set: run through scripts/with-peers.mjs`);
  return v;
};

// Cache: the default (fs) store and the fs conformance cases write only below this folder, the one
// --allow-write grant (package.json "test:deno"); ALEA_CACHE_DIR points the default store there.
const cacheRoot = new URL('../../node_modules/.cache/alea-runtime-test/', import.meta.url).pathname;
await Deno.remove(cacheRoot, { recursive: true }).catch(() => undefined);
Deno.env.set('ALEA_CACHE_DIR', `${cacheRoot}default`);
const fsCache = entries['./cache/fs'];

const cases = makeCases({
  entries,
  emulatorUrl: need('EMULATOR_URL'),
  steadyUrl: need('STEADY_URL'),
  prismAnthropicUrl: need('PRISM_ANTHROPIC_URL'),
  prismGeminiUrl: need('PRISM_GEMINI_URL'),
  prismVertexUrl: need('PRISM_VERTEX_URL'),
  runtime: 'deno',
  fs: {
    fsStore: fsCache.fsStore,
    dir: cacheRoot,
    readFile: Deno.readFile,
    writeFile: Deno.writeFile,
  },
});
for (const [name, fn] of cases) Deno.test(name, fn);
