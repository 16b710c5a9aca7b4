// The default store of Node, Deno and Bun as an installed copy gets it (issue 16 item 12): the
// package is packed and installed into a scratch folder, and each runtime runs a consumer script
// there. Inside the repository Bun applies tsconfig.json `paths` to dist/ and gets the memory store,
// so the runtime suites (which import dist/) cannot show this; the packed copy resolves
// `#default-store` through package.json "imports" alone and must give the filesystem store.
import { readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ROOT } from './support/bundle-consumer.ts';
import { installPackedPackage } from './support/pack-package.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const run = promisify(execFile);
const emulatorUrl = inject('emulatorUrl');
let scratch = '';

// Runs in each runtime: two identical calls through the default store, then what it holds.
const CONSUMER = `
import { OpenAIModel } from 'alea-llm-client/openai';
import { defaultStore, listCacheKeys } from 'alea-llm-client/cache';
const [endpoint, prompt] = globalThis.Deno?.args ?? process.argv.slice(2);
const warnings = [];
const model = new OpenAIModel({ endpoint, apiKey: 'sk-packed', onWarning: (m) => warnings.push(m) });
const first = await model.chat(prompt);
const second = await model.chat(prompt);
const store = defaultStore();
console.log(JSON.stringify({ store: store.name, cached: [first.cached, second.cached],
  keys: await listCacheKeys(store), warnings }));
`;

beforeAll(async () => {
  scratch = await installPackedPackage();
  await writeFile(join(scratch, 'consumer.mjs'), CONSUMER);
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const runtimes: Record<string, (cacheDir: string) => [string, string[]]> = {
  node: () => [process.execPath, []],
  bun: () => [bin('bun'), []],
  // The permissions a Deno user grants the default store with ALEA_CACHE_DIR set.
  deno: (cacheDir) => [
    bin('deno'),
    [
      'run',
      '--allow-net=127.0.0.1',
      '--allow-env',
      `--allow-read=${scratch},${join(ROOT, 'node_modules')},${cacheDir}`,
      `--allow-write=${cacheDir}`,
      '--allow-sys=homedir',
    ],
  ],
};

for (const [runtime, command] of Object.entries(runtimes)) {
  it(`${runtime}: the installed package's default store is the filesystem store`, async () => {
    const sc = await scenario(emulatorUrl);
    const cacheDir = join(scratch, `cache-${runtime}`);
    const [file, flags] = command(cacheDir);
    const { stdout } = await run(
      file,
      [...flags, 'consumer.mjs', sc.endpoint, uniquePrompt(`packed ${runtime}`)],
      { cwd: scratch, env: { ...process.env, ALEA_CACHE_DIR: cacheDir }, timeout: 60_000 },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result).toMatchObject({ store: 'fs', cached: [false, true], warnings: [] });
    expect(result.keys).toHaveLength(1);
    const files = (await readdir(cacheDir, { recursive: true })).map(String);
    expect(files).toContain(`${result.keys[0]}.json.gz`);
    expect(await sc.requests()).toHaveLength(1);
  }, 60_000);
}
