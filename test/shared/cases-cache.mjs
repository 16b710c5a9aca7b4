// Cache cases for all five runtimes: the store conformance suite on the memory store everywhere and
// on the fs store where the consumer passes `env.fs` (Deno, Bun; Node runs it in
// test/cache-fs.node.test.ts), the default store of each runtime, and request coalescing.
import { cacheStoreCases } from '../conformance/cache-store-suite.mjs';
import { assert, equal } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';

/**
 * @typedef {{ fsStore: (o: object) => any, dir: string,
 *   readFile: (path: string) => Promise<Uint8Array>,
 *   writeFile: (path: string, bytes: Uint8Array) => Promise<void> }} FsHarness
 */

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string, fs?: FsHarness }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function cacheCases(env) {
  const { sdk, emulatorUrl, runtime, fs } = env;
  /** @type {Array<[string, () => Promise<void>]>} */
  const cases = [
    ...cacheStoreCases(async () => ({ store: sdk.cache.memoryStore() }), {
      label: 'memory',
      sdk,
      emulatorUrl,
    }),
    [
      `default store (${runtime}): the same call twice sends one request`,
      async () => {
        const sc = await scenario(emulatorUrl);
        /** @type {string[]} */
        const warnings = [];
        const model = new sdk.openai.OpenAIModel({
          endpoint: sc.endpoint,
          apiKey: 'sk-test',
          onWarning: (/** @type {string} */ m) => warnings.push(m),
        });
        const prompt = uniquePrompt('default store');
        const first = await model.chat(prompt);
        const second = await model.chat(prompt);
        equal(first.cached, false, 'first call sent');
        equal(second.cached, true, 'second call from the cache');
        equal(second.text, first.text, 'same answer');
        equal((await sc.requests()).length, 1, 'one request');
        equal(warnings.length, 0, `no cache warnings: ${warnings.join('; ')}`);
      },
    ],
    [
      'fifty concurrent identical calls send one request and leave one valid entry',
      async () => {
        const sc = await scenario(emulatorUrl, { faults: [{ delayMs: 150 }] });
        const store = sdk.cache.memoryStore();
        const model = new sdk.openai.OpenAIModel({
          endpoint: sc.endpoint,
          apiKey: 'sk-test',
          cache: store,
        });
        const prompt = uniquePrompt('coalesce');
        const results = await Promise.all(Array.from({ length: 50 }, () => model.chat(prompt)));
        equal((await sc.requests()).length, 1, 'one request');
        equal(results.filter((r) => !r.cached).length, 1, 'one fresh result, 49 shared');
        assert(
          results.every((r) => r.text === results[0].text),
          'same text',
        );
        const keys = await store.keys();
        equal(keys.length, 1, 'one entry');
        equal((await store.get(keys[0]))?.response.text, results[0].text, 'entry valid');
      },
    ],
  ];
  if (fs) {
    let n = 0;
    cases.push(
      ...cacheStoreCases(
        async (onWarning) => {
          const dir = `${fs.dir}/fs-${Date.now().toString(36)}-${n++}`;
          const store = fs.fsStore({ dir, onWarning });
          return {
            store,
            async corrupt(key, mode) {
              const path = `${dir}/${key}.json.gz`;
              const bytes = await fs.readFile(path);
              await fs.writeFile(
                path,
                mode === 'truncate'
                  ? bytes.slice(0, bytes.length >> 1)
                  : new TextEncoder().encode('not gzip'),
              );
            },
            dispose: () => store.clear(),
          };
        },
        { label: `fs (${runtime})`, sdk, emulatorUrl, corruptible: true },
      ),
    );
  }
  return cases;
}
