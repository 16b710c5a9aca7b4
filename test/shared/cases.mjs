// PLACEHOLDER (the lead replaces the cases; keep the export signature).
// Runtime-neutral cases: run by test/shared.test.ts (vitest node/browser/workers), test/runtimes/
// deno.test.ts, bun.test.ts and worker.mjs (bundled, plain miniflare). Only fetch + web APIs here.
import { assert, equal } from './assert.mjs';
import { openaiCases } from './cases-openai.mjs';
import { openaiResilienceCases } from './cases-openai-resilience.mjs';
import { openaiOutputCases } from './cases-openai-output.mjs';
import { openaiWireCases } from './cases-openai-wire.mjs';
import { steadyCases } from './cases-steady.mjs';
import { registryCases } from './cases-registry.mjs';
import { cacheCases } from './cases-cache.mjs';
import { anthropicCases } from './cases-anthropic.mjs';
import { anthropicOutputCases } from './cases-anthropic-output.mjs';
import { anthropicPrismCases } from './cases-anthropic-prism.mjs';
import { googleCases } from './cases-google.mjs';
import { googleThinkingCases } from './cases-google-thinking.mjs';
import { googleToolCases } from './cases-google-tools.mjs';
import { googleVertexCases } from './cases-google-vertex.mjs';
import { googlePrismCases } from './cases-google-prism.mjs';
import { pipelineSignalCases } from './cases-pipeline-signals.mjs';
import { pipelineCallCases } from './cases-pipeline-calls.mjs';
import { pipelineInputCases } from './cases-pipeline-inputs.mjs';
import { crossProviderCases } from './cases-cross-provider.mjs';
import { responsesCases } from './cases-responses.mjs';
import { effortCases } from './cases-effort.mjs';
import { grammarCases } from './cases-grammar.mjs';
import { responsesSteadyCases } from './cases-responses-steady.mjs';
import { effortPrismCases } from './cases-effort-prism.mjs';

/**
 * @typedef {{ core: any, openai: any, xai: any, vllm: any, compat: any, cache: any, anthropic?: any, google?: any, registry?: any }} Sdk
 * @typedef {{ sdk: Sdk, emulatorUrl: string, steadyUrl: string, runtime: string, prismAnthropicUrl?: string, prismGeminiUrl?: string, prismVertexUrl?: string, fs?: import('./cases-cache.mjs').FsHarness }} CaseEnv
 */

/**
 * The JSDoc return type keeps `deno test` type-checking happy (runtimes.md P9: an untyped array of
 * pairs fails TS2769 in Deno.test(name, fn)).
 * @param {CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function makeCases(env) {
  const { sdk, emulatorUrl, steadyUrl, runtime } = env;
  return [
    ...openaiCases(env),
    ...openaiResilienceCases(env),
    ...openaiOutputCases(env),
    ...openaiWireCases(env),
    ...steadyCases(env),
    ...registryCases(env),
    ...cacheCases(env),
    ...anthropicCases(env),
    ...anthropicOutputCases(env),
    ...anthropicPrismCases(env),
    ...googleCases(env),
    ...googleThinkingCases(env),
    ...googleToolCases(env),
    ...googleVertexCases(env),
    ...googlePrismCases(env),
    ...pipelineSignalCases(env),
    ...pipelineCallCases(env),
    ...pipelineInputCases(env),
    ...crossProviderCases(env),
    ...responsesCases(env),
    ...effortCases(env),
    ...grammarCases(env),
    ...responsesSteadyCases(env),
    ...effortPrismCases(env),
    [
      'entry points load',
      async () => {
        for (const k of ['core', 'openai', 'xai', 'vllm', 'compat', 'cache'])
          assert(sdk[/** @type {keyof Sdk} */ (k)], `${runtime}: sdk.${k} missing`);
      },
    ],
    [
      'Steady validates a raw chat request (CORS, no spec violations)',
      async () => {
        const res = await fetch(`${steadyUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
          body: JSON.stringify({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'hi' }],
          }),
        });
        equal(res.status, 200, 'status');
        equal(res.headers.get('x-steady-error-count'), '0', 'x-steady-error-count');
        equal(res.headers.get('access-control-allow-origin'), '*', 'CORS header');
        await res.body?.cancel();
      },
    ],
    [
      'emulator lists models with CORS',
      async () => {
        const res = await fetch(`${emulatorUrl}/v1/models`, {
          headers: { authorization: 'Bearer test' },
        });
        equal(res.status, 200, 'status');
        // A page cannot read access-control-allow-origin (not a safelisted/exposed header); there
        // the successful cross-origin fetch itself is the proof.
        if (runtime !== 'browser')
          equal(res.headers.get('access-control-allow-origin'), '*', 'CORS header');
        const body = await res.json();
        assert(Array.isArray(body.data), 'models list has data[]');
      },
    ],
  ];
}
