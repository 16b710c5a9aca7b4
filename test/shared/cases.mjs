// Runtime-neutral cases: run by test/shared.test.ts (vitest node/browser/workers), test/runtimes/
// deno.test.ts, bun.test.ts and worker.mjs (bundled, plain miniflare). Only fetch + web APIs here.
// The emulator's and the peers' own behaviour is tested once, in Node (test/emulator-*.node.test.ts),
// not here: every case in this list exercises the SDK.
import { AssertionError, assertPlainData, rejects } from './assert.mjs';
import { openaiCases } from './cases-openai.mjs';
import { openaiResilienceCases } from './cases-openai-resilience.mjs';
import { openaiOutputCases } from './cases-openai-output.mjs';
import { openaiWireCases } from './cases-openai-wire.mjs';
import { openaiClaimCases } from './cases-openai-claims.mjs';
import { openaiOptionCases } from './cases-openai-options.mjs';
import { openaiStreamWireCases } from './cases-openai-stream-wire.mjs';
import { openaiAnswerWireCases } from './cases-openai-answer-wire.mjs';
import { steadyCases } from './cases-steady.mjs';
import { registryCases } from './cases-registry.mjs';
import { cacheCases } from './cases-cache.mjs';
import { batchCases } from './cases-batch.mjs';
import { batchPeerCases } from './cases-batch-peers.mjs';
import { keysCases } from './cases-keys.mjs';
import { anthropicCases } from './cases-anthropic.mjs';
import { anthropicOutputCases } from './cases-anthropic-output.mjs';
import { anthropicPrismCases } from './cases-anthropic-prism.mjs';
import { anthropicWireCases } from './cases-anthropic-wire.mjs';
import { googleCases } from './cases-google.mjs';
import { googleErrorCases } from './cases-google-errors.mjs';
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
import { googleOptionCases } from './cases-google-options.mjs';
import { googleServiceAccountCases } from './cases-google-service-account.mjs';
import { providerEnvCases } from './cases-provider-env.mjs';
import { keyLeakCases } from './cases-key-leaks.mjs';
import { faultMatrixCases } from './cases-fault-matrix.mjs';
import { secretsCases } from './cases-secrets.mjs';
import { pipelineCases } from './cases-pipeline.mjs';
import { keyChainCases } from './cases-key-chain.mjs';
import { cacheOptionCases } from './cases-cache-options.mjs';
import { entryPointCases, sdkOf } from './cases-entry-points.mjs';
import { streamCases } from './cases-stream.mjs';
import { streamCacheCases } from './cases-stream-cache.mjs';
import { streamFaultCases } from './cases-stream-faults.mjs';
import { streamPeerCases } from './cases-stream-peers.mjs';
import { streamResponsesCases } from './cases-stream-responses.mjs';
import { streamResponsesWireCases } from './cases-stream-responses-wire.mjs';
import { promptCases } from './cases-prompts.mjs';
import { limitsCases } from './cases-limits.mjs';
import { limitsInfoCases } from './cases-limits-info.mjs';
import { limitsFallbackCases } from './cases-limits-fallback.mjs';
import { limitsHookCases } from './cases-limits-hooks.mjs';
import { limitsStreamCases } from './cases-limits-streams.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import * as v from 'valibot';

/**
 * @typedef {{ core: any, openai: any, xai: any, vllm: any, compat: any, cache: any, anthropic?: any, google?: any, registry?: any, prompts?: any }} Sdk
 * @typedef {{ entries: Record<string, any>, emulatorUrl: string, steadyUrl: string, runtime: string, prismAnthropicUrl?: string, prismGeminiUrl?: string, prismVertexUrl?: string, fs?: import('./cases-cache.mjs').FsHarness }} HarnessEnv
 * What a harness passes: `entries` maps package.json "exports" subpaths to the loaded modules, for
 * every entry point the runtime can load.
 * @typedef {HarnessEnv & { sdk: Sdk }} CaseEnv What the case files get: the same, and `sdk` from the entries.
 */

/**
 * The JSDoc return type keeps `deno test` type-checking happy (runtimes.md P9: an untyped array of
 * pairs fails TS2769 in Deno.test(name, fn)).
 * @param {HarnessEnv} harness
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function makeCases(harness) {
  /** @type {CaseEnv} */
  const env = { ...harness, sdk: sdkOf(harness.entries) };
  return [
    ...openaiCases(env),
    ...batchCases(env),
    ...batchPeerCases(env),
    ...openaiResilienceCases(env),
    ...openaiOutputCases(env),
    ...openaiWireCases(env),
    ...openaiClaimCases(env),
    ...openaiOptionCases(env),
    ...openaiStreamWireCases(env),
    ...openaiAnswerWireCases(env),
    ...steadyCases(env),
    ...registryCases(env),
    ...cacheCases(env),
    ...keysCases(env),
    ...anthropicCases(env),
    ...anthropicOutputCases(env),
    ...anthropicPrismCases(env),
    ...anthropicWireCases(env),
    ...googleCases(env),
    ...googleErrorCases(env),
    ...googleThinkingCases(env),
    ...googleToolCases(env),
    ...googleVertexCases(env),
    ...googlePrismCases(env),
    ...pipelineSignalCases(env),
    ...pipelineCallCases(env),
    ...pipelineInputCases(env),
    ...crossProviderCases(env),
    ...googleOptionCases(env),
    ...googleServiceAccountCases(env),
    ...providerEnvCases(env),
    ...keyLeakCases(env),
    ...faultMatrixCases(env),
    ...secretsCases(env),
    ...pipelineCases(env),
    ...keyChainCases(env),
    ...cacheOptionCases(env),
    ...entryPointCases(env),
    ...responsesCases(env),
    ...effortCases(env),
    ...grammarCases(env),
    ...responsesSteadyCases(env),
    ...effortPrismCases(env),
    ...promptCases(env),
    ...limitsCases(env),
    ...limitsInfoCases(env),
    ...limitsFallbackCases(env),
    ...limitsHookCases(env),
    ...limitsStreamCases(env),
    ...plainDataCases(env),
    ...streamCases(env),
    ...streamCacheCases(env),
    ...streamFaultCases(env),
    ...streamPeerCases(env),
    ...streamResponsesCases(env),
    ...streamResponsesWireCases(env),
  ];
}

/**
 * Results are plain data (README "Results"): they survive structuredClone and postMessage, so a
 * worker can hand them to a page. One case per result kind, and a control that the check can fail.
 * @param {CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
function plainDataCases({ sdk, emulatorUrl, runtime }) {
  const opts = { requirePostMessage: runtime === 'browser' };
  return [
    [
      'plain data: the check refuses functions, getters, Dates, Maps, class instances and cycles',
      async () => {
        class Point {
          x = 1;
        }
        const cyclic = /** @type {any} */ ({ a: 1 });
        cyclic.self = cyclic;
        const bad = {
          function: { f: () => 1 },
          getter: Object.defineProperty({}, 'g', { get: () => 1, enumerable: true }),
          date: { at: new Date(0) },
          map: { m: new Map([[1, 2]]) },
          'class instance': [new Point()],
          'null prototype': Object.create(null),
          cycle: cyclic,
          NaN: { n: Number.NaN },
        };
        for (const [what, value] of Object.entries(bad))
          await rejects(
            assertPlainData(value, what, opts),
            (e) => e instanceof AssertionError,
            `${what} is refused`,
          );
        await assertPlainData({ a: [1, 'b', null, { c: true }], d: undefined }, 'plain', opts);
      },
    ],
    [
      'plain data: chat, json, object, cached, Anthropic and Gemini results survive structuredClone and postMessage',
      async () => {
        const s = await scenario(emulatorUrl);
        const openai = new sdk.openai.OpenAIModel({
          endpoint: s.endpoint,
          apiKey: 'sk-test',
          cache: sdk.cache.memoryStore(),
        });
        const prompt = uniquePrompt('plain');
        await assertPlainData(await openai.chat(prompt), 'chat', opts);
        await assertPlainData(await openai.chat(prompt), 'cache hit', opts);
        await assertPlainData(await openai.json(uniquePrompt('a JSON object')), 'json', opts);
        const schema = v.object({ name: v.string(), tags: v.array(v.string()) });
        await assertPlainData(await openai.object('a person', { schema }), 'object', opts);
        const anthropic = new sdk.anthropic.AnthropicModel({
          endpoint: s.endpoint,
          apiKey: 'sk-test',
          cache: false,
          dangerouslyAllowBrowser: true,
        });
        await assertPlainData(await anthropic.chat('hi'), 'anthropic chat', opts);
        const gemini = new sdk.google.GoogleModel({
          endpoint: s.endpoint,
          apiKey: 'sk-test',
          cache: false,
        });
        await assertPlainData(await gemini.chat('hi'), 'gemini chat', opts);
      },
    ],
  ];
}
