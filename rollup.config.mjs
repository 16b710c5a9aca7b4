// Build: dist/ mirrors src/ (preserveModules) as ES modules + sourcemaps, .d.ts beside each file, and a
// self-contained dist/worker.bundle.js for the plain-miniflare run (runtimes.md §4 path 2).
// Inputs come from package.json, so a new subpath export needs no edit here:
//   every `exports` target and every `imports` target (`#key-file`, `#default-store`; they stay external
//   in dist and package.json "imports" resolves them, so rollup would never reach them from the entries).
// The build FAILS if exports/imports and the emitted entry files disagree (cf. unstorage's validatePkg).
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const ROOT = process.cwd();

/** All leaf strings of an exports/imports value (conditions may nest). */
const leaves = (v) => (typeof v === 'string' ? [v] : Object.values(v ?? {}).flatMap(leaves));

/** ./dist/a/b.js | ./dist/a/b.d.ts -> src/a/b.ts (the one place that knows the dist <-> src mapping). */
function srcOf(target) {
  const m = /^\.\/dist\/(.+?)(\.d\.ts|\.js)$/.exec(target);
  if (!m) throw new Error(`package.json target outside dist/ or not .js/.d.ts: ${target}`);
  return `src/${m[1]}.ts`;
}

const exportTargets = Object.values(pkg.exports ?? {}).flatMap(leaves);
const importTargets = Object.values(pkg.imports ?? {}).flatMap(leaves);
const jsTargets = [...exportTargets, ...importTargets].filter((t) => t.endsWith('.js'));
// Input name = path below src without extension, so entries land exactly on their exports target.
const input = Object.fromEntries(
  [...new Set(jsTargets.map(srcOf))].map((s) => [s.slice(4, -3), s]),
);
// The CLI (package.json "bin") is built with the library but has no types and no export: no import
// of the package reaches it. It imports the package by name (`alea-llm-client/openai`), which Node
// resolves to the package itself, so it is built like any consumer of the published files.
const binInput = Object.fromEntries(
  Object.values(pkg.bin ?? {}).map((t) => [srcOf(t).slice(4, -3), srcOf(t)]),
);
for (const file of Object.values({ ...input, ...binInput }))
  if (!existsSync(file)) throw new Error(`package.json points at ${file}, which does not exist`);
const isSelfImport = (id, importer) =>
  (id === pkg.name || id.startsWith(`${pkg.name}/`)) &&
  /[\\/]src[\\/]cli[\\/]/.test(importer ?? '');

// Declared dependencies (and their subpaths), node: builtins and #internal imports stay external.
const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const isBare = (id) => !(id.startsWith('.') || id.startsWith('/') || id.startsWith('\0'));
const external = (id) =>
  id.startsWith('node:') ||
  id.startsWith('#') ||
  deps.some((d) => id === d || id.startsWith(`${d}/`));
// Any other bare import in src is a dependency package.json forgot (or a devDependency): fail the
// build instead of letting consumers hit "Cannot find package" at runtime.
const declaredDepsOnly = {
  name: 'declared-deps-only',
  resolveId(id, importer) {
    if (isBare(id) && importer)
      this.error(
        `${relative(ROOT, importer)} imports "${id}", which is not in dependencies/peerDependencies`,
      );
    return null;
  },
};

/**
 * Two-way check, per build: every input became an entry file at its expected place, and no entry was
 * emitted that package.json does not name. After the last build also check that every exports and
 * imports target (the .js AND the .d.ts) exists on disk.
 */
function checkPackageJson(ext, { final = false } = {}) {
  return {
    name: 'check-package-json',
    generateBundle(_opts, bundle) {
      const emitted = Object.values(bundle)
        .filter((c) => c.type === 'chunk' && c.isEntry)
        .map((c) => `./dist/${c.fileName}`);
      const names =
        ext === '.js' ? [...Object.keys(input), ...Object.keys(binInput)] : Object.keys(input);
      const expected = names.map((n) => `./dist/${n}${ext}`);
      const missing = expected.filter((f) => !emitted.includes(f));
      const extra = emitted.filter((f) => !expected.includes(f));
      if (missing.length || extra.length)
        this.error(`exports/imports vs build entries differ: missing ${missing} extra ${extra}`);
    },
    writeBundle() {
      if (!final) return;
      const absent = [...exportTargets, ...importTargets].filter((t) => !existsSync(resolve(t)));
      if (absent.length) this.error(`package.json targets missing after build: ${absent}`);
      const noTypes = Object.entries(pkg.exports ?? {}).filter(
        ([, v]) => typeof v !== 'object' || !v.types,
      );
      if (noTypes.length)
        this.error(`exports without a "types" condition: ${noTypes.map(([k]) => k)}`);
    },
  };
}

const out = { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' };

// The JS build is chunked, not one file per module (issue 14): bundlers split an app's code by FILE
// (esbuild puts a whole file in the chunk of the set of entries that reach it), so 60 small modules
// on the way of one chat call became 24 scripts, each paying gzip framing and losing the shared
// dictionary. Every module a default chat call runs is emitted into one file per group below; a
// bundler still drops the parts an app never uses, file by file. Only what a plain chat call RUNS
// belongs here: anything else in a group would be fetched up front with it. Other modules keep
// rollup's default chunking (one file per set of entries, named after a module, in dist/chunks).
const CALL_PATH_GROUPS = {
  // The pipeline: it holds the import()s of every optional part (streaming, batch, tools, hooks),
  // so only the model classes import it.
  call: [
    'pipeline/{language-model,model-batch,build-call,normalize-messages,model-stream,call-kit,run-call}',
    'pipeline/{request-with-repairs,send-request,retry,to-model-response,cached-call,in-flight}',
    'pipeline/{cache-key}',
    'keys/{resolve-key,check-key}',
    'core/{merge-headers,redact,io-context-check,wire-misfit,check-wire}',
    'core/errors/{network-error}',
    'pipeline/{call-signal,options,is-portable-tools}',
  ],
  // What the call path shares with the other entry points (./cache, the stores, ./registry,
  // ./prompts): the errors' base classes, cost, the cache key's helpers. It imports nothing, so an
  // entry that needs one error never gets the pipeline's on-demand chunks (or, in the same file,
  // their code up front) along with it. Everything else the call path runs is in `call`: there it
  // compresses with the pipeline (a first call fetched 0.25 kB less than with it all in here).
  core: [
    'core/{base-url,env,canonical-json,lazy}',
    'core/errors/{llm-error,invalid-request-error}',
    'cache/{entry-key,is-cache-entry}',
    'registry/{compute-cost}',
  ],
  // The cache key's hash, shared with ./cache (cache file names): its own file, so that ./cache does
  // not load the pipeline; a consumer's bundler puts it beside the cache key on the call path.
  hash: ['core/{sha256-hex}'],
  // Shared by the Anthropic and Google call chunks (rollup would put it in one of them otherwise).
  'plain-message': ['core/{is-plain-message}'],
  // The rate-limit header reader, shared by the OpenAI-compatible and Anthropic call chunks (Google
  // sends no such headers, so its calls never load it).
  'rate-limit': ['core/{rate-limit}'],
  'openai-compatible-call': [
    'providers/openai-compatible/{openai-compatible-adapter}',
    'providers/openai-compatible/{map-openai-finish-reason,openai-api,parse-openai-response}',
  ],
  'anthropic-call': [
    'providers/anthropic/{anthropic-adapter,anthropic-api,browser-access-error}',
    'core/{is-browser}',
    'providers/anthropic/{convert-to-anthropic-messages}',
    'providers/anthropic/{parse-anthropic-response,anthropic-structured-output,anthropic-spec}',
  ],
  'google-call': [
    'providers/google/{google-adapter,google-api,convert-to-google-contents}',
    'providers/google/{parse-google-response,vertex-url,google-spec}',
  ],
};
/** src-relative path (no extension) -> group name. `{a,b}` lists several files of one folder. */
const groupOf = new Map(
  Object.entries(CALL_PATH_GROUPS).flatMap(([group, patterns]) =>
    patterns.flatMap((pattern) => {
      const [, dir, names] = /^(.*)\/\{(.*)\}$/.exec(pattern);
      return names.split(',').map((name) => [`src/${dir}/${name}`, group]);
    }),
  ),
);
for (const file of groupOf.keys())
  if (!existsSync(`${file}.ts`))
    throw new Error(`CALL_PATH_GROUPS names ${file}.ts, which does not exist`);
const manualChunks = (id) => groupOf.get(relative(ROOT, id).replace(/\.ts$/, ''));
/**
 * esbuild makes every import() of a file it includes an entry of its own, live or not, and puts a
 * file's live parts in one chunk. So a group file must never be the target of an import() (a bundler
 * would keep all its exports), and `core` imports nothing (an entry that needs one error would get
 * every on-demand chunk of the pipeline, and their code up front).
 */
const noDynamicGroupImports = {
  name: 'no-dynamic-group-imports',
  generateBundle(_opts, bundle) {
    const groups = new Set(Object.keys(CALL_PATH_GROUPS).map((g) => `chunks/${g}.js`));
    for (const chunk of Object.values(bundle)) {
      const bad = chunk.type === 'chunk' ? chunk.dynamicImports.filter((f) => groups.has(f)) : [];
      if (bad.length)
        this.error(`${chunk.fileName} import()s ${bad}: import its modules statically instead`);
      const allowed = { 'chunks/core.js': [] };
      const leaf = allowed[chunk.fileName];
      const extra =
        leaf && [...chunk.imports, ...chunk.dynamicImports].filter((f) => !leaf.includes(f));
      if (extra?.length) this.error(`${chunk.fileName} imports ${extra}: keep it a leaf`);
    }
  },
};

export default [
  {
    input: { ...input, ...binInput },
    external: (id, importer) => external(id) || isSelfImport(id, importer),
    // The dependencies and the `#…` imports have no import-time side effects either.
    treeshake: { moduleSideEffects: (_id, isExternal) => !isExternal },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name].js',
      manualChunks,
      // No bare `import './chunks/x.js'` / `import '#default-store'` for what a chunk only imports
      // transitively: a bundler would have to follow them (the package has no side effects).
      hoistTransitiveImports: false,
      sourcemap: true,
      banner: (chunk) => (chunk.isEntry && chunk.name in binInput ? '#!/usr/bin/env node' : ''),
    },
    plugins: [
      declaredDepsOnly, // first: the TS plugin would otherwise resolve (and inline) the package
      // TypeScript 6.0.3 is pinned: 7.x has no JS compiler API and crashes this plugin (runtimes.md P3).
      typescript({
        tsconfig: './tsconfig.json',
        declaration: false,
        declarationMap: false,
        sourceMap: true,
        outDir: 'dist',
        noEmitOnError: true,
      }),
      checkPackageJson('.js'),
      noDynamicGroupImports,
    ],
  },
  {
    input,
    // Type-only imports may name devDependencies (e.g. @cloudflare/workers-types): keep all bare ids.
    external: (id) => external(id) || isBare(id),
    output: { ...out, entryFileNames: '[name].d.ts' },
    plugins: [dts({ tsconfig: './tsconfig.json' }), checkPackageJson('.d.ts', { final: true })],
  },
  {
    // Runs the shared cases against dist/ inside workerd. Everything is inlined (valibot, pako, …);
    // the `#…` imports resolve through package.json "imports" with the worker conditions, i.e. to the
    // "default" (non-node) files. No sourcemap: miniflare would not use it.
    input: 'test/runtimes/worker.mjs',
    output: { file: 'dist/worker.bundle.js', format: 'es', inlineDynamicImports: true },
    onwarn(w, warn) {
      if (w.code === 'CIRCULAR_DEPENDENCY' && w.ids?.every((i) => i.includes('node_modules')))
        return;
      warn(w);
    },
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: ['workerd', 'worker', 'browser', 'import', 'default'],
        rootDir: ROOT,
      }),
      {
        // The worker must not contain Node built-ins: fail here rather than at runtime in workerd.
        name: 'no-node-builtins',
        resolveId(id, from) {
          if (id.startsWith('node:'))
            this.error(
              `node: import ${id} reached the worker bundle from ${relative(ROOT, from ?? '')}`,
            );
          return null;
        },
      },
    ],
  },
];
