// The `alea` CLI end to end: the BUILT bin (dist/cli/alea.js) as a child process against the
// emulator, with its own cache folder and home. Each subcommand, the exit codes, and a 200-line batch
// interrupted half-way and resumed. Needs dist/ (`npm test` builds first).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT, requireDist } from './support/bundle-consumer.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
const BIN = join(ROOT, 'dist/cli/alea.js');
const work = mkdtempSync(join(tmpdir(), 'alea-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** A fresh cache folder (and home) per test unless one is given. */
function env(cacheDir = join(work, `cache-${++runs}`)) {
  return {
    PATH: process.env.PATH,
    HOME: join(work, 'home'),
    ALEA_CACHE_DIR: cacheDir,
    TEST_KEY: 'sk-cli-test',
  };
}

type Run = { code: number; stdout: string; stderr: string };
function alea(args: string[], e: NodeJS.ProcessEnv = env()): Promise<Run> {
  requireDist();
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: e, timeout: 60_000 }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('alea chat', () => {
  it('prints the answer; --json prints the whole response, and the second call is a cache hit', async () => {
    const s = await scenario(emulatorUrl);
    const e = env();
    const prompt = uniquePrompt('cli chat');
    const args = ['chat', prompt, '--endpoint', s.endpoint, '--key-env', 'TEST_KEY'];
    const first = await alea([...args, '--system', 'Be brief.', '--max-tokens', '50'], e);
    expect(first).toMatchObject({ code: 0, stdout: `Echo: ${prompt}\n`, stderr: '' });
    const again = await alea([...args, '--system', 'Be brief.', '--max-tokens', '50', '--json'], e);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      text: `Echo: ${prompt}`,
      provider: 'openai',
      cached: true,
      usage: { inputTokens: expect.any(Number) },
    });
    const sent = await s.requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      max_completion_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: prompt },
      ],
    });
    expect(sent[0]!.headers.authorization).toBe('Bearer sk-cli-test');
  });

  it('--temperature and --effort reach the request; --effort on Anthropic is a usage error', async () => {
    const s = await scenario(emulatorUrl);
    const base = ['--endpoint', s.endpoint, '--key-env', 'TEST_KEY'];
    const warm = await alea([
      'chat',
      'hi',
      ...base,
      '--model',
      'gpt-4o-mini',
      '--temperature',
      '0.3',
    ]);
    const think = await alea(['chat', 'hi', ...base, '--model', 'o4-mini', '--effort', 'low']);
    expect([warm.code, think.code]).toEqual([0, 0]);
    const [a, b] = (await s.requests()).map((r) => r.body);
    expect(a).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.3 });
    expect(b).toMatchObject({ model: 'o4-mini', reasoning_effort: 'low' });
    const anthropic = await alea([
      'chat',
      'hi',
      ...base,
      '--provider',
      'anthropic',
      '--effort',
      'low',
    ]);
    expect(anthropic.code).toBe(2);
    expect(anthropic.stderr).toMatch(/--effort: Anthropic models take no effort level/);
    expect(await s.requests()).toHaveLength(2);
  });

  it('--schema: a JSON Schema file shapes and validates the answer, printed as JSON', async () => {
    const s = await scenario(emulatorUrl);
    const file = join(work, 'person.json');
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
      required: ['name', 'age'],
    };
    writeFileSync(file, JSON.stringify(schema));
    const r = await alea([
      'chat',
      'A person',
      '--endpoint',
      s.endpoint,
      '--key-env',
      'TEST_KEY',
      '--schema',
      file,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: expect.any(String), age: expect.any(Number) });
    const [req] = await s.requests();
    expect(req!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { properties: schema.properties } },
    });
  });

  it('a failed call exits 1 with the typed error; --no-cache sends again', async () => {
    const s = await scenario(emulatorUrl, { faults: [{ status: 400 }] });
    const e = env();
    const args = ['chat', 'hi', '--endpoint', s.endpoint, '--key-env', 'TEST_KEY', '--no-cache'];
    const failed = await alea(args, e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^alea: APICallError: .*400/);
    expect(failed.stderr).not.toContain('sk-cli-test');
    expect((await alea(args, e)).code).toBe(0);
    expect((await alea(args, e)).code).toBe(0);
    expect(await s.requests()).toHaveLength(3);
    const noKey = await alea(['chat', 'hi', '--endpoint', s.endpoint]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/MissingKeyError.*--key-env/);
  });

  it('usage errors exit 2 with the usage text, before any request', async () => {
    const s = await scenario(emulatorUrl);
    const base = ['--endpoint', s.endpoint, '--key-env', 'TEST_KEY'];
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: alea <command>/],
      [['translate'], /unknown command "translate"[\s\S]*Usage: alea <command>/],
      [['chat', ...base], /one prompt[\s\S]*Usage: alea chat/],
      [['chat', 'hi', '--bogus', ...base], /Unknown option '--bogus'[\s\S]*Usage: alea chat/],
      [['chat', 'hi', '--max-tokens', 'lots', ...base], /--max-tokens: expected a whole number/],
      [['chat', 'hi', '--provider', 'mistral', ...base], /unknown provider "mistral"/],
      [['chat', 'hi', '--key-env', 'NOT_SET_ANYWHERE'], /NOT_SET_ANYWHERE is not set/],
      [['models', '--capability', 'telepathy'], /unknown capability "telepathy"/],
      [['cache', 'explode'], /unknown cache action[\s\S]*Usage: alea cache/],
      [['batch', join(work, 'missing.jsonl'), ...base], /cannot read[\s\S]*Usage: alea batch/],
    ];
    for (const [args, message] of cases) {
      const r = await alea(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout, args.join(' ')).toMatch(message);
    }
    expect(await s.requests()).toHaveLength(0);
    const help = await alea(['batch', '--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: alea batch/) });
  });
});

describe('alea models', () => {
  it('lists the registry with filters, as a table and as JSON', async () => {
    const registry = await import(join(ROOT, 'dist/registry/index.js'));
    const want = registry.filterModels({
      providers: ['anthropic'],
      capabilities: ['tools', 'vision'],
      minContext: 200_000,
    });
    expect(want.length).toBeGreaterThan(1);
    const args = [
      'models',
      '--provider',
      'anthropic',
      '--capability',
      'tools,vision',
      '--min-context',
      '200000',
    ];
    const json = await alea([...args, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).map((m: { id: string }) => m.id)).toEqual(want);
    const table = await alea(args);
    const rows = lines(table.stdout);
    expect(rows[0]).toMatch(
      /^model\s+provider\s+context\s+output\s+in \$\/M\s+out \$\/M\s+capabilities$/,
    );
    expect(rows.slice(1, -1).map((r) => r.split(/\s+/)[0])).toEqual(want);
    expect(rows.at(-1)).toBe(`${want.length} models`);
    const cheap = await alea(['models', '--max-input-price', '0.2', '--json']);
    expect(JSON.parse(cheap.stdout).map((m: { id: string }) => m.id)).toEqual(
      registry.filterModels({ maxInputPrice: 0.2 }),
    );
  });
});

describe('alea cache', () => {
  it('stats, list, prune and clear the folder the calls wrote, per provider', async () => {
    const s = await scenario(emulatorUrl);
    const dir = join(work, 'cache-managed');
    const e = env(dir);
    const key = ['--endpoint', s.endpoint, '--key-env', 'TEST_KEY'];
    await alea(['chat', uniquePrompt('a'), ...key], e);
    await alea(['chat', uniquePrompt('b'), ...key], e);
    await alea(['chat', uniquePrompt('c'), ...key, '--provider', 'anthropic'], e);
    const stats = await alea(['cache', 'stats', '--dir', dir]);
    expect(stats.stdout).toMatch(/openai\s+2 entries\s+[\d.]+ k?B/);
    // Entries under 4 KiB are stored uncompressed (gzip stored blocks): about 1 kB each.
    expect(stats.stdout).toMatch(/anthropic\s+1 entry\s+[\d.]+ k?B/);
    expect(stats.stdout).toMatch(/total\s+3 entries/);
    const listed = lines(
      (await alea(['cache', 'list', '--dir', dir, '--provider', 'openai'])).stdout,
    );
    expect(listed).toHaveLength(2);
    for (const k of listed) {
      expect(k).toMatch(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/);
      expect(existsSync(join(dir, `${k}.json.gz`))).toBe(true);
    }
    expect((await alea(['cache', 'prune', '--dir', dir, '--older-than', '1d'])).stdout).toMatch(
      /pruned 0 entries/,
    );
    expect((await alea(['cache', 'prune', '--older-than', 'soon', '--dir', dir])).code).toBe(2);
    expect(
      (await alea(['cache', 'clear', '--dir', dir, '--provider', 'anthropic'])).stdout,
    ).toMatch(/deleted 1 entry /);
    expect((await alea(['cache', 'stats', '--dir', dir])).stdout).toMatch(/total\s+2 entries/);
    await new Promise((r) => setTimeout(r, 20));
    expect((await alea(['cache', 'prune', '--dir', dir, '--older-than', '0m'])).stdout).toMatch(
      /pruned 2 entries/,
    );
    expect((await alea(['cache', 'list', '--dir', dir])).stdout).toBe('\n');
  });
});
