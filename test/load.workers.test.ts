// Load in workerd (issue 14, "Load and memory"; the Node run with memory bounds is
// load.node.test.ts): 200 concurrent distinct calls each get the answer to their own prompt, and
// 200 concurrent identical calls sharing a store send one request. workerd caps a request's open
// connections at six, so the calls also queue there without being lost or mixed up.
import { expect, inject, it } from 'vitest';
import { memoryStore } from '../src/cache/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const CALLS = 200;
const emulatorUrl = inject('emulatorUrl');

it(`${CALLS} concurrent distinct calls in workerd: every answer arrives and is its own`, async () => {
  const s = await scenario(emulatorUrl);
  const model = new OpenAIModel({ endpoint: s.endpoint, apiKey: 'sk-load', cache: false });
  const prompts = Array.from({ length: CALLS }, (_, i) => uniquePrompt(`load ${i}`));
  const answers = await Promise.all(prompts.map((p, i) => model.chat(p, { seed: i })));
  expect(answers.map((r) => r.text)).toEqual(prompts.map((p) => `Echo: ${p}`));
  expect((await s.requests()).length).toBeGreaterThanOrEqual(CALLS);
}, 60_000);

it(`${CALLS} concurrent identical calls in workerd send one request`, async () => {
  const s = await scenario(emulatorUrl);
  const model = new OpenAIModel({ endpoint: s.endpoint, apiKey: 'sk-load', cache: memoryStore() });
  const prompt = uniquePrompt('the same call');
  const answers = await Promise.all(Array.from({ length: CALLS }, () => model.chat(prompt)));
  expect(answers.every((r) => r.text === `Echo: ${prompt}`)).toBe(true);
  expect(await s.requests()).toHaveLength(1);
}, 60_000);
