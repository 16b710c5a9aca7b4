// The memory store keeps parsed entries (issue 14: a hit does no repeated work) while results stay
// the caller's own: mutating a returned result, or the entry after it was stored, changes nothing
// the cache holds. In every runtime the memory store serves (Node, Chromium, workerd).
import { afterEach, expect, inject, it, vi } from 'vitest';
import { memoryStore } from '../src/cache/index.ts';
import type { CacheEntry } from '../src/core/cache-store.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');
afterEach(() => vi.restoreAllMocks());

const key = `openai/0123456789abcdef/${'a'.repeat(64)}`;
const entryOf = (): CacheEntry => ({
  v: 1,
  createdAt: Date.now(),
  response: {
    text: 'answer',
    choices: ['answer'],
    messages: [{ role: 'user', content: 'hi' }],
    // A key JSON.parse makes an own property; a copy must not turn it into a prototype.
    raw: JSON.parse('{"__proto__": {"polluted": true}, "list": [1, {"deep": "x"}]}'),
  } as never,
});

it('hits parse no JSON, and each is a fresh copy the caller may mutate', async () => {
  const store = memoryStore();
  const entry = entryOf();
  await store.set(key, entry);
  // Mutating the stored object afterwards does not reach the cache.
  entry.response.text = 'changed after set';
  (entry.response.messages as unknown[]).push('extra');
  const parse = vi.spyOn(JSON, 'parse');
  const first = (await store.get(key))!;
  const second = (await store.get(key))!;
  expect(parse).toHaveBeenCalledTimes(0);
  expect(first).not.toBe(second);
  expect(first).toEqual(second);
  expect(first.response.text).toBe('answer');
  expect(first.response.messages).toEqual([{ role: 'user', content: 'hi' }]);
  const raw = first.response.raw as Record<string, unknown>;
  expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
  expect(Object.keys(raw)).toEqual(['__proto__', 'list']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // Mutating a hit, deep down, leaves the next hit as stored.
  (first.response.messages as { content: string }[])[0]!.content = 'mutated';
  ((raw.list as unknown[])[1] as { deep: string }).deep = 'mutated';
  (first.response.choices as unknown[]).length = 0;
  const third = (await store.get(key))!;
  expect(third.response.messages).toEqual([{ role: 'user', content: 'hi' }]);
  expect(third.response.choices).toEqual(['answer']);
  expect((third.response.raw as { list: unknown[] }).list).toEqual([1, { deep: 'x' }]);
});

it('a cached chat result the caller mutates does not change the next hit', async () => {
  const sc = await scenario(emulatorUrl);
  const model = new OpenAIModel({ endpoint: sc.endpoint, apiKey: 'sk-test', cache: memoryStore() });
  const prompt = uniquePrompt('mutate a hit');
  const sent = await model.chat(prompt);
  expect(sent.cached).toBe(false);
  sent.messages.push({ role: 'user', content: 'next turn of the first' });
  const hit = await model.chat(prompt);
  expect(hit.cached).toBe(true);
  expect(hit.messages).toEqual(sent.messages.slice(0, -1));
  hit.messages.push({ role: 'user', content: 'next turn of the hit' });
  hit.choices[0] = 'rewritten';
  const again = await model.chat(prompt);
  expect(again.messages).toEqual(sent.messages.slice(0, -1));
  expect(again.choices[0]).toBe(sent.text);
});
