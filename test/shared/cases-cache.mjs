// Cache cases for all five runtimes: the store conformance suite on the memory store everywhere and
// on the fs store where the consumer passes `env.fs` (Deno, Bun; Node runs it in
// test/cache-fs.node.test.ts), the default store of each runtime, and request coalescing.
import { cacheStoreCases } from '../conformance/cache-store-suite.mjs';
import { assert, equal, rejects } from './assert.mjs';
import { named } from './fixtures.mjs';
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
    [
      'cache: `cacheTtl: 0` keeps nothing; a negative or non-finite cacheTtl is an InvalidRequestError',
      async () => {
        const sc = await scenario(emulatorUrl);
        const store = sdk.cache.memoryStore();
        const opts = { endpoint: sc.endpoint, apiKey: 'sk-test', cache: store };
        const zero = new sdk.openai.OpenAIModel({ ...opts, cacheTtl: 0 });
        const prompt = uniquePrompt('ttl 0');
        equal((await zero.chat(prompt)).cached, false, 'first');
        equal((await zero.chat(prompt)).cached, false, 'second: nothing was kept');
        equal((await store.keys()).length, 0, 'no entry');
        // A store of the caller's that ignores TTLs is never even asked to write.
        const map = new Map();
        const plain = {
          name: 'plain',
          get: (/** @type {string} */ k) => map.get(k),
          set: (/** @type {string} */ k, /** @type {unknown} */ e) => void map.set(k, e),
        };
        const untimed = new sdk.openai.OpenAIModel({ ...opts, cache: plain, cacheTtl: 0 });
        equal((await untimed.chat(prompt)).cached, false, 'plain store: sent');
        equal(map.size, 0, 'plain store: nothing written');
        equal((await untimed.chat(prompt)).cached, false, 'plain store: sent again');
        for (const cacheTtl of [-1, Number.NaN, Number.POSITIVE_INFINITY, '60']) {
          const bad = new sdk.openai.OpenAIModel({ ...opts, cacheTtl });
          const e = await rejects(bad.chat(prompt), named('InvalidRequestError'));
          assert(e.message.includes('`cacheTtl`'), e.message);
        }
        equal((await sc.requests()).length, 4, 'no request for a bad cacheTtl');
      },
    ],
    [
      'cache: the key covers the request path and the answer-changing headers, never credentials',
      async () => {
        const store = sdk.cache.memoryStore();
        const g = await scenario(emulatorUrl);
        const vertex = (/** @type {string} */ projectId) =>
          new sdk.google.GoogleModel({
            endpoint: g.endpoint,
            vertex: true,
            location: 'europe-west4',
            model: 'gemini-2.5-flash',
            projectId,
            apiKey: 'vertex-token',
            cache: store,
          });
        const prompt = uniquePrompt('two projects');
        await vertex('project-one').chat(prompt);
        equal((await vertex('project-two').chat(prompt)).cached, false, 'another project');
        equal((await vertex('project-one').chat(prompt)).cached, true, 'same project');
        equal((await g.requests()).length, 2, 'one request per project');

        const a = await scenario(emulatorUrl);
        const claude = (/** @type {object} */ extra) =>
          new sdk.anthropic.AnthropicModel({
            endpoint: a.endpoint,
            dangerouslyAllowBrowser: true,
            cache: store,
            ...extra,
          });
        const ask = uniquePrompt('beta');
        const beta = (/** @type {string} */ value) => ({ headers: { 'anthropic-beta': value } });
        await claude({ apiKey: 'sk-ant-1' }).chat(ask, beta('flag-a,flag-b'));
        const hit = await claude({
          apiKey: 'sk-ant-2',
          headers: { 'Anthropic-Beta': 'flag-a,flag-b' },
        }).chat(ask);
        equal(hit.cached, true, 'the same beta header, in any case, from a model or a call');
        equal((await claude({ apiKey: 'sk-ant-1' }).chat(ask, beta('flag-a'))).cached, false);
        equal((await claude({ apiKey: 'sk-ant-1' }).chat(ask)).cached, false, 'no beta header');
        const version = { headers: { 'anthropic-version': '2099-01-01' } };
        equal((await claude({ apiKey: 'sk-ant-1' }).chat(ask, version)).cached, false, 'version');
        equal((await a.requests()).length, 4, 'one request per distinct header set');

        const o = await scenario(emulatorUrl);
        const org = (/** @type {string} */ id) =>
          new sdk.openai.OpenAIModel({
            endpoint: o.endpoint,
            apiKey: 'sk-test',
            cache: store,
            headers: { 'OpenAI-Organization': id, 'OpenAI-Project': id },
          });
        const q = uniquePrompt('org');
        await org('org-1').chat(q);
        equal((await org('org-2').chat(q)).cached, true, 'organisation and project are not keyed');
      },
    ],
    [
      'cache: without onWarning, cache trouble is printed once per store and kind; onWarning: () => {} silences it',
      async () => {
        const sc = await scenario(emulatorUrl);
        /** @type {unknown[][]} */
        const printed = [];
        const warn = console.warn;
        console.warn = (...args) => void printed.push(args);
        try {
          const broken = {
            name: 'broken',
            get: () => ({ v: 9 }),
            set: () => {
              throw new Error('disk full');
            },
          };
          const opts = { endpoint: sc.endpoint, apiKey: 'sk-test', cache: broken };
          const model = new sdk.openai.OpenAIModel(opts);
          for (let i = 0; i < 3; i++) equal((await model.chat(uniquePrompt('loud'))).cached, false);
          const lines = printed.map((args) => String(args[0]));
          equal(lines.length, 2, `one line per kind: ${lines.join(' | ')}`);
          assert(/^\[cache:broken\] entry .* is corrupt/.test(lines[0] ?? ''), lines[0]);
          assert(/^\[cache:broken\] write failed: Error: disk full/.test(lines[1] ?? ''), lines[1]);
          assert(
            lines.every((l) => l.includes('onWarning: () => {}')),
            'says how to silence it',
          );
          const other = { ...broken };
          await new sdk.openai.OpenAIModel({ ...opts, cache: other }).chat(uniquePrompt('loud'));
          equal(printed.length, 4, 'another store reports its own trouble');
          const quiet = new sdk.openai.OpenAIModel({ ...opts, onWarning: () => {} });
          await quiet.chat(uniquePrompt('quiet'));
          await new sdk.openai.OpenAIModel({
            ...opts,
            cache: { ...broken },
            onWarning: () => {},
          }).chat(uniquePrompt('quiet'));
          equal(printed.length, 4, 'silenced');
        } finally {
          console.warn = warn;
        }
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
