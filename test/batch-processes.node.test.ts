// `model.batch.results()` from another process (issue 13): one Node process submits a job through the
// fs store and exits; a second one, sharing only the cache folder, reads the results; a third (this
// test, on src/) then finds every answer in the cache under the key `chat` uses. Needs dist/.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, inject, it } from 'vitest';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { fsStore } from '../src/cache/fs/index.ts';
import { requireDist, ROOT } from './support/bundle-consumer.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const run = promisify(execFile);
const script = join(ROOT, 'test/support/batch-process.mjs');
let dir = '';
afterAll(() => dir && rm(dir, { recursive: true, force: true }));

async function step(...args: string[]) {
  const { stdout } = await run(process.execPath, [script, ...args], { cwd: ROOT });
  return JSON.parse(stdout);
}

it('a job submitted in one process is read in another; its answers are cache hits for chat', async () => {
  requireDist();
  dir = await mkdtemp(join(tmpdir(), 'alea-batch-'));
  const sc = await scenario(inject('emulatorUrl'), { batch: { polls: 2 } });
  const model = new OpenAIModel({
    model: 'gpt-4o-mini',
    endpoint: sc.endpoint,
    apiKey: 'sk-process',
    cache: fsStore({ dir }),
  });
  const prompts = [uniquePrompt('cross a'), uniquePrompt('cross b'), uniquePrompt('cross c')];
  const early = await model.chat(prompts[0]!);

  const job = await step('submit', sc.endpoint, dir, JSON.stringify(prompts));
  expect(job).toMatchObject({ total: 3, cached: 1, submitted: 2 });
  const results = await step('results', sc.endpoint, dir, job.id);
  expect(results.map((r: { id: string }) => r.id)).toEqual(['q0', 'q1', 'q2']);
  expect(results[0]).toMatchObject({ text: early.text, cached: true });
  expect(results.slice(1).every((r: { text?: string }) => typeof r.text === 'string')).toBe(true);

  const sent = (await sc.requests()).length;
  for (const [i, prompt] of prompts.entries()) {
    const answer = await model.chat(prompt);
    expect(answer.cached, prompt).toBe(true);
    expect(answer.text).toBe(results[i].text);
  }
  expect((await sc.requests()).length).toBe(sent);
}, 60_000);
