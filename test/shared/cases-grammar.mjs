// Grammar-constrained output: `grammar`, `regex` and `choice` as a forced custom tool on OpenAI
// (Responses and Chat Completions; the answer is `text`), vLLM's structured_outputs (guided_* before
// 0.12), llama.cpp's GBNF `grammar`; portable grammar tools; checks before any request; refusals on
// providers and models that cannot constrain output. Against the emulator, which checks custom tool
// grammars and vLLM's one-constraint rule. Runtime-neutral: runs in all five runtimes.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { named } from './fixtures.mjs';
import { openaiModelFactory } from './openai-fixture.mjs';

const YES_NO = 'start: "yes" | "no"';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function grammarCases({ sdk, emulatorUrl }) {
  const model = openaiModelFactory(sdk);
  const gpt5 = (/** @type {string} */ endpoint) =>
    model(endpoint, { model: 'gpt-5', cache: false });

  return [
    [
      'grammar: responses() forces a custom grammar tool and returns its input as text',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: 'yes' } });
        const r = await gpt5(s.endpoint).responses('Is water wet?', { grammar: YES_NO });
        equal(r.text, 'yes', 'the constrained answer');
        equal(r.toolCalls, undefined, 'no tool call left');
        equal(r.finishReason, 'stop', 'finishReason');
        deepEqual(
          r.messages.at(-1),
          { role: 'assistant', content: 'yes', reasoning: r.messages.at(-1).reasoning },
          'a plain answer in messages',
        );
        const [req] = await s.requests();
        deepEqual(
          req.body.tools,
          [
            {
              type: 'custom',
              name: 'grammar_response',
              description: 'Give the whole answer as this tool input.',
              format: { type: 'grammar', syntax: 'lark', definition: YES_NO },
            },
          ],
          'the grammar tool',
        );
        deepEqual(req.body.tool_choice, { type: 'custom', name: 'grammar_response' }, 'forced');
      },
    ],
    [
      'grammar: chat() on OpenAI uses the Chat Completions custom tool; regex and choice too',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: 'A-12' } });
        const m = gpt5(s.endpoint);
        const r = await m.chat('a code', { regex: '[A-Z]-\\d+' });
        equal(r.text, 'A-12', 'text');
        equal(r.finishReason, 'stop', 'finishReason');
        await m.chat('pick', { choice: ['a.b', 'c|d'] });
        await m.chat('free', { grammar: '\\d+', grammarSyntax: 'regex' });
        const [a, b, c] = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(
          a.tools,
          [
            {
              type: 'custom',
              custom: {
                name: 'grammar_response',
                description: 'Give the whole answer as this tool input.',
                format: { type: 'grammar', grammar: { syntax: 'regex', definition: '[A-Z]-\\d+' } },
              },
            },
          ],
          'nested custom tool',
        );
        deepEqual(
          a.tool_choice,
          { type: 'custom', custom: { name: 'grammar_response' } },
          'forced',
        );
        equal(
          b.tools[0].custom.format.grammar.definition,
          'a\\.b|c\\|d',
          'choice as escaped regex',
        );
        equal(c.tools[0].custom.format.grammar.syntax, 'regex', 'grammarSyntax');
      },
    ],
    [
      'grammar: bad grammars are InvalidRequestError before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const m = gpt5(s.endpoint);
        /** @type {Array<[object, RegExp]>} */
        const bad = [
          [{ grammar: '' }, /empty/],
          [{ grammar: `start: "${'x'.repeat(10_001)}"` }, /at most 10000/],
          [{ regex: '(' }, /does not compile/],
          [{ regex: '(?=a)b' }, /lookaround/],
          [{ regex: '(a)\\1' }, /backreferences/],
          [{ grammar: 'answer: "yes"' }, /`start` rule/],
          [{ grammar: 'answer ::= "yes"', grammarSyntax: 'gbnf' }, /`root` rule/],
          [{ grammar: YES_NO, grammarSyntax: 'ebnf' }, /syntax must be/],
          [{ grammarSyntax: 'lark' }, /needs `grammar`/],
          [{ grammar: YES_NO, regex: 'a' }, /one of grammar, regex or choice/],
          [{ choice: [] }, /non-empty array/],
          [{ grammar: YES_NO, toolChoice: 'auto' }, /leave toolChoice out/],
        ];
        for (const [options, message] of bad) {
          await rejects(
            m.chat('x', options),
            (e) => e.name === 'InvalidRequestError' && message.test(e.message),
            JSON.stringify(options).slice(0, 60),
          );
        }
        await rejects(m.json('x', { grammar: YES_NO }), named('InvalidRequestError'), 'json()');
        await rejects(
          m.chat('x', {
            tools: [{ name: 't', grammar: { syntax: 'gbnf', definition: 'root ::= "a"' } }],
          }),
          named('InvalidRequestError'),
          'grammar tools take lark or regex',
        );
        equal((await s.requests()).length, 0, 'no request');
      },
    ],
    [
      'grammar: providers and models that cannot constrain output refuse before any request',
      async () => {
        const s = await scenario(emulatorUrl);
        const refused = [
          new sdk.anthropic.AnthropicModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
          new sdk.google.GoogleModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
          new sdk.xai.GrokModel({ endpoint: s.endpoint, apiKey: 'k', cache: false }),
        ];
        for (const m of refused) {
          const e = await rejects(
            m.chat('x', { grammar: YES_NO }),
            named('UnsupportedFeatureError'),
          );
          equal(e.provider, m.provider, 'names the provider');
          await rejects(
            m.chat('x', { tools: [{ name: 't', grammar: { syntax: 'regex', definition: 'a' } }] }),
            named('UnsupportedFeatureError'),
            `${m.provider}: grammar tools`,
          );
        }
        // The registry says which OpenAI models take grammar tools (GPT-5 family, gpt-4.1).
        const e = await rejects(
          model(s.endpoint, { model: 'gpt-4o', cache: false }).chat('x', { choice: ['a', 'b'] }),
          named('UnsupportedFeatureError'),
        );
        assert(e.message.includes('gpt-4o'), e.message);
        // A compatible server with no known grammar form takes only llama.cpp's GBNF.
        const local = new sdk.compat.OpenAICompatibleModel({
          model: 'm',
          endpoint: s.endpoint,
          cache: false,
        });
        await rejects(
          local.chat('x', { grammar: YES_NO }),
          named('UnsupportedFeatureError'),
          'lark',
        );
        equal((await s.requests()).length, 0, 'no request');
      },
    ],
    [
      'grammar: vLLM sends structured_outputs (guided_* before 0.12); llama.cpp a GBNF grammar',
      async () => {
        const s = await scenario(emulatorUrl, { reply: { text: 'no' }, requireAuth: false });
        const vllm = new sdk.vllm.VLLMModel({ endpoint: s.endpoint, cache: false });
        equal((await vllm.chat('x', { grammar: YES_NO })).text, 'no', 'text as the server sent it');
        await vllm.chat('x', { regex: '\\d+' });
        await vllm.chat('x', { choice: ['red', 'green'] });
        await vllm.chat('x', { grammar: 'root ::= "a"', grammarSyntax: 'gbnf' });
        const old = new sdk.vllm.VLLMModel({
          endpoint: s.endpoint,
          cache: false,
          serverVersion: '0.10.2',
        });
        await old.chat('x', { grammar: YES_NO });
        await old.chat('x', { regex: '\\d+' });
        await old.chat('x', { choice: ['red', 'green'] });
        const llama = new sdk.compat.OpenAICompatibleModel({
          model: 'm',
          endpoint: s.endpoint,
          cache: false,
        });
        await llama.chat('x', { grammar: 'root ::= "a" | "b"', grammarSyntax: 'gbnf' });
        const bodies = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(bodies[0].structured_outputs, { grammar: YES_NO }, 'grammar');
        deepEqual(bodies[1].structured_outputs, { regex: '\\d+' }, 'regex');
        deepEqual(bodies[2].structured_outputs, { choice: ['red', 'green'] }, 'choice');
        deepEqual(bodies[3].structured_outputs, { grammar: 'root ::= "a"' }, 'GBNF to xgrammar');
        for (const b of bodies.slice(0, 4))
          assert(!Object.keys(b).some((k) => k.startsWith('guided_')), 'no guided_* on vLLM 0.12+');
        equal(bodies[4].guided_grammar, YES_NO, 'guided_grammar');
        equal(bodies[5].guided_regex, '\\d+', 'guided_regex');
        deepEqual(bodies[6].guided_choice, ['red', 'green'], 'guided_choice');
        equal(bodies[7].grammar, 'root ::= "a" | "b"', 'llama.cpp grammar');
        equal(bodies[7].tools, undefined, 'no tool');
      },
    ],
    [
      'grammar: portable grammar tools are custom tools on Chat Completions; their calls round-trip',
      async () => {
        const sql = {
          name: 'sql',
          description: 'Run SQL',
          grammar: { syntax: 'lark', definition: 'start: "SELECT 1"' },
        };
        const s = await scenario(emulatorUrl, {
          reply: [{ toolCalls: [{ name: 'sql', arguments: 'SELECT 1' }] }, { text: 'done' }],
        });
        const m = gpt5(s.endpoint);
        const first = await m.chat('run it', { tools: [sql], toolChoice: { name: 'sql' } });
        deepEqual(
          first.toolCalls?.map((c) => [c.name, c.arguments, c.custom]),
          [['sql', 'SELECT 1', true]],
          'custom call',
        );
        const next = [
          ...first.messages,
          { role: 'tool', toolCallId: first.toolCalls[0].id, content: '1' },
        ];
        equal((await m.chat(next, { tools: [sql] })).text, 'done', 'answer');
        const [a, b] = (await s.requests()).map((/** @type {any} */ q) => q.body);
        deepEqual(
          a.tools[0],
          {
            type: 'custom',
            custom: {
              name: 'sql',
              description: 'Run SQL',
              format: {
                type: 'grammar',
                grammar: { syntax: 'lark', definition: 'start: "SELECT 1"' },
              },
            },
          },
          'custom tool',
        );
        deepEqual(
          a.tool_choice,
          { type: 'custom', custom: { name: 'sql' } },
          'forced custom choice',
        );
        deepEqual(
          b.messages[1].tool_calls,
          [
            {
              id: first.toolCalls[0].id,
              type: 'custom',
              custom: { name: 'sql', input: 'SELECT 1' },
            },
          ],
          'the call sent back',
        );
      },
    ],
  ];
}
