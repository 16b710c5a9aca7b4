// Packaging as users meet it: the packed tarball (one `npm pack` per run, test/support/
// pack-package.ts) installed into a scratch folder outside the repository, then: what the tarball
// holds, publint and @arethetypeswrong/cli clean, TypeScript consumers (moduleResolution bundler,
// node16, nodenext) typechecking an example that uses every entry point, Node/Deno/Bun loading every
// entry point and running a call, browser bundles (esbuild and rollup) free of node: and of the
// key-file reader, and the installed `alea` bin. The Worker built by wrangler and the browser page
// are the examples' tests (test/examples.node.test.ts). Needs dist/.
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from './support/bundle-consumer.ts';
import { installPackedPackage, packedTarball } from './support/pack-package.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const run = promisify(execFile);
const emulatorUrl = inject('emulatorUrl');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let scratch = '';
let installed = '';

beforeAll(async () => {
  scratch = await installPackedPackage();
  installed = join(scratch, 'node_modules', 'alea-llm-client');
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the tarball', () => {
  it('holds dist, README, LICENSE and package.json only; the license names the holders', async () => {
    const { stdout } = await run('tar', ['-tzf', await packedTarball()]);
    const files = stdout.trim().split('\n');
    const top = new Set(files.map((f) => f.split('/').slice(1, 2).join('/')));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect(files).not.toContain('package/dist/worker.bundle.js');
    expect(files).toContain('package/dist/cli/alea.js');
    for (const target of JSON.stringify(pkg.exports).match(/\.\/dist\/[^"]+/g)!)
      expect(files, target).toContain(`package/${target.slice(2)}`);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} ALEA Institute and the alea-llm-client contributors\n/,
    );
    expect(pkg).toMatchObject({
      license: 'MIT',
      engines: { node: '>=20' },
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\//) },
      keywords: expect.arrayContaining([
        'llm',
        'openai',
        'anthropic',
        'gemini',
        'cloudflare-workers',
      ]),
      bin: { alea: './dist/cli/alea.js' },
    });
  });

  it('publint finds nothing to fix (strict), on the files as installed', async () => {
    const { stdout } = await run(bin('publint'), ['--strict', '--pack', 'false', installed]);
    expect(stdout).toMatch(/All good!/);
  }, 60_000);

  it('@arethetypeswrong/cli finds no problem for an ESM-only package', async () => {
    const tarball = await packedTarball();
    const { stdout } = await run(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'json',
    ]);
    const { problems } = JSON.parse(stdout) as {
      problems: Record<string, Array<{ resolutionKind?: string }>>;
    };
    const relevant = Object.values(problems)
      .flat()
      .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
    expect(relevant).toEqual([]);
    // Control: the same check sees problems under the default profile (CommonJS consumers).
    await expect(run(bin('attw'), [tarball, '--format', 'json'])).rejects.toMatchObject({
      code: 1,
    });
  }, 60_000);
});

describe('TypeScript consumers typecheck an example using every entry point', () => {
  for (const [moduleResolution, module] of [
    ['bundler', 'esnext'],
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
  ] as const) {
    it(`moduleResolution ${moduleResolution}`, async () => {
      const dir = join(scratch, `ts-${moduleResolution}`);
      await run('mkdir', ['-p', dir]);
      copyFileSync(join(ROOT, 'test/packaging/every-entry.ts'), join(dir, 'every-entry.ts'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
      const tsconfig = {
        compilerOptions: {
          target: 'es2022',
          module,
          moduleResolution,
          lib: ['es2022', 'dom'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false, // check the package's .d.ts files too
        },
        files: ['every-entry.ts', 'control.ts'],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      // Control, in the same program: a wrong type is reported, so the check can fail.
      writeFileSync(
        join(dir, 'control.ts'),
        "import { formatPrompt } from 'alea-llm-client/prompts';\nexport const n: number = formatPrompt({});\n",
      );
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const result = await run(process.execPath, [tsc, '-p', '.'], { cwd: dir }).then(
        () => ({ stdout: '' }),
        (e: { stdout: string }) => e,
      );
      expect(result.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^control\.ts\(2,14\): error TS2322: Type 'string' is not assignable to type 'number'\.$/,
        ),
      ]);
    }, 60_000);
  }
});

// Loads every entry point, runs one chat and one prompt helper, prints what it saw.
const RUNTIME_CONSUMER = `
const entries = ${JSON.stringify(Object.keys(pkg.exports))};
const [endpoint, prompt] = globalThis.Deno?.args ?? process.argv.slice(2);
const loaded = {};
for (const e of entries) loaded[e] = Object.keys(await import(e === '.' ? 'alea-llm-client' : 'alea-llm-client/' + e.slice(2))).length;
const { OpenAIModel } = await import('alea-llm-client/openai');
const { memoryStore } = await import('alea-llm-client/cache');
const { formatPrompt } = await import('alea-llm-client/prompts');
const r = await new OpenAIModel({ endpoint, apiKey: 'sk-packed', cache: memoryStore() }).chat(prompt);
console.log(JSON.stringify({ loaded, text: r.text, prompt: formatPrompt({ note: 'x' }) }));
`;

describe('Node, Deno and Bun load every entry point of the installed package', () => {
  const runtimes: Record<string, () => [string, string[]]> = {
    node: () => [process.execPath, []],
    bun: () => [bin('bun'), []],
    deno: () => [
      bin('deno'),
      [
        'run',
        '--allow-net=127.0.0.1',
        `--allow-read=${scratch}`,
        '--allow-env',
        '--allow-sys=homedir',
      ],
    ],
  };
  for (const [runtime, command] of Object.entries(runtimes)) {
    it(
      runtime,
      async () => {
        writeFileSync(join(scratch, 'every-entry.mjs'), RUNTIME_CONSUMER);
        const s = await scenario(emulatorUrl);
        const prompt = uniquePrompt(`packed ${runtime}`);
        const [file, flags] = command();
        const { stdout } = await run(file, [...flags, 'every-entry.mjs', s.endpoint, prompt], {
          cwd: scratch,
          timeout: 60_000,
        });
        const out = JSON.parse(stdout.trim().split('\n').pop()!);
        expect(Object.keys(out.loaded)).toEqual(Object.keys(pkg.exports));
        for (const [entry, n] of Object.entries(out.loaded)) expect(n, entry).toBeGreaterThan(0);
        expect(out).toMatchObject({
          text: `Echo: ${prompt}`,
          prompt: '# Note\n<NOTE>\nx\n</NOTE>',
        });
      },
      60_000,
    );
  }
});

describe('browser bundles of the installed package', () => {
  const CONSUMER = `import { OpenAIModel } from 'alea-llm-client/openai';
import { AnthropicModel } from 'alea-llm-client/anthropic';
import { formatPrompt } from 'alea-llm-client/prompts';
await new OpenAIModel().chat(formatPrompt({ q: 'hi' }));
await new AnthropicModel({ dangerouslyAllowBrowser: true }).chat('hi');`;
  // What must never reach a page: node: modules and the key-file reader (#key-file's node flavour).
  const FORBIDDEN = /["']node:|homedir/;
  const NODE_FLAVOUR = /homedir/; // control: the node flavour of the package does contain it

  it('esbuild (platform browser) resolves #key-file and #default-store to their browser files', async () => {
    writeFileSync(join(scratch, 'page.mjs'), CONSUMER);
    const build = (platform: 'browser' | 'node') =>
      esbuild.build({
        entryPoints: [join(scratch, 'page.mjs')],
        absWorkingDir: scratch,
        bundle: true,
        format: 'esm',
        platform,
        splitting: true,
        outdir: join(scratch, `out-esbuild-${platform}`),
        write: false,
        logLevel: 'silent',
        external: ['node:*'],
      });
    const text = (await build('browser')).outputFiles.map((f) => f.text).join('\n');
    expect(text).toMatch(/api\.openai\.com/);
    expect(text).toMatch(/alea-llm-cache/); // the IndexedDB default store
    expect(FORBIDDEN.exec(text)?.[0]).toBeUndefined();
    const node = (await build('node')).outputFiles.map((f) => f.text).join('\n');
    expect(node).toMatch(NODE_FLAVOUR);
  }, 60_000);

  it('rollup with @rollup/plugin-node-resolve (browser) does too', async () => {
    writeFileSync(join(scratch, 'page.mjs'), CONSUMER);
    const bundle = await rollup({
      input: join(scratch, 'page.mjs'),
      plugins: [nodeResolve({ browser: true, exportConditions: ['browser'], rootDir: scratch })],
      onwarn: () => {},
    });
    const { output } = await bundle.generate({ format: 'es', dir: join(scratch, 'out-rollup') });
    await bundle.close();
    const text = output.map((o) => ('code' in o ? o.code : '')).join('\n');
    expect(text).toMatch(/api\.openai\.com/);
    expect(text).toMatch(/alea-llm-cache/);
    expect(FORBIDDEN.exec(text)?.[0]).toBeUndefined();
  }, 60_000);
});

describe('the installed alea bin', () => {
  it('runs from the package (it imports the package by name) in Node, Bun and Deno', async () => {
    const cli = join(installed, 'dist/cli/alea.js');
    expect(readFileSync(cli, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const deno = ['run', '--no-prompt', '--allow-read', '--allow-env', '--allow-sys'];
    const runtimes = [
      [process.execPath, []],
      [bin('bun'), []],
      [bin('deno'), deno],
    ] as const;
    for (const [runtime, flags] of runtimes) {
      const args = [...flags, cli, 'models', '--provider', 'openai', '--json'];
      const { stdout } = await run(runtime, args, { cwd: scratch });
      expect(JSON.parse(stdout).length, runtime).toBeGreaterThan(10);
    }
  }, 60_000);
});
