// The browser default store where IndexedDB is missing (some embedded webviews, test DOMs): a memory
// store loaded on first use. Node has no `indexedDB`, so importing the browser flavour here takes
// that path; the store conformance suite runs over it (each case on a fresh module: the default
// store is shared per module, as in a page).
import { expect, it, vi } from 'vitest';
import { cacheStoreCases } from './conformance/cache-store-suite.mjs';

const fresh = async () => {
  vi.resetModules();
  return (await import('../src/cache/default-store.indexeddb.ts')).defaultStore();
};

it('falls back to a memory store, one per page', async () => {
  expect(typeof (globalThis as { indexedDB?: unknown }).indexedDB).toBe('undefined');
  const { defaultStore } = await import('../src/cache/default-store.indexeddb.ts');
  expect(defaultStore().name).toBe('memory');
  expect(defaultStore()).toBe(defaultStore());
});

for (const [name, fn] of cacheStoreCases(async () => ({ store: await fresh() }), {
  label: 'default (no IndexedDB)',
  ttl: true,
}))
  it(name, fn);
