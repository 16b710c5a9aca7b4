#!/usr/bin/env node
// `npm run example <node|deno|bun|worker|browser> [question]`: runs one example as a user would,
// from the packed package installed in a scratch folder (as CI does: test/support/examples.mjs).
// With OPENAI_API_KEY set it talks to OpenAI; without it, like `npm start`, it starts the project's
// loopback provider emulator, says so, and gives the example a scratch HOME so ~/.alea stays
// untouched. node, deno and bun run and exit; worker and browser are served until Ctrl-C.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { startEmulator } from '../test/emulator/server.mjs';
import {
  EXAMPLES,
  NODE_SCRIPTS,
  buildBrowserPage,
  buildWorker,
  copyExample,
  devBin,
  readWranglerConfig,
  serveStatic,
} from '../test/support/examples.mjs';
import { installPackedPackage } from '../test/support/pack-package.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!EXAMPLES.includes(name ?? '')) {
  console.error(`usage: npm run example <${EXAMPLES.join('|')}> [question]`);
  process.exit(2);
}

const live = Boolean(process.env.OPENAI_API_KEY);
const scratch = await installPackedPackage();
const emulator = live ? undefined : await startEmulator();
/** @type {Record<string, string | undefined>} */
const env = { ...process.env };
if (emulator) {
  env.OPENAI_BASE_URL = emulator.url;
  env.OPENAI_API_KEY = 'sk-emulator';
  env.HOME = join(scratch, 'home');
  delete env.ALEA_CACHE_DIR;
  mkdirSync(env.HOME);
  console.log(`No OPENAI_API_KEY set: using the loopback provider emulator at ${emulator.url}.\n`);
}
const cleanup = () => {
  void emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
};

const dir = copyExample(name, scratch);
/**
 * Runs a command in the example's folder (asynchronously: the emulator answers from this process).
 * @param {string} file @param {string[]} args
 */
async function runHere(file, args) {
  const child = spawn(file, args, { cwd: dir, env, stdio: 'inherit' });
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`${file} exited with ${code}`);
}

try {
  if (name === 'node')
    for (const script of NODE_SCRIPTS) {
      console.log(`$ node ${script}`);
      await runHere(process.execPath, [script]);
    }
  if (name === 'deno') await runHere(devBin('deno'), ['task', '--quiet', 'start', ...rest]);
  if (name === 'bun') await runHere(devBin('bun'), ['main.ts', ...rest]);
} catch {
  process.exitCode = 1;
}
if (name !== 'worker' && name !== 'browser') {
  cleanup();
} else {
  /** @type {{ close(): unknown }} */
  let server;
  if (name === 'worker') {
    const mf = new Miniflare({
      modules: true,
      scriptPath: await buildWorker(dir, /** @type {string} */ (env.HOME)),
      modulesRoot: join(dir, 'out'),
      compatibilityDate: readWranglerConfig(dir).compatibility_date,
      kvNamespaces: ['CACHE'],
      bindings: {
        OPENAI_API_KEY: env.OPENAI_API_KEY ?? '',
        OPENAI_BASE_URL: env.OPENAI_BASE_URL ?? '',
      },
    });
    const url = String(await mf.ready);
    console.log(`The Worker (workerd, KV as cache) at ${url}. Try:`);
    console.log(`  curl -X POST ${url}ask -d '{"question": "Why is the sky blue?"}'`);
    server = { close: () => mf.dispose() };
  } else {
    await buildBrowserPage(dir);
    const page = await serveStatic(dir);
    console.log(`The page at ${page.url}`);
    if (emulator) console.log(`Enter endpoint ${emulator.url} and any key (e.g. sk-emulator).`);
    server = page;
  }
  console.log('Ctrl-C stops it.');
  process.once('SIGINT', async () => {
    await server.close();
    cleanup();
  });
}
