// AnthropicModel choices the model registry makes, against the emulator (which refuses adaptive
// thinking before Claude Opus 4.6, and structured outputs before Claude Sonnet 4.5, like the API):
// the thinking form, the object() mode and its `structuredOutput` override, and provider-native tools
// (strict ones included) sent verbatim. Spread into anthropicOutputCases. Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { named, personJsonSchema, personSchema } from './fixtures.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicModeCases({ sdk, emulatorUrl, runtime }) {
  const { scenario, model } = anthropicFixture({ sdk, emulatorUrl, runtime });
  const person = { schema: personSchema, jsonSchema: personJsonSchema, schemaName: 'person' };

  return [
    [
      'anthropic: adaptive thinking on a model without it is sent as a budget, with a warning',
      async () => {
        const s = await scenario({ reply: { thinking: 'Budgeted.' } });
        const sonnet45 = model(s.endpoint, { model: 'claude-sonnet-4-5' });
        const adaptive = { type: 'adaptive', display: 'omitted' };
        const r = await sonnet45.chat('why?', { thinking: adaptive });
        equal(r.thinking, 'Budgeted.');
        const sent = async () => (await s.requests()).at(-1).body;
        // Half of max_tokens (64 000), at most 16 000.
        deepEqual((await sent()).thinking, {
          type: 'enabled',
          budget_tokens: 16000,
          display: 'omitted',
        });
        assert(
          r.warnings?.some((w) =>
            /'adaptive' \} was sent as \{ type: 'enabled', budget_tokens: 16000 \}: claude-sonnet-4-5 has no adaptive/.test(
              w,
            ),
          ),
          String(r.warnings),
        );
        await sonnet45.chat('why?', { thinking: { type: 'adaptive' }, maxTokens: 6000 });
        deepEqual((await sent()).thinking, { type: 'enabled', budget_tokens: 3000 });
        await sonnet45.chat('why?', { thinking: { type: 'adaptive' }, maxTokens: 1500 });
        deepEqual((await sent()).thinking, { type: 'enabled', budget_tokens: 1024 });
        const count = (await s.requests()).length;
        const err = await rejects(
          sonnet45.chat('why?', { thinking: { type: 'adaptive' }, maxTokens: 1024 }),
          named('InvalidRequestError'),
        );
        assert(/no adaptive thinking.*raise maxTokens above 1024/.test(err.message), err.message);
        equal((await s.requests()).length, count, 'nothing sent');
        // Models with adaptive thinking, and models the registry does not know, get it as asked.
        for (const id of ['claude-sonnet-4-6', 'claude-future-9']) {
          const a = await model(s.endpoint, { model: id }).chat('why?', { thinking: adaptive });
          deepEqual((await sent()).thinking, adaptive, id);
          equal(a.warnings, undefined, id);
        }
      },
    ],
    [
      'anthropic: object() is native or a forced tool as the registry says; unknown models get the tool',
      async () => {
        const s = await scenario();
        const modeOf = async (/** @type {string} */ id, /** @type {object} */ extra = {}) => {
          const r = await model(s.endpoint, { model: id, ...extra }).object('A person', person);
          equal(typeof r.data.name, 'string', id);
          const body = (await s.requests()).at(-1).body;
          if (body.output_config?.format) {
            equal(body.tools, undefined, `${id}: no tool with native output`);
            return 'native';
          }
          deepEqual(body.tool_choice, { type: 'tool', name: 'person' }, id);
          return 'tool';
        };
        for (const id of [
          'claude-sonnet-4-5',
          'claude-haiku-4-5',
          'claude-opus-4-5',
          'claude-opus-4-7',
        ])
          equal(await modeOf(id), 'native', id);
        for (const id of ['claude-opus-4-1', 'claude-sonnet-4-0', 'claude-3-7-sonnet-latest'])
          equal(await modeOf(id), 'tool', id);
        equal(await modeOf('claude-future-9'), 'tool', 'unknown model');
        // The registry decides: one's own can give a model native structured outputs.
        const registry = sdk.registry.createRegistry({
          models: [
            {
              id: 'claude-future-9',
              provider: 'anthropic',
              nativeStructuredOutput: true,
              capabilities: { tools: true, structuredOutput: true },
            },
          ],
        });
        equal(await modeOf('claude-future-9', { registry }), 'native', 'custom registry');
      },
    ],
    [
      "anthropic: structuredOutput 'tool' and 'native' override the registry, 'native' only where it exists",
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint, { structuredOutput: 'tool' }).object('A person', person);
        equal(typeof r.data.age, 'number');
        const [forced] = await s.requests();
        deepEqual(forced.body.tool_choice, { type: 'tool', name: 'person' });
        equal(forced.body.output_config, undefined);
        const unknown = model(s.endpoint, { model: 'claude-future-9', structuredOutput: 'native' });
        await unknown.object('A person', person);
        const [, native] = await s.requests();
        equal(native.body.output_config.format.type, 'json_schema');
        equal(native.body.tools, undefined);
        const err = await rejects(
          model(s.endpoint, { model: 'claude-opus-4-1', structuredOutput: 'native' }).object(
            'A person',
            person,
          ),
          named('UnsupportedFeatureError'),
        );
        assert(
          /claude-opus-4-1 has no native structured outputs.*'tool'/.test(err.message),
          err.message,
        );
        equal((await s.requests()).length, 2, 'nothing sent for the refused call');
      },
    ],
    [
      'anthropic: native tools, strict ones included, are sent verbatim (no schema rewrite)',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const schema = {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
          additionalProperties: false,
        };
        const tools = [{ type: 'custom', name: 'get_weather', input_schema: schema, strict: true }];
        await m.chat('Weather?', { tools, toolChoice: 'auto' });
        const [req] = await s.requests();
        deepEqual(req.body.tools, tools);
        deepEqual(req.body.tool_choice, { type: 'auto' });
        // Outside Anthropic's schema subset a strict tool is refused by the API, not rewritten.
        const limited = structuredClone(tools);
        limited[0].input_schema.properties.city.maxLength = 40;
        const err = await rejects(m.chat('Weather?', { tools: limited }), named('APICallError'));
        equal(err.status, 400);
        assert(/maxLength' is not supported/.test(err.message), err.message);
        deepEqual((await s.requests())[1].body.tools, limited);
      },
    ],
  ];
}
