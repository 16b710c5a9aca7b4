// AnthropicModel thinking, tools and structured output against the loopback emulator, for every
// runtime: thinking budgets and signed blocks across a tool call, json() and both object() paths
// (native structured output, forced tool), then the wire-rule cases of cases-anthropic-rules.mjs.
// Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { anthropicRuleCases } from './cases-anthropic-rules.mjs';
import { anthropicModeCases } from './cases-anthropic-modes.mjs';
import { named, personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicOutputCases({ sdk, emulatorUrl, runtime }) {
  const { scenario, model } = anthropicFixture({ sdk, emulatorUrl, runtime });

  return [
    [
      'anthropic: thinking budgets out of range are rejected before any request',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const low = await rejects(
          m.chat('x', { thinking: { type: 'enabled', budgetTokens: 10 } }),
          named('InvalidRequestError'),
        );
        assert(/at least 1024/.test(low.message), low.message);
        const high = await rejects(
          m.chat('x', { maxTokens: 2000, thinking: { enabled: true, budget_tokens: 2000 } }),
          named('InvalidRequestError'),
        );
        assert(/between 1024 and 1999/.test(high.message), high.message);
        await rejects(m.chat('x', { thinking: 'lots' }), named('InvalidRequestError'));
        equal((await s.requests()).length, 0, 'no request sent');
      },
    ],
    [
      'anthropic: thinking is returned, temperature dropped with a warning',
      async () => {
        const s = await scenario({ reply: { thinking: 'Let me think.' } });
        const r = await model(s.endpoint).chat('why?', {
          thinking: { type: 'enabled', budgetTokens: 2048 },
          temperature: 0,
        });
        equal(r.thinking, 'Let me think.');
        const a = r.messages.at(-1);
        equal(a.reasoning[0].type, 'thinking');
        assert(a.reasoning[0].signature, 'signature kept');
        assert(
          r.warnings?.some((w) => /temperature/.test(w)),
          'temperature warning',
        );
        const [req] = await s.requests();
        deepEqual(req.body.thinking, { type: 'enabled', budget_tokens: 2048 });
        equal(req.body.temperature, undefined);
      },
    ],
    [
      'anthropic: a 3-turn thinking conversation with a tool call round-trips the signed blocks',
      async () => {
        const s = await scenario({
          reply: {
            toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }],
            redactedThinking: true,
          },
        });
        const m = model(s.endpoint);
        const opts = { thinking: { type: 'adaptive' }, tools: [weatherTool] };
        const r1 = await m.chat('Weather in Paris?', opts);
        equal(r1.finishReason, 'tool_calls');
        const call = r1.toolCalls[0];
        equal(call.name, 'get_weather');
        deepEqual(call.arguments, { city: 'Paris' });
        const r2 = await m.chat(
          [...r1.messages, { role: 'tool', toolCallId: call.id, content: '18°C, sunny' }],
          opts,
        );
        equal(r2.finishReason, 'stop');
        assert(/18°C, sunny/.test(r2.text), r2.text);
        const r3 = await m.chat([...r2.messages, { role: 'user', content: 'And tomorrow?' }], opts);
        equal(r3.text, 'Echo: And tomorrow?');
        const reqs = await s.requests();
        equal(reqs.length, 3);
        const sent = reqs[1].body.messages[1];
        equal(sent.role, 'assistant');
        deepEqual(
          sent.content.map((b) => b.type),
          ['thinking', 'redacted_thinking', 'tool_use'],
        );
        deepEqual(sent.content[0], {
          type: 'thinking',
          thinking: r1.messages[1].reasoning[0].text,
          signature: r1.messages[1].reasoning[0].signature,
        });
        deepEqual(reqs[1].body.messages[2].content, [
          { type: 'tool_result', tool_use_id: call.id, content: '18°C, sunny' },
        ]);
        equal(
          reqs[2].body.messages.length,
          5,
          'user, assistant(tool_use), user(tool_result), assistant, user',
        );
        // The emulator verifies signatures like the real API: a modified one is refused.
        const tampered = structuredClone(r1.messages);
        tampered[1].reasoning[0].signature = 'AAAA' + tampered[1].reasoning[0].signature.slice(4);
        const err = await rejects(
          m.chat([...tampered, { role: 'tool', toolCallId: call.id, content: 'x' }], opts),
          named('APICallError'),
        );
        equal(err.status, 400);
        equal(err.errorType, 'invalid_request_error');
        assert(/signature/.test(err.message), err.message);
      },
    ],
    [
      'anthropic: json() instructs JSON in the system prompt and parses the answer',
      async () => {
        const s = await scenario({ reply: { text: 'Here: ```json\n{"ok": true}\n```' } });
        const r = await model(s.endpoint).json('Give me JSON', { system: 'You are terse.' });
        deepEqual(r.data, { ok: true });
        const [req] = await s.requests();
        assert(
          /^You are terse\.\n\nRespond with only a JSON value/.test(req.body.system),
          req.body.system,
        );
      },
    ],
    [
      'anthropic: object() uses native structured output on current models',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).object('A person', {
          schema: personSchema,
          jsonSchema: personJsonSchema,
        });
        equal(typeof r.data.name, 'string');
        const [req] = await s.requests();
        equal(req.body.output_config.format.type, 'json_schema');
        equal(req.body.output_config.format.schema.additionalProperties, false, 'objects closed');
        equal(req.body.tools, undefined);
      },
    ],
    [
      'anthropic: object() forces a tool on models without native structured output',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint, { model: 'claude-3-5-haiku-20241022' }).object(
          'A person',
          {
            schema: personSchema,
            jsonSchema: personJsonSchema,
            schemaName: 'person',
          },
        );
        equal(typeof r.data.age, 'number');
        equal(r.finishReason, 'stop');
        equal(r.toolCalls, undefined, 'the forced tool is the answer, not a call');
        const [req] = await s.requests();
        deepEqual(req.body.tool_choice, { type: 'tool', name: 'person' });
        equal(req.body.max_tokens, 8192, 'registry max output');
        equal(req.body.output_config, undefined);
      },
    ],
    ...anthropicRuleCases({ sdk, emulatorUrl, runtime }),
    ...anthropicModeCases({ sdk, emulatorUrl, runtime }),
  ];
}
