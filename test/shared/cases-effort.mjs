// The universal `effort` and `serviceTier` options, mapped per provider from the registry, against
// the emulator, which refuses what each API refuses (a value a model lacks, the knob on a model
// without it, a tier it does not offer): so a green case means the request would be accepted.
// Also llmOptions (the original's get_llm_kwargs) and the registry queries that know effort and
// tiers. Runtime-neutral: runs in all five runtimes.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { named } from './fixtures.mjs';
import { googleHarness } from './google-helpers.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function effortCases(env) {
  const { sdk, emulatorUrl } = env;
  const model = openaiModelFactory(sdk);
  const anthropic = anthropicFixture(env);
  const google = googleHarness(env);
  const has = (/** @type {any} */ r, /** @type {RegExp} */ re) =>
    assert(
      r.warnings?.some((/** @type {string} */ w) => re.test(w)),
      `a warning ${re}: ${r.warnings}`,
    );

  return [
    [
      'effort: OpenAI chat and responses send the value the model takes, the nearest one otherwise',
      async () => {
        const s = await scenario(emulatorUrl);
        const on = (/** @type {string} */ id) => model(s.endpoint, { model: id, cache: false });
        await on('gpt-5').chat('x', { effort: 'high' });
        const nearest = await on('gpt-5.1').chat('x', { effort: 'minimal' });
        const capped = await on('o3').responses('x', { effort: 'xhigh' });
        const none = await on('gpt-5.2').chat('x', { effort: 'none' });
        const bodies = (await s.requests()).map((/** @type {any} */ q) => q.body);
        equal(bodies[0].reasoning_effort, 'high', 'gpt-5 high');
        equal(bodies[1].reasoning_effort, 'low', "gpt-5.1 has no 'minimal': next higher");
        has(nearest, /no effort 'minimal'.*sent 'low'/);
        deepEqual(bodies[2].reasoning, { effort: 'high' }, 'o3 has no xhigh: high, in reasoning');
        has(capped, /sent 'high'/);
        equal(bodies[3].reasoning_effort, 'none', 'none where the model has it');
        equal(none.warnings, undefined, 'no warning when taken as asked');
      },
    ],
    [
      'effort: a model without the knob gets nothing and a warning, never a 400 (OpenAI, xAI)',
      async () => {
        // vLLM runs keyless; OpenAI and xAI are given a key.
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const gpt4o = await model(s.endpoint, { model: 'gpt-4o', cache: false }).chat('x', {
          effort: 'high',
        });
        has(gpt4o, /takes no reasoning effort/);
        const grok = (/** @type {string} */ id) =>
          new sdk.xai.GrokModel({ model: id, endpoint: s.endpoint, apiKey: 'k', cache: false });
        const g4 = await grok('grok-4').chat('x', { effort: 'low', serviceTier: 'flex' });
        has(g4, /takes no reasoning effort/);
        has(g4, /xai has no service tiers/);
        const mini = await grok('grok-3-mini').chat('x', { effort: 'medium' });
        has(mini, /sent 'low'/);
        const bodies = (await s.requests()).map((/** @type {any} */ q) => q.body);
        equal(bodies[0].reasoning_effort, undefined, 'gpt-4o');
        equal(bodies[1].reasoning_effort, undefined, 'grok-4');
        equal(bodies[1].service_tier, undefined, 'no tier on xAI');
        equal(bodies[2].reasoning_effort, 'low', 'grok-3-mini takes low and high');
        // vLLM and compatible servers take reasoning_effort as asked; they have no service tiers.
        const vllm = new sdk.vllm.VLLMModel({ endpoint: s.endpoint, cache: false });
        const v = await vllm.chat('x', { effort: 'high', serviceTier: 'flex' });
        const last = (await s.requests()).at(-1).body;
        equal(last.reasoning_effort, 'high', 'vLLM effort');
        equal(last.service_tier, undefined, 'no tier on vLLM');
        has(v, /vllm has no service tiers/);
      },
    ],
    [
      'serviceTier: OpenAI flex, default and priority where the model offers them; a warning elsewhere',
      async () => {
        const s = await scenario(emulatorUrl);
        const on = (/** @type {string} */ id, extra = {}) =>
          model(s.endpoint, { model: id, cache: false, ...extra });
        await on('gpt-5').responses('x', { serviceTier: 'flex' });
        await on('gpt-4o').chat('x', { serviceTier: 'standard' });
        await on('gpt-4.1').chat('x', { serviceTier: 'priority' });
        const refused = await on('gpt-4o').chat('x', { serviceTier: 'flex' });
        // A model-level default applies to every call; a call option overrides it.
        const m = on('o4-mini', { serviceTier: 'flex', effort: 'low' });
        await m.chat('x');
        await m.chat('x', { serviceTier: 'priority', effort: 'high' });
        const tiers = (await s.requests()).map((/** @type {any} */ q) => q.body.service_tier);
        deepEqual(tiers, ['flex', 'default', 'priority', undefined, 'flex', 'priority'], 'tiers');
        has(refused, /serviceTier 'flex' was not sent: gpt-4o does not offer it/);
        const efforts = (await s.requests()).map((/** @type {any} */ q) => q.body.reasoning_effort);
        deepEqual(efforts.slice(4), ['low', 'high'], 'model default, then the call option');
        // A native member wins over the universal option.
        await on('gpt-5').chat('x', {
          effort: 'high',
          reasoning_effort: 'low',
          service_tier: 'auto',
        });
        const last = (await s.requests()).at(-1).body;
        equal(last.reasoning_effort, 'low', 'native reasoning_effort wins');
        equal(last.service_tier, 'auto', 'native service_tier wins');
      },
    ],
    [
      'effort and serviceTier: bad values are InvalidRequestError before any request; effort is part of the cache key',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { model: 'gpt-5', cache: sdk.cache.memoryStore() });
        await rejects(m.chat('x', { effort: 'extreme' }), named('InvalidRequestError'), 'effort');
        await rejects(m.chat('x', { serviceTier: 'turbo' }), named('InvalidRequestError'), 'tier');
        const bad = model(s.endpoint, { model: 'gpt-5', effort: 'huge' });
        const e = await rejects(bad.chat('x'), named('InvalidRequestError'), 'model option');
        assert(e.message.includes("'minimal'"), 'lists the values');
        equal((await s.requests()).length, 0, 'no request');
        const prompt = uniquePrompt('effort');
        await m.chat(prompt, { effort: 'low' });
        await m.chat(prompt, { effort: 'high' });
        const hit = await m.chat(prompt, { effort: 'low' });
        equal(hit.cached, true, 'same effort: a hit');
        equal((await s.requests()).length, 2, 'another effort is another request');
      },
    ],
    [
      'effort: Claude gets output_config.effort with adaptive thinking, or a thinking budget; tiers are standard_only and auto',
      async () => {
        const s = await anthropic.scenario();
        const on = (/** @type {string} */ id) => anthropic.model(s.endpoint, { model: id });
        await on('claude-sonnet-4-6').chat('x', { effort: 'high', serviceTier: 'priority' });
        const capped = await on('claude-opus-4-5').chat('x', { effort: 'xhigh' });
        const budget = await on('claude-sonnet-4-5').chat('x', {
          effort: 'medium',
          serviceTier: 'standard',
        });
        const plain = await on('claude-3-5-haiku-20241022').chat('x', {
          effort: 'high',
          serviceTier: 'flex',
        });
        await on('claude-sonnet-4-6').chat('x', { effort: 'none' });
        const bodies = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(bodies[0].output_config, { effort: 'high' }, 'output_config.effort');
        deepEqual(bodies[0].thinking, { type: 'adaptive' }, 'adaptive thinking');
        equal(bodies[0].service_tier, 'auto', 'priority is auto');
        deepEqual(bodies[1].output_config, { effort: 'high' }, 'Opus 4.5 has no xhigh: high');
        has(capped, /sent 'high'/);
        deepEqual(
          bodies[1].thinking,
          { type: 'enabled', budget_tokens: 32768 },
          'Opus 4.5: a budget',
        );
        equal(bodies[2].output_config, undefined, 'Sonnet 4.5 has no effort levels');
        deepEqual(bodies[2].thinking, { type: 'enabled', budget_tokens: 8192 }, 'medium budget');
        equal(bodies[2].service_tier, 'standard_only', 'standard');
        equal(budget.warnings, undefined, 'no warning');
        equal(bodies[3].thinking, undefined, 'Haiku 3.5 does not think');
        equal(bodies[3].service_tier, undefined, 'no flex tier');
        has(plain, /neither effort levels nor thinking/);
        has(plain, /no flex tier/);
        equal(bodies[4].thinking, undefined, 'none: no thinking');
        deepEqual(bodies[4].output_config, { effort: 'low' }, 'none: the lowest effort');
      },
    ],
    [
      'effort: Claude keeps an explicit thinking option and a forced tool choice',
      async () => {
        const s = await anthropic.scenario();
        const m = anthropic.model(s.endpoint, { model: 'claude-sonnet-4-6' });
        await m.chat('x', { effort: 'low', thinking: { type: 'disabled' } });
        const tool = { name: 'f', parameters: { type: 'object', properties: {} } };
        const forced = await m.chat('x', {
          effort: 'high',
          tools: [tool],
          toolChoice: { name: 'f' },
        });
        const [a, b] = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(a.thinking, { type: 'disabled' }, "the call's thinking wins");
        deepEqual(a.output_config, { effort: 'low' }, 'effort still sent');
        equal(b.thinking, undefined, 'no thinking with a forced tool');
        has(forced, /forced tool choice/);
      },
    ],
    [
      'effort: Gemini gets thinking levels or budgets; serviceTier on the Gemini API, not on Vertex',
      async () => {
        const s = await google.scenario();
        const on = (/** @type {string} */ id) => google.gemini(s.endpoint, { model: id });
        const lowHigh = await on('gemini-3-pro-preview').chat('x', {
          effort: 'medium',
          serviceTier: 'flex',
        });
        await on('gemini-2.5-flash').chat('x', { effort: 'high' });
        await on('gemini-2.5-flash').chat('x', { effort: 'none' });
        const noTier = await on('gemini-2.5-flash').chat('x', { serviceTier: 'priority' });
        const v = await google.vertex(s.endpoint, { model: 'gemini-3-pro-preview' }).chat('x', {
          effort: 'max',
          serviceTier: 'flex',
        });
        const bodies = (await s.requests()).map((/** @type {any} */ q) => q.body);
        equal(bodies[0].generationConfig.thinkingConfig.thinkingLevel, 'LOW', '3 Pro: low');
        has(lowHigh, /no thinking level medium/);
        equal(bodies[0].serviceTier, 'flex', 'flex on Gemini 3');
        equal(bodies[1].generationConfig.thinkingConfig.thinkingBudget, 24576, '2.5: a budget');
        equal(bodies[2].generationConfig.thinkingConfig.thinkingBudget, 0, 'none: budget 0');
        equal(bodies[3].serviceTier, undefined, '2.5 Flash: no priority tier');
        has(noTier, /does not offer it/);
        equal(bodies[4].serviceTier, undefined, 'Vertex: no serviceTier member');
        equal(bodies[4].generationConfig.thinkingConfig.thinkingLevel, 'HIGH', 'max is high');
        has(v, /Vertex AI requests have no service tier/);
      },
    ],
    [
      'llmOptions: the provider-native members for an effort and tier, from the registry',
      async () => {
        const { llmOptions } = sdk.core;
        deepEqual(llmOptions('gpt-5', { effort: 'high', tier: 'flex' }), {
          reasoning_effort: 'high',
          service_tier: 'flex',
        });
        deepEqual(llmOptions('gpt-5', { effort: 'low', api: 'responses' }), {
          reasoning: { effort: 'low' },
        });
        deepEqual(llmOptions('claude-sonnet-4-6', { effort: 'medium', tier: 'standard' }), {
          thinking: { type: 'adaptive' },
          output_config: { effort: 'medium' },
          service_tier: 'standard_only',
        });
        deepEqual(llmOptions('claude-sonnet-4-5', { effort: 'low' }), {
          thinking: { type: 'enabled', budget_tokens: 2048 },
        });
        deepEqual(llmOptions('gemini-3-flash-preview', { effort: 'minimal', tier: 'priority' }), {
          generationConfig: { thinkingConfig: { includeThoughts: true, thinkingLevel: 'MINIMAL' } },
          serviceTier: 'priority',
        });
        /** @type {string[]} */
        const warnings = [];
        deepEqual(
          llmOptions('gpt-4o', { effort: 'high', onWarning: (w) => warnings.push(w) }),
          {},
          'no knob',
        );
        equal(warnings.length, 1, 'a warning');
        await rejects(
          async () => llmOptions('nope-model', { effort: 'high' }),
          named('InvalidRequestError'),
        );
        await rejects(
          async () => llmOptions('gpt-5', { effort: 'huge' }),
          named('InvalidRequestError'),
        );
        // Spread into a call: the same request as the universal options.
        const s = await scenario(emulatorUrl);
        const m = model(s.endpoint, { model: 'gpt-5', cache: false });
        await m.chat('x', { ...llmOptions('gpt-5', { effort: 'high', tier: 'flex' }) });
        await m.chat('x', { effort: 'high', serviceTier: 'flex' });
        const [a, b] = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(a, b, 'same body');
      },
    ],
    [
      'registry: compareModels and filterModels know efforts and service tiers',
      async () => {
        const { compareModels, filterModels } = sdk.registry;
        const c = compareModels(['gpt-5', 'gpt-4o', 'claude-sonnet-4-5', 'gemini-3-pro-preview']);
        deepEqual(c['gpt-5'].efforts, ['minimal', 'low', 'medium', 'high'], 'gpt-5 efforts');
        deepEqual(c['gpt-5'].serviceTiers, ['standard', 'flex', 'priority'], 'gpt-5 tiers');
        deepEqual(c['gpt-4o'].efforts, [], 'gpt-4o takes none');
        deepEqual(c['gpt-4o'].serviceTiers, ['standard', 'priority'], 'gpt-4o: priority only');
        assert(c['claude-sonnet-4-5'].efforts.includes('medium'), 'budget models take efforts');
        deepEqual(c['claude-sonnet-4-5'].serviceTiers, ['standard', 'priority'], 'Claude tiers');
        deepEqual(c['gemini-3-pro-preview'].efforts, ['low', 'high'], 'Gemini 3 Pro levels');
        const flex = filterModels({ serviceTier: 'flex' });
        assert(flex.includes('o3') && flex.includes('gemini-3.1-pro-preview'), 'flex models');
        assert(!flex.includes('gpt-4o') && !flex.includes('gpt-5-codex'), 'not flex');
        const xhigh = filterModels({ effort: 'xhigh', providers: ['openai'] });
        assert(xhigh.includes('gpt-5.2') && !xhigh.includes('gpt-5'), 'xhigh models');
      },
    ],
  ];
}
