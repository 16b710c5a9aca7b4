// A Worker that runs the shared cases against dist/ (bundled with every dependency inlined into
// dist/worker.bundle.js by rollup.config.mjs) and answers JSON { passed, failed, cases, failures }.
// Loaded by scripts/run-worker-bundle.mjs in plain Miniflare WITHOUT compatibility flags: this is the
// proof that the built package runs unchanged in workerd with no Node APIs (runtimes.md §4 path 2).
import * as cache from '../../dist/cache/index.js';
import * as core from '../../dist/index.js';
import * as compat from '../../dist/providers/openai-compatible/index.js';
import * as openai from '../../dist/providers/openai/index.js';
import * as vllm from '../../dist/providers/vllm/index.js';
import * as xai from '../../dist/providers/xai/index.js';
import * as anthropic from '../../dist/providers/anthropic/index.js';
import * as google from '../../dist/providers/google/index.js';
import * as registry from '../../dist/registry/index.js';
import { makeCases } from '../shared/cases.mjs';

export default {
  /** @param {Request} _request @param {{ EMULATOR_URL: string, STEADY_URL: string, CACHE: unknown }} env */
  async fetch(_request, env) {
    const cases = makeCases({
      sdk: { core, openai, xai, vllm, compat, cache, anthropic, google, registry },
      emulatorUrl: env.EMULATOR_URL,
      steadyUrl: env.STEADY_URL,
      prismAnthropicUrl: env.PRISM_ANTHROPIC_URL,
      prismGeminiUrl: env.PRISM_GEMINI_URL,
      prismVertexUrl: env.PRISM_VERTEX_URL,
      runtime: 'workerd-bundle',
      // Extra, for cases that want the real KV binding (ignored by cases that do not).
      kv: env.CACHE,
    });
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
