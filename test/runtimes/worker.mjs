// A Worker that runs the shared cases against dist/ (bundled with every dependency inlined into
// dist/worker.bundle.js by rollup.config.mjs) and answers JSON { passed, failed, cases, failures }.
// Loaded by scripts/run-worker-bundle.mjs in plain Miniflare WITHOUT compatibility flags: this is the
// proof that the built package runs unchanged in workerd with no Node APIs (runtimes.md §4 path 2).
// Besides the shared cases it runs the cache-store conformance suite on kvStore over the real KV
// binding env.CACHE, and a cached call whose entry is read back from KV itself.
import * as cache from '../../dist/cache/index.js';
import * as indexeddb from '../../dist/cache/indexeddb/index.js';
import * as kv from '../../dist/cache/kv/index.js';
import * as unstorage from '../../dist/cache/unstorage/index.js';
import * as core from '../../dist/index.js';
import * as compat from '../../dist/providers/openai-compatible/index.js';
import * as openai from '../../dist/providers/openai/index.js';
import * as vllm from '../../dist/providers/vllm/index.js';
import * as xai from '../../dist/providers/xai/index.js';
import * as anthropic from '../../dist/providers/anthropic/index.js';
import * as google from '../../dist/providers/google/index.js';
import * as registry from '../../dist/registry/index.js';
import * as prompts from '../../dist/prompts/index.js';
import { cacheStoreCases } from '../conformance/cache-store-suite.mjs';
import { assert, equal } from '../shared/assert.mjs';
import { makeCases } from '../shared/cases.mjs';
import { scenario, uniquePrompt } from '../shared/emulator-client.mjs';

let n = 0;

/**
 * The KV cases: conformance over env.CACHE, and a cached call read back from KV.
 * @param {any} namespace the KV binding
 * @param {string} emulatorUrl
 * @returns {Array<[string, () => Promise<void>]>}
 */
function kvCases(namespace, emulatorUrl) {
  const run = `bundle-${Date.now().toString(36)}`;
  return [
    ...cacheStoreCases(
      async (onWarning) => {
        const prefix = `${run}-${n++}/`;
        return {
          store: kv.kvStore(namespace, { prefix, onWarning }),
          async corrupt(key, mode) {
            const raw = new Uint8Array(await namespace.get(prefix + key, 'arrayBuffer'));
            await namespace.put(
              prefix + key,
              mode === 'truncate' ? raw.slice(0, raw.length >> 1) : 'junk',
            );
          },
        };
      },
      { label: 'kv (workerd-bundle)', sdk: { cache, openai }, emulatorUrl, corruptible: true },
    ),
    [
      'kv (workerd-bundle): a second identical call is a hit read from the KV binding',
      async () => {
        const prefix = `${run}-call/`;
        const sc = await scenario(emulatorUrl);
        const make = () =>
          new openai.OpenAIModel({
            endpoint: sc.endpoint,
            apiKey: 'sk-test',
            cache: kv.kvStore(namespace, { prefix }),
          });
        const prompt = uniquePrompt('kv');
        const first = await make().chat(prompt);
        // A new store object over the same binding: a hit can only come from KV itself.
        const second = await make().chat(prompt);
        equal(first.cached, false, 'first call sent');
        equal(second.cached, true, 'second call from KV');
        equal(second.text, first.text, 'same answer');
        equal((await sc.requests()).length, 1, 'one request');
        const listed = await namespace.list({ prefix });
        equal(listed.keys.length, 1, 'one KV key');
        const name = listed.keys[0].name;
        assert(/^openai\/[0-9a-f]{16}\/[0-9a-f]{64}$/.test(name.slice(prefix.length)), name);
        const raw = new Uint8Array(await namespace.get(name, 'arrayBuffer'));
        // A small entry is stored as its JSON (no codec download); large ones are gzip.
        equal(
          JSON.parse(new TextDecoder().decode(raw)).response.text,
          first.text,
          'the raw KV value of a small entry is its JSON',
        );
        await namespace.delete(name);
        equal((await make().chat(prompt)).cached, false, 'deleting the KV key makes a miss');
      },
    ],
  ];
}

export default {
  /** @param {Request} _request @param {{ EMULATOR_URL: string, STEADY_URL: string, PRISM_ANTHROPIC_URL: string, PRISM_GEMINI_URL: string, PRISM_VERTEX_URL: string, CACHE: any }} env */
  async fetch(_request, env) {
    const cases = [
      ...makeCases({
        // package.json "exports" -> module; ./cache/fs needs node:fs, which this Worker lacks.
        entries: {
          '.': core,
          './openai': openai,
          './xai': xai,
          './google': google,
          './vllm': vllm,
          './anthropic': anthropic,
          './openai-compatible': compat,
          './cache': cache,
          './cache/indexeddb': indexeddb,
          './cache/kv': kv,
          './cache/unstorage': unstorage,
          './registry': registry,
          './prompts': prompts,
        },
        emulatorUrl: env.EMULATOR_URL,
        steadyUrl: env.STEADY_URL,
        prismAnthropicUrl: env.PRISM_ANTHROPIC_URL,
        prismGeminiUrl: env.PRISM_GEMINI_URL,
        prismVertexUrl: env.PRISM_VERTEX_URL,
        runtime: 'workerd-bundle',
      }),
      ...kvCases(env.CACHE, env.EMULATOR_URL),
    ];
    const results = [];
    const failures = [];
    for (const [name, fn] of cases) {
      const t = Date.now();
      try {
        await fn();
        results.push({ name, ok: true, ms: Date.now() - t });
      } catch (e) {
        const error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
        results.push({ name, ok: false, ms: Date.now() - t });
        failures.push({ name, error });
      }
    }
    const body = {
      passed: results.length - failures.length,
      failed: failures.length,
      cases: results,
      failures,
    };
    return Response.json(body);
  },
};
