// AnthropicModel cases for every runtime (vitest node/Chromium/workerd, Deno, Bun, the worker bundle):
// behaviour against the loopback emulator (test/emulator/anthropic.mjs), and every request shape the
// class can send validated by Prism against ../shared/specs/anthropic-openapi.json (status 200 and no
// `sl-violations` header), with negative controls that must get 422 so a silently disabled validator
// cannot pass. Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import {
  anthropicPrismCases,
  named,
  personJsonSchema,
  personSchema,
  PNG,
  weatherTool,
} from './cases-anthropic-prism.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, prismAnthropicUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicCases({ sdk, emulatorUrl, prismAnthropicUrl, runtime }) {
  const { AnthropicModel } = sdk.anthropic;
  let n = 0;
  const scenario = async (/** @type {object} */ cfg = {}) => {
    const id = `anth-${runtime}-${Date.now().toString(36)}-${++n}`;
    await fetch(`${emulatorUrl}/_control/${id}`, { method: 'POST', body: JSON.stringify(cfg) });
    return {
      id,
      endpoint: `${emulatorUrl}/s/${id}`,
      requests: async () => (await (await fetch(`${emulatorUrl}/_control/${id}`)).json()).requests,
    };
  };
  const model = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new AnthropicModel({
      endpoint,
      apiKey: 'test-key',
      cache: false,
      retryDelay: 1,
      dangerouslyAllowBrowser: true,
      ...extra,
    });

  return [
    [
      'anthropic: chat sends Messages API headers and a top-level system, maps the answer',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).chat('hello there', {
          system: 'Be brief.',
          temperature: 0.2,
        });
        equal(r.text, 'Echo: hello there');
        equal(r.provider, 'anthropic');
        equal(r.finishReason, 'stop');
        equal(r.rawFinishReason, 'end_turn');
        assert(/^msg_/.test(r.id), 'msg_ id');
        equal(r.usage.inputTokens, 4, 'input tokens: system and user words');
        equal(r.usage.totalTokens, r.usage.inputTokens + r.usage.outputTokens, 'total');
        const [req] = await s.requests();
        equal(req.path, '/v1/messages');
        equal(req.headers['x-api-key'], 'test-key');
        equal(req.headers['anthropic-version'], '2023-06-01');
        equal(req.headers.authorization, undefined, 'no Bearer header');
        equal(req.body.system, 'Be brief.');
        equal(req.body.max_tokens, 64000, 'default max_tokens = the model maximum');
        equal(req.body.temperature, 0.2);
        deepEqual(req.body.messages, [
          { role: 'user', content: [{ type: 'text', text: 'hello there' }] },
        ]);
        equal(r.messages.length, 3, 'system, user, assistant');
      },
    ],
    [
      'anthropic: complete() is one user turn on /v1/messages',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).complete('Once upon');
        equal(r.text, 'Echo: Once upon');
        const [req] = await s.requests();
        equal(req.path, '/v1/messages');
        equal(req.body.messages.length, 1);
      },
    ],
    [
      'anthropic: a system message inside the conversation is rejected before any request',
      async () => {
        const s = await scenario();
        const err = await rejects(
          model(s.endpoint).chat([
            { role: 'user', content: 'hi' },
            { role: 'system', content: 'late' },
          ]),
          named('InvalidRequestError'),
        );
        assert(/role system after the conversation started/.test(err.message), err.message);
        equal((await s.requests()).length, 0, 'no request sent');
      },
    ],
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
    [
      'anthropic: cacheControl marks system, tools and the last message; usage splits cache tokens',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const opts = {
          system: 'A long shared preamble for caching.',
          tools: [weatherTool],
          cacheControl: true,
        };
        const r1 = await m.chat('first question', opts);
        const r2 = await m.chat('first question', opts);
        const [req] = await s.requests();
        deepEqual(req.body.system, [
          {
            type: 'text',
            text: 'A long shared preamble for caching.',
            cache_control: { type: 'ephemeral' },
          },
        ]);
        deepEqual(req.body.tools[0].cache_control, { type: 'ephemeral' });
        deepEqual(req.body.messages[0].content.at(-1).cache_control, { type: 'ephemeral' });
        assert(r1.usage.cacheWriteTokens > 0, 'first call writes the cache');
        equal(r1.usage.cachedInputTokens, 0);
        assert(r2.usage.cachedInputTokens > 0, 'second call reads it');
        equal(
          r2.usage.inputTokens,
          r2.usage.raw.input_tokens + r2.usage.cachedInputTokens,
          'inputTokens includes cached tokens',
        );
      },
    ],
    [
      'anthropic: images become image blocks (base64 from data: URLs, url otherwise)',
      async () => {
        const s = await scenario();
        await model(s.endpoint).chat([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this' },
              { type: 'image', url: PNG },
              { type: 'image', url: 'https://example.com/a.jpg' },
            ],
          },
        ]);
        const [req] = await s.requests();
        const [, b64, url] = req.body.messages[0].content;
        deepEqual(b64.source, { type: 'base64', media_type: 'image/png', data: PNG.split(',')[1] });
        deepEqual(url.source, { type: 'url', url: 'https://example.com/a.jpg' });
      },
    ],
    [
      'anthropic: 529 overloaded_error is retried; error type and request id reach the error',
      async () => {
        const s = await scenario({ faults: [{ status: 529 }] });
        const r = await model(s.endpoint).chat('retry me');
        equal(r.text, 'Echo: retry me');
        equal((await s.requests()).length, 2, 'one retry');
        const s2 = await scenario({ faults: [{ status: 529, times: 5 }] });
        const err = await rejects(model(s2.endpoint, { retryLimit: 1 }).chat('x'));
        const last = err.lastError ?? err;
        equal(last.status, 529);
        equal(last.errorType, 'overloaded_error');
        assert(last.requestId, 'request id');
        const s3 = await scenario();
        const bad = await rejects(
          model(s3.endpoint, { apiKey: 'bad-key' }).chat('x'),
          named('AuthenticationError'),
        );
        equal(bad.errorType, 'authentication_error');
        assert(!bad.message.includes('bad-key'), 'key not in the message');
      },
    ],
    [
      'anthropic: browser calls to api.anthropic.com need dangerouslyAllowBrowser',
      async () => {
        const s = await scenario();
        /** @type {Record<string, string>[]} */
        const sent = [];
        /** @type {typeof fetch} */
        const toEmulator = (input, init) => {
          sent.push(/** @type {Record<string, string>} */ (init?.headers));
          return fetch(String(input).replace('https://api.anthropic.com', s.endpoint), init);
        };
        const direct = (/** @type {boolean} */ allow) =>
          new AnthropicModel({
            apiKey: 'test-key',
            cache: false,
            fetch: toEmulator,
            dangerouslyAllowBrowser: allow,
          });
        if (runtime === 'browser') {
          const err = await rejects(direct(false).chat('hi'), named('BrowserAccessError'));
          assert(
            /proxy/.test(err.message) && /dangerouslyAllowBrowser/.test(err.message),
            err.message,
          );
          equal(sent.length, 0, 'nothing sent');
        } else {
          equal((await direct(false).chat('hi')).text, 'Echo: hi', 'servers need no opt-in');
          equal(sent[0]['anthropic-dangerous-direct-browser-access'], undefined);
        }
        equal((await direct(true).chat('hi')).text, 'Echo: hi');
        equal(sent.at(-1)['anthropic-dangerous-direct-browser-access'], 'true');
      },
    ],
    ...anthropicPrismCases({ sdk, prismAnthropicUrl, runtime }),
  ];
}
