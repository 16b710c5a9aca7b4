// Cache keys as properties (issue 14, "Property and fuzz tests"): for arbitrary JSON bodies and call
// options, member order and `undefined` members never move a key, and any change of a value that
// reaches the request body always does. The fixed corpus every runtime must agree on is
// test/fixtures/cache-key-corpus.mjs (asserted in test/shared/cases-pipeline.mjs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import type { CacheStore } from '../src/core/cache-store.ts';
import { cacheKey, type CacheKeyInput } from '../src/pipeline/cache-key.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A small deterministic PRNG, so a shrunk counterexample replays exactly. */
const prng = (seed: number) => () => {
  seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
  return ((seed ^ (seed >>> 12)) >>> 0) / 2 ** 32;
};

/** The same value with every object's members in a new order and `undefined` members added. */
function reshape(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reshape(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, reshape(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (random() < 0.3) out[`u${Math.floor(random() * 1e6)}`] ??= undefined;
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
  }
  if (random() < 0.3) out.__undefined_member ??= undefined;
  return out;
}

/** Every path to a leaf (or to an empty object or array) of a JSON value. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return [at];
  return keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...at, k]));
}

/** A copy of `value` with the leaf at `path` replaced. */
function replaceAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  Object.defineProperty(copy, head!, {
    value: replaceAt(copy[head!], rest, leaf),
    enumerable: true,
    writable: true,
  });
  return copy;
}

/** Whether two values send the same JSON: an oracle independent of canonicalJson (under test). */
const sameJson = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

const BASE: Omit<CacheKeyInput, 'body'> = {
  provider: 'openai',
  endpoint: 'https://api.openai.com',
  model: 'gpt-4o-mini',
  method: 'chat',
  path: '/v1/chat/completions',
};
const body = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });

describe('cacheKey() over arbitrary JSON bodies', () => {
  it('member order and undefined members never change the key', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.integer(), async (b, seed) => {
        const same = reshape(b, prng(seed));
        expect(await cacheKey({ ...BASE, body: same })).toBe(await cacheKey({ ...BASE, body: b }));
      }),
      { numRuns: 300 },
    );
  });

  it('any change of a value in the body changes the key', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.nat(), fc.jsonValue(), async (b, pick, leaf) => {
        const paths = leafPaths(b);
        const changed = replaceAt(b, paths[pick % paths.length]!, leaf);
        fc.pre(!sameJson(changed, b)); // e.g. 0 for -0 is no change
        expect(await cacheKey({ ...BASE, body: changed })).not.toBe(
          await cacheKey({ ...BASE, body: b }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** A model whose store records the key of each lookup and whose fetch records each body. */
function recordingModel() {
  const keys: string[] = [];
  const bodies: unknown[] = [];
  const cache: CacheStore = {
    name: 'recording',
    get: async (key) => void keys.push(key),
    set: async () => {},
  };
  const model = new OpenAIModel({
    apiKey: 'sk-props',
    cache,
    fetch: async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json({ choices: [{ message: { role: 'assistant', content: 'ok' } }] });
    },
  });
  return { model, keys, bodies };
}

// Call options: the portable ones and pass-through members (prefixed, so that none is an option).
const portable = {
  system: fc.string({ maxLength: 8 }),
  maxTokens: fc.integer({ min: 1, max: 10_000 }),
  temperature: fc.double({ min: 0, max: 2, noNaN: true }),
  topP: fc.double({ min: 0, max: 1, noNaN: true }),
  seed: fc.integer(),
  stop: fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  ),
};
const options = fc
  .tuple(
    fc.record(portable, { requiredKeys: [] }),
    fc.dictionary(
      fc.string({ maxLength: 6 }).map((k) => `x_${k}`),
      fc.jsonValue({ maxDepth: 3 }),
      {
        maxKeys: 4,
      },
    ),
  )
  .map(([p, extra]) => ({ ...p, ...extra }) as Record<string, Json>);

describe('call keys over arbitrary call options', () => {
  it('reordered options with undefined members give the same key; a changed value that reaches the body a new one', async () => {
    await fc.assert(
      fc.asyncProperty(
        options,
        fc.integer(),
        fc.nat(),
        fc.record(portable),
        fc.jsonValue({ maxDepth: 2 }),
        async (opts, seed, pick, portableLeaf, extraLeaf) => {
          const { model, keys, bodies } = recordingModel();
          await model.chat('hi', opts);
          await model.chat('hi', reshape(opts, prng(seed)) as Record<string, Json>);
          expect(keys[1]).toBe(keys[0]);
          expect(bodies[1]).toEqual(bodies[0]);

          const paths = leafPaths(opts).filter((p) => p.length > 0);
          fc.pre(paths.length > 0);
          const path = paths[pick % paths.length]!;
          const name = path[0] as keyof typeof portable;
          // A portable option is replaced whole, by a value it takes; a pass-through leaf by any JSON.
          const changed =
            name in portable
              ? { ...opts, [name]: portableLeaf[name] }
              : (replaceAt(opts, path, extraLeaf) as Record<string, Json>);
          await model.chat('hi', changed);
          fc.pre(!sameJson(bodies[2], bodies[0]));
          expect(keys[2]).not.toBe(keys[0]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('settings that never reach the body (timeout, retries, headers, signal) leave the key alone', async () => {
    const { model, keys } = recordingModel();
    await model.chat('hi', { temperature: 0 });
    await model.chat('hi', {
      temperature: 0,
      timeout: 5000,
      retryLimit: 0,
      maxRepairs: 1,
      headers: { 'x-trace': 'abc' },
      signal: new AbortController().signal,
      ignoreCache: false,
    });
    expect(new Set(keys).size).toBe(1);
  });
});
