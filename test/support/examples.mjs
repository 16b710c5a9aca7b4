// Prepares the examples (examples/*) as users run them, next to the PACKED package installed in a
// scratch folder (pack-package.mjs): copied there, and built where they need a build (the Worker by
// wrangler, the browser page by rollup). Shared by test/examples.node.test.ts (CI) and
// scripts/run-example.mjs (`npm run example <name>`), so both run the very same thing.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The examples, by folder name. */
export const EXAMPLES = ['node', 'deno', 'bun', 'worker', 'browser'];

/** The Node examples, in the order the README lists them. */
export const NODE_SCRIPTS = [
  'chat.mjs',
  'json.mjs',
  'object.mjs',
  'tools.mjs',
  'registry.mjs',
  'cost.mjs',
];

/** A repository tool from the dev dependencies. @param {string} name */
export const devBin = (name) => join(ROOT, 'node_modules', '.bin', name);

/**
 * Copies an example into the scratch folder. Deno's files go to the folder itself, next to
 * `node_modules` and the consumer's package.json, as after `deno install`.
 * @param {string} name - One of {@link EXAMPLES}.
 * @param {string} scratch - A folder from `installPackedPackage()`.
 * @returns {string} The folder to run the example in.
 */
export function copyExample(name, scratch) {
  const from = join(ROOT, 'examples', name);
  if (name === 'deno') {
    for (const f of ['main.ts', 'deno.json', 'package.json'])
      cpSync(join(from, f), join(scratch, f));
    return scratch;
  }
  const dir = join(scratch, name);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * Reads wrangler.jsonc: JSON with comments and trailing commas (none of its strings holds `//`).
 * @param {string} dir
 * @returns {{ compatibility_date: string, compatibility_flags?: string[], kv_namespaces: { binding: string }[] }}
 */
export function readWranglerConfig(dir) {
  const text = readFileSync(join(dir, 'wrangler.jsonc'), 'utf8');
  return JSON.parse(text.replace(/\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
}

/**
 * Builds the Worker as `wrangler deploy` would, without deploying.
 * @param {string} dir - The copied examples/worker.
 * @param {string} home - HOME for wrangler (it writes its settings there).
 * @returns {Promise<string>} The built module script.
 */
export async function buildWorker(dir, home) {
  const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  await run(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', 'out'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: home, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    timeout: 120_000,
  });
  return join(dir, 'out/index.js');
}

/**
 * Bundles the browser page with the project's rollup and resolver (the example's dev dependencies,
 * linked into the scratch node_modules).
 * @param {string} dir - The copied examples/browser, inside the scratch folder.
 */
export async function buildBrowserPage(dir) {
  const modules = join(dir, '..', 'node_modules');
  mkdirSync(join(modules, '@rollup'), { recursive: true });
  for (const p of ['rollup', '@rollup/plugin-node-resolve', '@rollup/pluginutils'])
    if (!existsSync(join(modules, p))) symlinkSync(join(ROOT, 'node_modules', p), join(modules, p));
  await run(process.execPath, [join(ROOT, 'node_modules/rollup/dist/bin/rollup'), '-c'], {
    cwd: dir,
    timeout: 60_000,
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * Serves a folder over loopback HTTP (index.html for `/`).
 * @param {string} dir
 * @param {number} [port] - 0 for any free port.
 * @returns {Promise<{ url: string, close(): void }>}
 */
export async function serveStatic(dir, port = 0) {
  const server = createServer((req, res) => {
    const path = join(
      dir,
      new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'),
    );
    if (!path.startsWith(dir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type':
        TYPES[/** @type {keyof TYPES} */ (extname(path))] ?? 'application/octet-stream',
    });
    res.end(readFileSync(path));
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', () => r(undefined)));
  const { port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${bound}/`, close: () => void server.close() };
}
