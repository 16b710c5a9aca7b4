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
    [
      'google: a thinking level the model lacks becomes its nearest level, from the registry',
      async () => {
        const s = await scenario();
        const pro3 = gemini(s.endpoint, { model: 'gemini-3-pro-preview' });
        const minimal = await pro3.chat('a', { thinking: { level: 'minimal' } });
        const medium = await pro3.chat('b', { thinking: { level: 'medium' } });
        const off = await pro3.chat('c', { thinking: { type: 'disabled' } });
        const pro31 = gemini(s.endpoint, { model: 'gemini-3.1-pro-preview' });
        const kept = await pro31.chat('d', { thinking: { level: 'medium' } });
        await gemini(s.endpoint, { model: 'gemini-3-flash-preview' }).chat('e', {
          thinking: { type: 'disabled' },
        });
        const levels = (await s.requests()).map(
          (/** @type {any} */ r) => r.body.generationConfig.thinkingConfig.thinkingLevel,
        );
        deepEqual(levels, ['LOW', 'LOW', 'LOW', 'MEDIUM', 'MINIMAL'], 'levels sent');
        for (const [r, asked] of [
          [minimal, 'minimal'],
          [medium, 'medium'],
        ]) {
          assert(
            r.warnings?.some((/** @type {string} */ w) => w.includes(`no thinking level ${asked}`)),
            `warning for ${asked}`,
          );
        }
        assert(off.warnings?.some((/** @type {string} */ w) => /cannot turn thinking off/.test(w)));
        equal(kept.warnings, undefined, 'a level the model has: no warning');
      },
    ],
    [
      "google: thinking budgets are moved into the model's range; off where it can be",
      async () => {
        const s = await scenario();
        const pro = gemini(s.endpoint, { model: 'gemini-2.5-pro' });
        const lite = gemini(s.endpoint, { model: 'gemini-2.5-flash-lite' });
        const big = await pro.chat('a', { thinking: { budgetTokens: 50000 } });
        await pro.chat('b', { thinking: { type: 'disabled' } });
        const small = await lite.chat('c', { thinking: { budgetTokens: 100 } });
        await lite.chat('d', { thinking: { type: 'disabled' } });
        await lite.chat('e', { thinking: { level: 'minimal' } });
        await gemini(s.endpoint, { model: 'gemini-2.0-flash' }).chat('f', {
          thinking: { type: 'disabled' },
        });
        const sent = (await s.requests()).map(
          (/** @type {any} */ r) => r.body.generationConfig?.thinkingConfig?.thinkingBudget,
        );
        deepEqual(sent, [32768, 128, 512, 0, 512, undefined], 'budgets sent');
        assert(big.warnings?.some((/** @type {string} */ w) => w.includes('sent 32768')));
        assert(small.warnings?.some((/** @type {string} */ w) => w.includes('sent 512')));
      },
    ],
    [
      'google: toolConfig only with tools; forced choices without tools fail before sending',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint);
        const r = await m.chat('a', { toolChoice: 'auto' });
        equal((await s.requests())[0].body.toolConfig, undefined, 'no toolConfig without tools');
        assert(r.warnings?.some((/** @type {string} */ w) => w.includes('toolChoice')));
        await rejects(m.chat('b', { toolChoice: 'required' }), named('InvalidRequestError'));
        equal((await s.requests()).length, 1, 'nothing sent');
      },
    ],
  ];
}
