// The runtime-neutral cases (test/shared/cases.mjs) under vitest. No runtime suffix, so all three
// projects run this file: node, real Chromium and workerd (pool-workers). Here the entry points are
// src/; Deno, Bun and the worker bundle run the same cases against dist/.
import { inject, it } from 'vitest';
import * as core from '../src/index.ts';
import * as cache from '../src/cache/index.ts';
import * as indexeddb from '../src/cache/indexeddb/index.ts';
import * as kv from '../src/cache/kv/index.ts';
import * as unstorage from '../src/cache/unstorage/index.ts';
import * as compat from '../src/providers/openai-compatible/index.ts';
import * as openai from '../src/providers/openai/index.ts';
import * as vllm from '../src/providers/vllm/index.ts';
import * as xai from '../src/providers/xai/index.ts';
import * as anthropic from '../src/providers/anthropic/index.ts';
import * as google from '../src/providers/google/index.ts';
import * as registry from '../src/registry/index.ts';
import * as prompts from '../src/prompts/index.ts';
import { makeCases } from './shared/cases.mjs';

const runtime =
  typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers'
    ? 'workers'
    : typeof document !== 'undefined'
      ? 'browser'
      : 'node';

// package.json "exports" -> module; ./cache/fs (node:fs) only where the runtime has node:fs.
const entries: Record<string, unknown> = {
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
};
if (runtime === 'node') entries['./cache/fs'] = await import('../src/cache/fs/index.ts');

const cases = makeCases({
  entries,
  emulatorUrl: inject('emulatorUrl'),
  steadyUrl: inject('steadyUrl'),
  prismAnthropicUrl: inject('prismAnthropicUrl'),
  prismGeminiUrl: inject('prismGeminiUrl'),
  prismVertexUrl: inject('prismVertexUrl'),
  runtime,
});
for (const [name, fn] of cases) it(name, fn);
