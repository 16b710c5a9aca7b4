// The examples (examples/*) as users run them: copied next to the PACKED package installed in a
// scratch folder (test/support/pack-package.ts), run against the emulator through OPENAI_BASE_URL,
// and their OUTPUT checked, not just their exit codes. Node scripts, Deno with the documented
// permission flags and --no-prompt, Bun, the Worker built by wrangler (no nodejs_compat) and run in
// workerd with real KV, and the browser page built by rollup and driven in Chromium. Needs dist/.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from './support/bundle-consumer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.mjs';
import {
  buildBrowserPage,
  buildWorker,
  copyExample,
  devBin,
  readWranglerConfig,
  serveStatic,
} from './support/examples.mjs';
import { installPackedPackage } from './support/pack-package.mjs';
import { scenario } from './shared/emulator-client.mjs';

const run = promisify(execFile);
const emulatorUrl = inject('emulatorUrl');
let scratch = '';
let home = '';

beforeAll(async () => {
  scratch = await installPackedPackage();
  home = join(scratch, 'home');
  mkdirSync(home);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of an example run: the emulator in place of OpenAI, and a home of its own. */
const envFor = (endpoint: string) => ({
  PATH: process.env.PATH,
  HOME: home,
  OPENAI_BASE_URL: endpoint,
  OPENAI_API_KEY: 'sk-example',
});

/** A chat completion that calls get_weather: the first answer of the tools example's scenario. */
const TOOL_CALL = {
  id: 'chatcmpl-tools',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
    },
  ],
  usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
};

describe('examples/node', () => {
  let dir = '';
  beforeAll(() => {
    dir = copyExample('node', scratch);
  });
  const node = async (script: string, endpoint: string) =>
    (await run(process.execPath, [script], { cwd: dir, env: envFor(endpoint), timeout: 60_000 }))
      .stdout;

  it('chat.mjs: the answer, usage and cost, then the same call from the cache', async () => {
    const s = await scenario(emulatorUrl);
    const out = await node('chat.mjs', s.endpoint);
    expect(out).toMatch(/^answer: Echo: Name three primary colours\.$/m);
    expect(out).toMatch(/^tokens: \d+ in, \d+ out; cost \$\d+\.\d+(e-\d+)?$/m);
    expect(out).toMatch(/^again: cached=true, same answer=true$/m);
    expect(await s.requests()).toHaveLength(1);
  });

  it('json.mjs: parsed JSON data', async () => {
    const s = await scenario(emulatorUrl);
    const out = await node('json.mjs', s.endpoint);
    const data = JSON.parse(/^data: (.*)$/m.exec(out)![1]!);
    expect(data).toEqual({ echo: expect.stringContaining('describing Oslo') });
    expect(out).toMatch(/^keys: echo$/m);
  });

  it('object.mjs: an object validated by the valibot schema', async () => {
    const s = await scenario(emulatorUrl);
    const out = await node('object.mjs', s.endpoint);
    expect(out).toMatch(/^person: .+, -?\d+, speaks \d+ languages$/m);
    expect(out).toMatch(/^valid: true$/m);
    const [req] = await s.requests();
    expect(req!.body.response_format.json_schema.schema.required).toEqual([
      'name',
      'age',
      'languages',
    ]);
  });

  it('tools.mjs: the tool is called, its result sent back, and the answer printed', async () => {
    const s = await scenario(emulatorUrl, { faults: [{ status: 200, json: TOOL_CALL }] });
    const out = await node('tools.mjs', s.endpoint);
    expect(out).toMatch(/^tool: get_weather\(\{"city":"Oslo"\}\) -> 4°C, light rain$/m);
    expect(out).toMatch(/^answer \(round 2\): Echo: What is the weather in Oslo\?/m);
    const sent = await s.requests();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '4°C, light rain',
    });
  });

  it('registry.mjs: the filtered models and the comparison, as the registry says', async () => {
    const registry = await import(
      join(scratch, 'node_modules/alea-llm-client/dist/registry/index.js')
    );
    const fit = registry.filterModels({
      capabilities: ['tools', 'vision', 'structuredOutput'],
      minContext: 200_000,
      maxInputPrice: 1,
    });
    const out = await node('registry.mjs', 'http://127.0.0.1:9'); // no network needed
    expect(out).toMatch(
      new RegExp(`^${fit.length} models with tools, vision and structured output`, 'm'),
    );
    for (const id of fit) expect(out).toContain(`  ${id} (`);
    expect(out).toMatch(/^compare: gpt-4o-mini: openai, 128000 context, 16384 max output$/m);
    expect(out.match(/^compare: /gm)).toHaveLength(3);
  });

  it('cost.mjs: a cost per model and a total; the rerun costs nothing', async () => {
    const s = await scenario(emulatorUrl);
    const first = await node('cost.mjs', s.endpoint);
    expect(first).toMatch(/^gpt-4o-mini\s+2 calls, 0 cached, \$0\.\d{6}$/m);
    expect(first).toMatch(/^gpt-4\.1-nano\s+2 calls, 0 cached, \$0\.\d{6}$/m);
    expect(Number(/^total: \$(\S+)$/m.exec(first)![1])).toBeGreaterThan(0);
    const second = await node('cost.mjs', s.endpoint);
    expect(second).toMatch(/^gpt-4o-mini\s+2 calls, 2 cached, \$0\.000000$/m);
    expect(second).toMatch(/^total: \$0\.000000$/m);
    expect(await s.requests()).toHaveLength(4);
  });
});

describe('examples/deno and examples/bun', () => {
  it('deno task start: the documented flags, --no-prompt, the fs cache on and no warning', async () => {
    const dir = copyExample('deno', scratch);
    const task = JSON.parse(readFileSync(join(dir, 'deno.json'), 'utf8')).tasks.start as string;
    expect(task).toMatch(/--no-prompt/);
    // Minimal: every grant is scoped to a list (no bare --allow-read, no -A / --allow-all), and
    // exactly the five the README's table explains.
    const grants = [...task.matchAll(/--allow-([a-z]+)(=\S+)?/g)];
    expect(grants.map((g) => [g[1], Boolean(g[2])])).toEqual(
      ['net', 'env', 'sys', 'read', 'write'].map((g) => [g, true]),
    );
    expect(task).not.toMatch(/\s-A\b|--allow-all/);
    expect(task).toContain('--allow-sys=homedir ');
    const s = await scenario(emulatorUrl);
    const { stdout, stderr } = await run(
      devBin('deno'),
      ['task', '--quiet', 'start', 'What is Deno?'],
      { cwd: dir, env: envFor(s.endpoint), timeout: 60_000 },
    );
    expect(stdout).toBe('answer: Echo: What is Deno?\nagain: cached=true\n');
    expect(stderr).not.toMatch(/cache|NotCapable|permission/i);
    const files = readdirSync(join(home, '.alea/cache/openai'), { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith('.json.gz'))).toBe(true);
    expect(await s.requests()).toHaveLength(1);
  }, 60_000);

  it('bun main.ts: the answer, then the same question from the cache', async () => {
    const dir = copyExample('bun', scratch);
    const s = await scenario(emulatorUrl);
    const { stdout } = await run(devBin('bun'), ['main.ts', 'What is Bun?'], {
      cwd: dir,
      env: envFor(s.endpoint),
      timeout: 60_000,
    });
    expect(stdout).toBe('answer: Echo: What is Bun?\nagain: cached=true\n');
    expect(await s.requests()).toHaveLength(1);
  }, 60_000);
});

describe('examples/worker', () => {
  it('built by wrangler without nodejs_compat, in workerd: POST /ask, the second answer from KV', async () => {
    const dir = copyExample('worker', scratch);
    const config = readWranglerConfig(dir);
    expect(config).not.toHaveProperty('compatibility_flags');
    expect(config.kv_namespaces).toEqual([expect.objectContaining({ binding: 'CACHE' })]);
    const scriptPath = await buildWorker(dir, home);
    expect(readFileSync(scriptPath, 'utf8')).not.toMatch(/["']node:/);
    const s = await scenario(emulatorUrl);
    const mf = new Miniflare({
      modules: true,
      scriptPath,
      modulesRoot: dirname(scriptPath), // module names relative to it: never '..'
      compatibilityDate: config.compatibility_date, // and no compatibility flags, as wrangler.jsonc
      kvNamespaces: ['CACHE'],
      bindings: { OPENAI_API_KEY: 'sk-worker', OPENAI_BASE_URL: s.endpoint },
    });
    try {
      const ask = async (question: unknown) => {
        const res = await mf.dispatchFetch('http://localhost/ask', {
          method: 'POST',
          body: JSON.stringify({ question }),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      expect(await ask('Why is the sky blue?')).toEqual({
        status: 200,
        body: { answer: 'Echo: Why is the sky blue?', cached: false, cost: expect.any(Number) },
      });
      expect(await ask('Why is the sky blue?')).toEqual({
        status: 200,
        body: { answer: 'Echo: Why is the sky blue?', cached: true, cost: expect.any(Number) },
      });
      expect(await ask(42)).toMatchObject({ status: 400 });
      expect(await s.requests()).toHaveLength(1);
      const kv = await mf.getKVNamespace('CACHE');
      expect((await kv.list()).keys).toHaveLength(1);
    } finally {
      await mf.dispose();
    }
  }, 120_000);
});

describe('examples/browser', () => {
  let server: { url: string; close(): void } | undefined;
  afterAll(() => server?.close());

  it('built by rollup, in Chromium: ask, reload, the same question from IndexedDB, clear the cache', async () => {
    const dir = copyExample('browser', scratch);
    await buildBrowserPage(dir);
    server = await serveStatic(dir);
    const s = await scenario(emulatorUrl);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.fill('#endpoint', s.endpoint);
      await page.dispatchEvent('#endpoint', 'change');
      await page.fill('#key', 'sk-browser');
      await page.dispatchEvent('#key', 'change');
      const ask = async (question: string, n: number) => {
        await page.fill('#question', question);
        await page.click('button[type=submit]');
        await page.waitForFunction(
          (count) => document.querySelectorAll('#answers li[data-cached]').length === count,
          n,
        );
        return page.evaluate(() => {
          const li = document.querySelector('#answers li')!;
          return {
            text: li.children[1]!.textContent,
            badge: li.querySelector('.badge')!.textContent,
            cached: li.getAttribute('data-cached'),
          };
        });
      };
      expect(await ask('What is IndexedDB?', 1)).toEqual({
        text: 'Echo: What is IndexedDB?',
        badge: 'sent',
        cached: 'false',
      });
      await page.reload();
      expect(await page.inputValue('#endpoint')).toBe(s.endpoint); // kept for the tab
      expect(await ask('What is IndexedDB?', 1)).toEqual({
        text: 'Echo: What is IndexedDB?',
        badge: 'from IndexedDB',
        cached: 'true',
      });
      expect(await s.requests()).toHaveLength(1); // the reloaded page sent nothing
      const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      expect(dbs).toContain('alea-llm-cache');
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      await page.screenshot({ path: join(ROOT, '.tmp/examples-browser.png'), fullPage: true });
      await page.click('#clear');
      await page.waitForFunction(
        () => document.getElementById('status')!.textContent === 'Cache cleared.',
      );
      expect(await ask('What is IndexedDB?', 2)).toMatchObject({ badge: 'sent', cached: 'false' });
      expect(await s.requests()).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
