// Job records are ordinary cache entries (issue 13), with one rule: `pruneCache` keeps the record of
// a job whose results were not read yet (up to 30 days after submit), so pruning a busy cache never
// strands a running job; once `results()` was read to its end, the answers are cached and the record
// is pruned by age like any entry. Checked on the fs store and on the memory store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it, vi } from 'vitest';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { fsStore } from '../src/cache/fs/index.ts';
import { memoryStore, pruneCache } from '../src/cache/index.ts';
import type { CacheStore } from '../src/core/cache-store.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const fast = { pollInterval: 1, maxPollInterval: 5 };

const stores: [string, () => Promise<CacheStore>][] = [
  [
    'fs',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'alea-prune-'));
      dirs.push(dir);
      return fsStore({ dir });
    },
  ],
  ['memory', async () => memoryStore()],
];

for (const [name, make] of stores) {
  it(`pruneCache (${name}) keeps an unread job's record, then prunes it by age once read`, async () => {
    const store = await make();
    const sc = await scenario(inject('emulatorUrl'), { batch: { polls: 1 } });
    const model = new OpenAIModel({
      model: 'gpt-4o-mini',
      endpoint: sc.endpoint,
      apiKey: 'sk-prune',
      cache: store,
    });
    await model.chat(uniquePrompt('an ordinary answer'));
    const job = await model.batch.submit([{ id: 'a', input: uniquePrompt('prune a') }]);
    const everything = () => new Date(Date.now() + 60_000);

    expect(await pruneCache(store, everything())).toBe(1); // the chat answer; the record stays
    expect((await model.batch.status(job.id)).state).toBe('completed');
    const results = [];
    for await (const r of model.batch.results(job.id, fast)) results.push(r);
    expect(results[0]?.response?.text).toBeTypeOf('string');

    expect(await pruneCache(store, everything())).toBe(2); // the batch answer and the read record
    await expect(model.batch.status(job.id)).rejects.toThrow(/No record of batch job/);

    // An unread job's record is kept at most 30 days after its submit.
    const late = await model.batch.submit([{ id: 'b', input: uniquePrompt('prune b') }]);
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 31 * 86_400_000);
    try {
      expect(await pruneCache(store, new Date(now + 60_000))).toBe(1);
    } finally {
      spy.mockRestore();
    }
    await expect(model.batch.status(late.id)).rejects.toThrow(/No record of batch job/);
  });
}
