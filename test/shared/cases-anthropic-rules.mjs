// AnthropicModel against the emulator's per-model and request rules (test/emulator/anthropic-*-rules.mjs,
// which answer 400 like the real API): the SDK must never send what Anthropic refuses. Sampling
// settings, thinking forms, object() with thinking, structured-output schemas, max_tokens, tool choice
// and tool pairing, unknown models, and 1-hour prompt-cache pricing. Spread into
// anthropicOutputCases. Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { named, personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';

/** A Standard Schema that checks every limit of {@link limitedJsonSchema}, as valibot would. */
export const limitedSchema = {
  '~standard': {
    version: 1,
    vendor: 'cases',
    validate: (/** @type {any} */ v) =>
      v &&
      typeof v.name === 'string' &&
      v.name.length >= 1 &&
      v.name.length <= 20 &&
      Number.isInteger(v.age) &&
      v.age >= 0 &&
      v.age <= 150 &&
      Array.isArray(v.tags) &&
      v.tags.length >= 2 &&
      v.tags.length <= 4
        ? { value: v }
        : { issues: [{ message: 'name 1-20 chars, age 0-150, 2-4 tags' }] },
  },
};
/** Keywords Anthropic's structured outputs refuse, and one it keeps (a simple pattern). */
export const limitedJsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 20, pattern: '^[A-Z]' },
    age: { type: 'integer', minimum: 0, maximum: 150, description: 'Years.' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4, uniqueItems: true },
  },
  required: ['name', 'age', 'tags'],
};

/** Freezes a value and everything inside it: a call that writes to it throws. */
const deepFreeze = (/** @type {any} */ v) => {
  if (v && typeof v === 'object') Object.values(v).forEach(deepFreeze);
  return Object.freeze(v);
};

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicRuleCases({ sdk, emulatorUrl, runtime }) {
  const { scenario, model } = anthropicFixture({ sdk, emulatorUrl, runtime });

  return [
    [
      'anthropic: temperature with topP: both where the registry allows, temperature only, or neither',
      async () => {
        const s = await scenario();
        const sample = async (/** @type {string} */ id, /** @type {object} */ extra = {}) => {
          const m = model(s.endpoint, { model: id, ...extra });
          const r = await m.chat('hi', { temperature: 0.3, topP: 0.9, top_k: 5 });
          const body = (await s.requests()).at(-1).body;
          return { r, body };
        };
        const old = await sample('claude-sonnet-4-0');
        deepEqual([old.body.temperature, old.body.top_p, old.body.top_k], [0.3, 0.9, 5]);
        equal(old.r.warnings, undefined, 'Sonnet 4 takes both');
        for (const id of ['claude-sonnet-4-5', 'claude-haiku-4-5-20251001', 'claude-opus-4-1']) {
          const { r, body } = await sample(id);
          deepEqual([body.temperature, body.top_p, body.top_k], [0.3, undefined, 5], id);
          assert(
            r.warnings?.some((w) => /topP was not sent.*together/.test(w)),
            `${id}: ${r.warnings}`,
          );
        }
        // A model the registry does not know gets the form every Claude model accepts.
        const unknown = await sample('claude-future-9');
        equal(unknown.body.top_p, undefined, 'unknown model: temperature only');
        const none = await sample('claude-opus-4-7');
        deepEqual(
          [none.body.temperature, none.body.top_p, none.body.top_k],
          [undefined, undefined, undefined],
        );
        assert(
          none.r.warnings?.some((w) => /temperature and topP and top_k were not sent/.test(w)),
          String(none.r.warnings),
        );
        // The registry decides, not the name: a registry of one's own can say otherwise.
        const registry = sdk.registry.createRegistry({
          models: [{ id: 'claude-sonnet-4-0', exclusiveSampling: true }],
        });
        const custom = await sample('claude-sonnet-4-0', { registry });
        equal(custom.body.top_p, undefined, 'custom registry: temperature only');
      },
    ],
    [
      'anthropic: a thinking budget on a model that only thinks adaptively is sent as adaptive',
      async () => {
        const s = await scenario({ reply: { thinking: 'Adaptive.' } });
        const m = model(s.endpoint, { model: 'claude-opus-4-7' });
        const r = await m.chat('why?', { thinking: { type: 'enabled', budgetTokens: 4000 } });
        equal(r.thinking, 'Adaptive.');
        deepEqual((await s.requests())[0].body.thinking, { type: 'adaptive' });
        assert(
          r.warnings?.some((w) => /budgetTokens \(4000\) was not sent.*requireBudget/.test(w)),
          String(r.warnings),
        );
        const plain = await m.chat('why?', { thinking: true });
        deepEqual((await s.requests())[1].body.thinking, { type: 'adaptive' });
        equal(plain.warnings, undefined, 'no budget given, nothing to warn about');
        const err = await rejects(
          m.chat('why?', { thinking: { enabled: true, budgetTokens: 4000, requireBudget: true } }),
          named('InvalidRequestError'),
        );
        assert(/only thinks adaptively.*requireBudget/.test(err.message), err.message);
        equal((await s.requests()).length, 2, 'nothing sent for the refused call');
        // Models with a budget range keep the budget.
        await model(s.endpoint).chat('why?', { thinking: { type: 'enabled', budgetTokens: 4000 } });
        deepEqual((await s.requests())[2].body.thinking, {
          type: 'enabled',
          budget_tokens: 4000,
        });
      },
    ],
    [
      'anthropic: object() with thinking on a tool-mode model asks for the tool with tool_choice auto',
      async () => {
        const answer = { name: 'Ada', age: 36 };
        const s = await scenario({ reply: { toolCalls: [{ name: 'person', arguments: answer }] } });
        const m = model(s.endpoint, { model: 'claude-3-7-sonnet-20250219' });
        const opts = {
          schema: personSchema,
          jsonSchema: personJsonSchema,
          schemaName: 'person',
          thinking: { type: 'enabled', budgetTokens: 2000 },
        };
        const r = await m.object('A person', opts);
        deepEqual(r.data, answer);
        equal(r.finishReason, 'stop');
        equal(r.toolCalls, undefined, 'the schema tool is the answer, not a call');
        const [req] = await s.requests();
        deepEqual(req.body.tool_choice, { type: 'auto' });
        equal(req.body.tools.at(-1).name, 'person');
        assert(/calling the `person` tool/.test(req.body.system), req.body.system);
        // Without the tool call, the answer is read from the text.
        const s2 = await scenario({ reply: { text: JSON.stringify(answer) } });
        const r2 = await model(s2.endpoint, { model: 'claude-3-7-sonnet-20250219' }).object(
          'A person',
          opts,
        );
        deepEqual(r2.data, answer);
        // Without thinking the tool is still forced.
        await m.object('A person', { ...opts, thinking: undefined });
        deepEqual((await s.requests()).at(-1).body.tool_choice, { type: 'tool', name: 'person' });
      },
    ],
    [
      "anthropic: object() sends Anthropic's schema subset; the full schema still validates",
      async () => {
        const bad = { name: 'Ada', age: 200, tags: ['x'] };
        const good = { name: 'Ada', age: 36, tags: ['math', 'engines'] };
        const s = await scenario({
          reply: [{ text: JSON.stringify(bad) }, { text: JSON.stringify(good) }],
        });
        const jsonSchema = deepFreeze(structuredClone(limitedJsonSchema));
        const r = await model(s.endpoint).object('A person', {
          schema: limitedSchema,
          jsonSchema,
        });
        deepEqual(r.data, good);
        const reqs = await s.requests();
        equal(reqs.length, 2, 'the out-of-range answer was re-asked');
        const sent = reqs[0].body.output_config.format.schema;
        equal(sent.additionalProperties, false);
        deepEqual(Object.keys(sent.properties.age).sort(), ['description', 'type']);
        equal(
          sent.properties.age.description,
          'Years.\n\nConstraints: {"minimum":0,"maximum":150}',
        );
        equal(sent.properties.name.pattern, '^[A-Z]', 'a simple pattern is kept');
        equal(sent.properties.name.minLength, undefined);
        equal(sent.properties.tags.minItems, undefined);
        assert(
          /"minItems":2,"maxItems":4,"uniqueItems":true/.test(sent.properties.tags.description),
        );
        deepEqual(jsonSchema, limitedJsonSchema, "the caller's schema is unchanged");
      },
    ],
    [
      'anthropic: maxTokens above the model maximum is refused before any request',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint, { model: 'claude-3-5-haiku-20241022' });
        const err = await rejects(m.chat('x', { maxTokens: 8193 }), named('InvalidRequestError'));
        assert(/maxTokens 8193 is above .*8192/.test(err.message), err.message);
        equal((await s.requests()).length, 0, 'nothing sent');
        equal(
          (await m.chat('x', { maxTokens: 8192 })).text,
          'Echo: x',
          'the maximum itself is fine',
        );
        // A model the registry does not know: the provider decides.
        await model(s.endpoint, { model: 'claude-future-9' }).chat('x', { maxTokens: 500000 });
        equal((await s.requests()).at(-1).body.max_tokens, 500000);
      },
    ],
    [
      'anthropic: toolChoice without tools is not sent (auto, none) or refused (required, a name)',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const r = await m.chat('x', { toolChoice: 'auto' });
        equal((await s.requests())[0].body.tool_choice, undefined);
        assert(r.warnings?.some((w) => /toolChoice 'auto' was not sent/.test(w)));
        for (const toolChoice of ['required', { name: 'get_weather' }]) {
          const err = await rejects(m.chat('x', { toolChoice }), named('InvalidRequestError'));
          assert(/needs tools/.test(err.message), err.message);
        }
        equal((await s.requests()).length, 1, 'refused calls send nothing');
        await m.chat('x', { tools: [weatherTool], toolChoice: 'required' });
        deepEqual((await s.requests())[1].body.tool_choice, { type: 'any' });
      },
    ],
    [
      'anthropic: tool results without their tool call, and unanswered tool calls, are refused early',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const call = { id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } };
        const stray = await rejects(
          m.chat([
            { role: 'user', content: 'hi' },
            { role: 'tool', toolCallId: 'toolu_9', content: '18°C' },
          ]),
          named('InvalidRequestError'),
        );
        assert(/Message 1 \(tool\) answers "toolu_9"/.test(stray.message), stray.message);
        const open = await rejects(
          m.chat([
            { role: 'user', content: 'weather?' },
            { role: 'assistant', content: '', toolCalls: [call] },
            { role: 'user', content: 'never mind' },
          ]),
          named('InvalidRequestError'),
        );
        assert(/calls toolu_1 but no tool result/.test(open.message), open.message);
        equal((await s.requests()).length, 0, 'nothing sent');
        const r = await m.chat(
          [
            { role: 'user', content: 'weather?' },
            { role: 'assistant', content: '', toolCalls: [call] },
            { role: 'tool', toolCallId: 'toolu_1', content: '18°C' },
          ],
          { tools: [weatherTool] },
        );
        assert(/18°C/.test(r.text), r.text);
      },
    ],
    [
      'anthropic: with strictModels the emulator answers 404 for ids the registry does not know',
      async () => {
        const s = await scenario({ strictModels: true });
        const err = await rejects(model(s.endpoint, { model: 'claude-nope-1' }).chat('x'));
        equal(err.status, 404);
        equal(err.errorType, 'not_found_error');
        assert(/claude-nope-1/.test(err.message), err.message);
        equal((await s.requests()).length, 1, 'a 404 is not retried');
        equal((await model(s.endpoint).chat('x')).text, 'Echo: x', 'a registry model is served');
      },
    ],
    [
      'anthropic: 1-hour cache writes are counted apart and priced at twice the input price',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint); // claude-sonnet-4-6: input $3, 5-minute write $3.75, 1-hour $6
        /** Checks `r.cost` against the prices, with cache writes at `write` dollars per million. */
        const priced = (/** @type {any} */ r, /** @type {number} */ write) => {
          const u = r.usage;
          const want =
            ((u.inputTokens - u.cacheWriteTokens) * 3 + u.cacheWriteTokens * write) / 1e6 +
            (u.outputTokens * 15) / 1e6;
          assert(Math.abs(r.cost - want) < 1e-12, `cost ${r.cost}, expected ${want} (${write}/M)`);
        };
        const hour = await m.chat('q1', {
          system: 'Shared.',
          cacheControl: { ttl: '1h', system: true },
        });
        assert(hour.usage.cacheWriteTokens > 0, 'written');
        equal(hour.usage.cacheWrite1hTokens, hour.usage.cacheWriteTokens, 'all 1-hour');
        priced(hour, 6);
        const five = await m.chat('q2', { system: 'Other.', cacheControl: { system: true } });
        equal(five.usage.cacheWrite1hTokens, 0);
        priced(five, 3.75);
        // Without the split in the answer, writes under 1-hour breakpoints are still 1-hour.
        const s2 = await scenario({ reply: { usage: { cache_creation: null } } });
        const old = await model(s2.endpoint).chat('q3', {
          system: 'Third.',
          cacheControl: { ttl: '1h', system: true },
        });
        equal(old.usage.cacheWrite1hTokens, old.usage.cacheWriteTokens);
        priced(old, 6);
      },
    ],
  ];
}
