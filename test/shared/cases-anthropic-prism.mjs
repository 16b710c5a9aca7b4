// Prism half of the AnthropicModel shared cases (see cases-anthropic.mjs): every request shape the
// class can send, validated by Prism against ../shared/specs/anthropic-openapi.json (status 200 and no
// request entry in `sl-violations`), plus negative controls that must get 422, so a silently disabled
// validator cannot pass. Prism answers the spec's example message, so json/object calls end in
// OutputValidationError and only their requests are checked.
import { assert, equal, rejects } from './assert.mjs';
import { limitedJsonSchema, limitedSchema } from './cases-anthropic-rules.mjs';
import { named, personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';

export const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** @param {string} name */

/**
 * Prism's `sl-violations` header, request part only: Prism also lists where its own (spec example)
 * response misses fields, which says nothing about the SDK.
 * @param {string | null} header
 */
function requestViolations(header) {
  const list = header
    ? JSON.parse(header).filter((/** @type {any} */ v) => v.location?.[0] === 'request')
    : [];
  return list.length ? JSON.stringify(list) : null;
}

/**
 * @param {{ sdk: any, prismAnthropicUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicPrismCases({ sdk, prismAnthropicUrl, runtime }) {
  const { AnthropicModel } = sdk.anthropic;
  const model = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new AnthropicModel({
      endpoint,
      apiKey: 'test-key',
      cache: false,
      dangerouslyAllowBrowser: true,
      ...extra,
    });

  /** Prism: a model whose fetch records each answer's status and violations. */
  const prism = (/** @type {object} */ extra = {}) => {
    if (!prismAnthropicUrl) throw new Error(`${runtime}: prismAnthropicUrl is not provided`);
    /** @type {{ status: number, violations: string | null, body: any }[]} */
    const seen = [];
    /** @type {typeof fetch} */
    const recording = async (input, init) => {
      const res = await fetch(input, init);
      seen.push({
        status: res.status,
        violations: requestViolations(res.headers.get('sl-violations')),
        body: JSON.parse(String(init?.body)),
      });
      return res;
    };
    const m = model(prismAnthropicUrl, {
      fetch: recording,
      retryLimit: 0,
      maxRepairs: 0,
      ...extra,
    });
    const clean = () => {
      assert(seen.length > 0, 'no request reached Prism');
      for (const s of seen) {
        equal(s.violations, null, `Prism violations for ${JSON.stringify(s.body).slice(0, 300)}`);
        equal(s.status, 200, 'Prism status');
      }
    };
    return { m, seen, clean };
  };
  const rawPrism = async (/** @type {object} */ body) => {
    const res = await fetch(`${prismAnthropicUrl}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': 'k',
        'anthropic-version': '2023-06-01',
      },
      body: JSON.stringify(body),
    });
    await res.body?.cancel();
    return res.status;
  };

  return [
    [
      'anthropic/prism: chat, system, thinking, images and cacheControl requests pass the spec',
      async () => {
        const { m, clean } = prism();
        const r = await m.chat('hi', {
          system: 'Be brief.',
          temperature: 0.5,
          topP: 0.9,
          stop: ['END'],
          top_k: 5,
          metadata: { user_id: 'u1' },
        });
        assert(typeof r.text === 'string' && r.text.length > 0, 'Prism example parsed');
        await m.complete('Once upon');
        await m.chat('think', {
          thinking: { type: 'enabled', budgetTokens: 1024 },
          maxTokens: 4096,
        });
        await m.chat('think', { thinking: { type: 'adaptive' } });
        await m.chat('no think', { thinking: false });
        await m.chat([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'see' },
              { type: 'image', url: PNG },
              { type: 'image', url: 'https://example.com/a.jpg' },
            ],
          },
        ]);
        await m.chat('cached', {
          system: 'S',
          tools: [weatherTool],
          cacheControl: { ttl: '1h', system: true, tools: true, messages: true },
        });
        clean();
      },
    ],
    [
      'anthropic/prism: tools, a tool_result turn with thinking blocks, json and object pass the spec',
      async () => {
        const { m, clean } = prism();
        await m.chat('weather?', { tools: [weatherTool], toolChoice: 'required' });
        await m.chat('weather?', { tools: [weatherTool], toolChoice: { name: 'get_weather' } });
        await m.chat('weather?', { tools: [weatherTool], toolChoice: 'none' });
        await m.chat(
          [
            { role: 'user', content: 'Weather in Paris?' },
            {
              role: 'assistant',
              content: '',
              reasoning: [
                { type: 'thinking', text: 'Use the tool.', signature: 'c2ln' },
                { type: 'redacted_thinking', data: 'ZGF0YQ==' },
              ],
              toolCalls: [{ id: 'toolu_01', name: 'get_weather', arguments: { city: 'Paris' } }],
            },
            { role: 'tool', toolCallId: 'toolu_01', content: '18°C' },
          ],
          {
            tools: [weatherTool],
            thinking: { type: 'enabled', budgetTokens: 1500 },
            toolChoice: 'auto',
          },
        );
        // Prism answers its example text, which is not JSON: only the requests are checked here.
        await rejects(m.json('JSON please'), named('OutputValidationError'));
        await rejects(
          m.object('person', { schema: personSchema, jsonSchema: personJsonSchema }),
          named('OutputValidationError'),
        );
        const old = prism({ model: 'claude-3-haiku-20240307' });
        await rejects(
          old.m.object('person', { schema: personSchema, jsonSchema: personJsonSchema }),
          named('OutputValidationError'),
        );
        clean();
        old.clean();
      },
    ],
    [
      'anthropic/prism: adaptive thinking for a budget, thinking object() and subset schemas pass',
      async () => {
        const opus = prism({ model: 'claude-opus-4-7' });
        await opus.m.chat('think', {
          thinking: { type: 'enabled', budgetTokens: 2000 },
          temperature: 0.2,
        });
        equal(opus.seen[0].body.thinking.type, 'adaptive');
        const old = prism({ model: 'claude-3-7-sonnet-20250219' });
        await rejects(
          old.m.object('person', {
            schema: personSchema,
            jsonSchema: personJsonSchema,
            thinking: { type: 'enabled', budgetTokens: 1500 },
          }),
          named('OutputValidationError'),
        );
        equal(old.seen[0].body.tool_choice.type, 'auto');
        const native = prism();
        await rejects(
          native.m.object('person', { schema: limitedSchema, jsonSchema: limitedJsonSchema }),
          named('OutputValidationError'),
        );
        assert(
          /Constraints/.test(
            native.seen[0].body.output_config.format.schema.properties.age.description,
          ),
        );
        const sampled = prism({ model: 'claude-sonnet-4-5' });
        await sampled.m.chat('hi', { temperature: 0.5, topP: 0.9 });
        opus.clean();
        old.clean();
        native.clean();
        sampled.clean();
      },
    ],
    [
      'anthropic/prism: budgeted adaptive thinking, tool-mode object() and strict native tools pass',
      async () => {
        const sonnet = prism({ model: 'claude-sonnet-4-5' });
        await sonnet.m.chat('think', { thinking: { type: 'adaptive', display: 'omitted' } });
        equal(sonnet.seen[0].body.thinking.budget_tokens, 16000);
        const strict = {
          type: 'custom',
          strict: true,
          name: 'f',
          input_schema: { type: 'object' },
        };
        await sonnet.m.chat('tool', { tools: [strict] });
        const opus = prism({ model: 'claude-opus-4-1' });
        await rejects(opus.m.object('p', { schema: personSchema, jsonSchema: personJsonSchema }));
        equal(opus.seen[0].body.tool_choice.type, 'tool');
        sonnet.clean();
        opus.clean();
        const hi = [{ role: 'user', content: 'hi' }];
        const bad = { ...strict, strict: 'yes' };
        const base = { model: 'claude-sonnet-4-6', max_tokens: 2048, messages: hi };
        equal(await rawPrism({ ...base, tools: [bad] }), 422, 'strict must be a boolean');
      },
    ],
    [
      'anthropic/prism: negative controls get 422 (the validator is live)',
      async () => {
        if (!prismAnthropicUrl) throw new Error(`${runtime}: prismAnthropicUrl is not provided`);
        const base = { model: 'claude-sonnet-4-6', max_tokens: 2048 };
        equal(
          await rawPrism({ ...base, messages: [{ role: 'user', content: 'hi' }] }),
          200,
          'control',
        );
        equal(
          await rawPrism({
            ...base,
            thinking: { type: 'enabled', budget_tokens: 10 },
            messages: [{ role: 'user', content: 'hi' }],
          }),
          422,
          'budget_tokens: 10',
        );
        equal(
          await rawPrism({ ...base, messages: [{ role: 'system', content: 'hi' }] }),
          422,
          'system role',
        );
        equal(
          await rawPrism({ ...base, foo: 1, messages: [{ role: 'user', content: 'hi' }] }),
          422,
          'unknown field',
        );
        equal(
          await rawPrism({
            ...base,
            messages: [
              { role: 'user', content: 'hi' },
              { role: 'assistant', content: [{ type: 'thinking', thinking: 'x' }] },
            ],
          }),
          422,
          'thinking block without signature',
        );
        const hi = [{ role: 'user', content: 'hi' }];
        equal(
          await rawPrism({
            ...base,
            thinking: { type: 'adaptive', budget_tokens: 2000 },
            messages: hi,
          }),
          422,
          'a budget on adaptive thinking',
        );
        equal(
          await rawPrism({
            ...base,
            tools: [{ name: 'f', input_schema: { type: 'object' } }],
            tool_choice: { type: 'auto', name: 'f' },
            messages: hi,
          }),
          422,
          'a tool name on tool_choice auto',
        );
        equal(
          await rawPrism({
            ...base,
            output_config: { format: { type: 'json_schema' } },
            messages: hi,
          }),
          422,
          'output_config.format without a schema',
        );
      },
    ],
  ];
}
