// The cost of the default configuration's call path (issue 14, "the default configuration is the one
// to make fast"): work that used to be repeated on every call is done once. Node only: it counts the
// fs store's node:fs calls.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, inject, it, vi } from 'vitest';
import { memoryStore } from '../src/cache/index.ts';
import { fsStore } from '../src/cache/fs/index.ts';
import type { ModelSpec } from '../src/core/model-spec.ts';
import { LanguageModel } from '../src/pipeline/language-model.ts';
import type { ModelOptions } from '../src/pipeline/options.ts';
import { createOpenAICompatibleAdapter } from '../src/providers/openai-compatible/openai-compatible-adapter.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

// Counts the fs store's reads and folder creations; everything else is node:fs itself.
const fsCalls = vi.hoisted(() => ({ readFile: 0, mkdir: 0 }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    readFileSync: ((...args: Parameters<typeof fs.readFileSync>) => (
      fsCalls.readFile++,
      fs.readFileSync(...args)
    )) as typeof fs.readFileSync,
    mkdirSync: ((...args: Parameters<typeof fs.mkdirSync>) => (
      fsCalls.mkdir++,
      fs.mkdirSync(...args)
    )) as typeof fs.mkdirSync,
  };
});

const emulatorUrl = inject('emulatorUrl');
afterEach(() => vi.restoreAllMocks());

it('a repeated cached call computes no SHA-256 digest, a new call computes one', async () => {
  const sc = await scenario(emulatorUrl);
  const model = new OpenAIModel({ endpoint: sc.endpoint, apiKey: 'sk-test', cache: memoryStore() });
  const first = uniquePrompt('digest once');
  await model.chat(first);
  const digest = vi.spyOn(crypto.subtle, 'digest');
  expect((await model.chat(first)).cached).toBe(true);
  expect(digest).toHaveBeenCalledTimes(0);
  expect((await model.chat(uniquePrompt('digest once, again'))).cached).toBe(false);
  expect(digest).toHaveBeenCalledTimes(1); // the call's; endpoint and model were hashed before
});

/** An uncached OpenAI-compatible model whose registry lookup is `loadSpec`. */
function probeModel(endpoint: string, loadSpec: () => Promise<ModelSpec | undefined>) {
  const adapter = createOpenAICompatibleAdapter({
    provider: 'openai',
    keys: { env: [], required: false },
    jsonObject: true,
    structuredOutput: 'json_schema',
    loadSpec,
  });
  class Probe extends LanguageModel {
    constructor(options: ModelOptions) {
      super(adapter, 'probe-model', endpoint, options);
    }
  }
  return new Probe({ apiKey: 'sk-test', cache: false });
}

it('the registry record of a model is looked up once, not on every call', async () => {
  const sc = await scenario(emulatorUrl);
  const loadSpec = vi.fn(async (): Promise<ModelSpec | undefined> => undefined);
  const model = probeModel(sc.endpoint, loadSpec);
  for (let i = 0; i < 3; i++) await model.chat(uniquePrompt(`spec ${i}`));
  expect(loadSpec).toHaveBeenCalledTimes(1);
});

it('a registry lookup that failed (a chunk that did not load) is made again by the next call', async () => {
  const sc = await scenario(emulatorUrl);
  const loadSpec = vi
    .fn(async (): Promise<ModelSpec | undefined> => undefined)
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
  const model = probeModel(sc.endpoint, loadSpec);
  await expect(model.chat(uniquePrompt('spec fails'))).rejects.toThrow(/dynamically imported/);
  expect((await model.chat(uniquePrompt('spec again'))).text.length).toBeGreaterThan(0);
  expect(loadSpec).toHaveBeenCalledTimes(2);
});

it('the fs store finds a missing entry without a read, and makes a folder once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'alea-hot-'));
  try {
    const store = fsStore({ dir });
    const key = (n: number) => `openai/0123456789abcdef/${String(n).padStart(64, '0')}`;
    const entry = (text: string) => ({
      v: 1 as const,
      createdAt: Date.now(),
      response: { text, messages: [] } as never,
    });
    fsCalls.readFile = 0;
    fsCalls.mkdir = 0;
    expect(await store.get(key(1))).toBeUndefined();
    expect(fsCalls.readFile).toBe(0); // a stat said it is absent
    for (let n = 1; n <= 3; n++) await store.set(key(n), entry(`answer ${n}`));
    expect(fsCalls.mkdir).toBe(1); // the group folder, once
    expect(((await store.get(key(2))) as { response: { text: string } }).response.text).toBe(
      'answer 2',
    );
    expect(fsCalls.readFile).toBe(1); // the hit's one read
    // A folder removed behind the store's back (clearCache, rm -rf) is made again by the next write.
    await rm(join(dir, 'openai'), { recursive: true });
    await store.set(key(4), entry('answer 4'));
    expect(((await store.get(key(4))) as { response: { text: string } }).response.text).toBe(
      'answer 4',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
