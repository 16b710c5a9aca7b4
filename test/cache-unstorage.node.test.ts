// The unstorage bridge against a real Redis (Debian's redis-server on a free loopback port, started
// here and stopped by its PID) with unstorage's redis driver: the conformance suite, and two
// separate Node processes sharing results through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, beforeAll, expect, inject, it, vi } from 'vitest';
import * as cache from '../src/cache/index.ts';
import { unstorageStore } from '../src/cache/unstorage/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import { cacheStoreCases, randomKey } from './conformance/cache-store-suite.mjs';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';
import { runCacheChild } from './support/build-cache-child.ts';

const emulatorUrl = inject('emulatorUrl');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let redis: ChildProcess;
let redisUrl = '';
beforeAll(async () => {
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    redis.once('error', (e) =>
      reject(new Error(`redis-server cannot start (apt-get install redis-server): ${e.message}`)),
    );
    redis.stdout!.on('data', (d) => {
      log += d;
      if (log.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${log}`)));
  });
  redisUrl = `redis://127.0.0.1:${port}`;
}, 20_000);
const storages: { dispose(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(storages.map((s) => s.dispose()));
  if (redis?.pid) process.kill(redis.pid);
});
const open = () => {
  const storage = createStorage({ driver: redisDriver({ url: redisUrl }) });
  storages.push(storage);
  return storage;
};

let n = 0;
for (const [name, fn] of cacheStoreCases(
  async (onWarning) => {
    const storage = open();
    const base = `conformance-${process.pid}-${n++}`;
    return {
      store: unstorageStore(storage, { base, onWarning }),
      async corrupt(key, mode) {
        const raw = (await storage.getItemRaw(`${base}:${key}`)) as Uint8Array;
        await storage.setItemRaw(
          `${base}:${key}`,
          mode === 'truncate' ? raw.subarray(0, raw.length >> 1) : new TextEncoder().encode('junk'),
        );
      },
    };
  },
  { label: 'unstorage+redis', sdk: { cache, openai }, emulatorUrl, corruptible: true },
))
  it(name, fn);

it('two separate Node processes share results through Redis', async () => {
  const sc = await scenario(emulatorUrl);
  const prompt = uniquePrompt('shared redis');
  const base = `shared-${process.pid}`;
  const child = await runCacheChild({
    endpoint: sc.endpoint,
    prompt,
    store: 'unstorage',
    redisUrl,
    base,
  });
  expect(child).toMatchObject({ cached: false, warnings: [] });
  const store = unstorageStore(open(), { base });
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-parent',
    cache: store,
  });
  const hit = await model.chat(prompt);
  expect(hit).toMatchObject({ cached: true, text: child.text });
  expect(await sc.requests()).toHaveLength(1);
  const keys = await store.keys!();
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/);
});

it('clear removes only its own entries; the driver TTL is set', async () => {
  const storage = open();
  await storage.setItem('someone-else:key', 'kept');
  const store = unstorageStore(storage, { base: `ttl-${process.pid}` });
  await storage.setItem(`ttl-${process.pid}:notes`, 'not an entry, kept');
  const key = randomKey();
  await store.set(
    key,
    { v: 1, createdAt: Date.now(), response: { text: 't', messages: [] } as never },
    { ttl: 90 },
  );
  const ttl = await (
    storage.getMount('').driver as { getInstance(): { ttl(k: string): Promise<number> } }
  )
    .getInstance()
    .ttl(`ttl-${process.pid}:${key.replaceAll('/', ':')}`);
  expect(ttl).toBeGreaterThan(80);
  expect(await store.keys!()).toEqual([key]);
  await store.clear!();
  expect(await store.keys!()).toEqual([]);
  expect(await storage.getItem('someone-else:key')).toBe('kept');
  expect(await storage.getItem(`ttl-${process.pid}:notes`)).toBe('not an entry, kept');
});

it('an unreachable Redis gives read and write warnings (printed once without onWarning); the call returns', async () => {
  const port = await freePort(); // free a moment ago: nothing listens there
  // ioredis retries a command on a dead connection 20 times by default (about 10 s for a read and
  // 30 s for a write, all within the call's timeout); a cache is better off failing fast.
  const storage = createStorage({
    driver: redisDriver({ url: `redis://127.0.0.1:${port}`, maxRetriesPerRequest: 1 }),
  });
  storages.push(storage);
  // Without a listener ioredis prints every refused connection; the failed commands are the test.
  (storage.getMount('').driver as { getInstance(): { on(e: 'error', f: () => void): void } })
    .getInstance()
    .on('error', () => {});
  const store = unstorageStore(storage, { base: 'unreachable' });
  const sc = await scenario(emulatorUrl);
  const warnings: string[] = [];
  const model = new openai.OpenAIModel({
    endpoint: sc.endpoint,
    apiKey: 'sk-test',
    cache: store,
    onWarning: (m) => warnings.push(m),
  });
  const prompt = uniquePrompt('unreachable redis');
  const first = await model.chat(prompt);
  expect(first).toMatchObject({ cached: false, text: expect.any(String) });
  expect(warnings).toEqual([
    expect.stringMatching(/^\[cache:unstorage\] cannot read .*, treated as a miss: .*max retries/),
    expect.stringMatching(/^\[cache:unstorage\] write failed: .*max retries/),
  ]);
  const printed = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const silent = new openai.OpenAIModel({
      endpoint: sc.endpoint,
      apiKey: 'sk-test',
      cache: store,
    });
    expect((await silent.chat(prompt)).cached).toBe(false);
    await silent.chat(uniquePrompt('unreachable redis again'));
    const lines = printed.mock.calls.map((c) => String(c[0]));
    expect(lines.filter((l) => l.startsWith('[cache:unstorage] cannot read'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('[cache:unstorage] write failed'))).toHaveLength(1);
  } finally {
    printed.mockRestore();
  }
  expect(await sc.requests()).toHaveLength(3);
});
