// GoogleModel thinking cases for every runtime, against the loopback emulator: budgets and levels map
// to thinkingConfig, thought parts and signatures round-trip, bad input fails before any request.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named } from './google-helpers.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleThinkingCases(env) {
  const { scenario, gemini } = googleHarness(env);
  return [
    [
      'google: thinking budget → thinkingConfig; thought parts → thinking; thoughtsTokenCount → reasoningTokens',
      async () => {
        const s = await scenario({ reply: { thought: 'Let me think it over' } });
        const r = await gemini(s.endpoint).chat('Why', {
          thinking: { type: 'enabled', budgetTokens: 1024 },
        });
        equal(r.thinking, 'Let me think it over');
        equal(r.text, 'Echo: Why');
        equal(r.usage.reasoningTokens, 5);
        equal(r.usage.outputTokens, 2 + 5, 'thoughts are billed as output');
        const sig = r.messages.at(-1).reasoning;
        equal(sig[0].text, 'Let me think it over');
        equal(sig[1].text, '');
        assert(typeof sig[1].signature === 'string', 'text signature kept');
        const [req] = await s.requests();
        deepEqual(req.body.generationConfig, {
          thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
        });
        equal(req.body.thinking, undefined, 'thinking is mapped, not passed through');
        await gemini(s.endpoint).chat(r.messages.concat({ role: 'user', content: 'More' }));
        const parts = (await s.requests())[1].body.contents[1].parts;
        deepEqual(parts[0], { text: 'Let me think it over', thought: true });
        equal(parts[1].thoughtSignature, sig[1].signature, 'signature sent back unchanged');
      },
    ],
    [
      'google: thinking levels for Gemini 3, budgets for 2.5, disabled, and bad input before any request',
      async () => {
        const s = await scenario();
        await gemini(s.endpoint, { model: 'gemini-3-flash-preview' }).chat('a', {
          thinking: { level: 'low' },
        });
        await gemini(s.endpoint).chat('b', { thinking: { type: 'disabled' } });
        const w = await gemini(s.endpoint).chat('c', { thinking: { level: 'high' } });
        await gemini(s.endpoint).chat('d', { thinking: { type: 'adaptive' } });
        const reqs = await s.requests();
        deepEqual(reqs[0].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingLevel: 'LOW',
        });
        deepEqual(reqs[1].body.generationConfig.thinkingConfig, { thinkingBudget: 0 });
        deepEqual(reqs[2].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingBudget: 24576,
        });
        assert(
          w.warnings?.some((/** @type {string} */ x) => /level/.test(x)),
          'level→budget warning',
        );
        deepEqual(reqs[3].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingBudget: -1,
        });
        await rejects(
          gemini(s.endpoint).chat('e', { thinking: { budgetTokens: 'lots' } }),
          named('InvalidRequestError'),
        );
        await rejects(
          gemini(s.endpoint).chat('e', { thinking: { level: 'ultra' } }),
          named('InvalidRequestError'),
        );
        equal((await s.requests()).length, 4, 'bad thinking sends nothing');
        // The emulator rejects a level on 2.5 like Google: proves the level table matters.
        const e = await rejects(
          gemini(s.endpoint).chat('f', {
            generationConfig: { thinkingConfig: { thinkingLevel: 'LOW' } },
          }),
          named('APICallError'),
        );
        equal(e.errorType, 'INVALID_ARGUMENT');
      },
    ],
  ];
}
