// AnthropicModel's pure parts (message conversion, thinking, limits, the structured-output schema
// subset) and key safety.
// No runtime suffix: vitest runs it in Node, Chromium and workerd. The wire behaviour is covered by
// test/shared/cases-anthropic.mjs (emulator and Prism) in all five runtimes.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ModelSpec } from '../src/core/model-spec.ts';
import type { Message } from '../src/core/types.ts';
import { InvalidRequestError, MissingKeyError } from '../src/index.ts';
import { AnthropicModel } from '../src/providers/anthropic/index.ts';
import { anthropicMaxOutput } from '../src/providers/anthropic/anthropic-max-output.ts';
import { anthropicSpec } from '../src/providers/anthropic/anthropic-spec.ts';
import { toAnthropicSchema } from '../src/providers/anthropic/to-anthropic-schema.ts';
import { convertToAnthropicMessages } from '../src/providers/anthropic/convert-to-anthropic-messages.ts';
import { anthropicRichMessages } from '../src/providers/anthropic/anthropic-rich-messages.ts';
import {
  MIN_THINKING_BUDGET,
  prepareAnthropicThinking,
} from '../src/providers/anthropic/prepare-anthropic-thinking.ts';
import { MIN_THINKING_BUDGET as EFFORT_MIN_BUDGET } from '../src/providers/anthropic/prepare-anthropic-effort.ts';
import { applyAnthropicCacheControl } from '../src/providers/anthropic/anthropic-cache-control.ts';

describe('anthropicMaxOutput', () => {
  it('reads the registry, strips date suffixes, falls back by family, then to 4096', async () => {
    const max = async (id: string) => anthropicMaxOutput(id, await anthropicSpec(id));
    expect(await max('claude-opus-4-6')).toBe(128_000);
    expect(await max('claude-3-5-haiku-20241022')).toBe(8_192);
    expect(await max('claude-sonnet-4-6')).toBe(64_000);
    expect((await anthropicSpec('claude-sonnet-4-5-20990101'))?.maxOutputTokens).toBe(64_000);
    expect(anthropicMaxOutput('claude-opus-4-1-20990101')).toBe(32_000);
    expect(anthropicMaxOutput('claude-3-haiku-20990101')).toBe(4_096);
    expect(anthropicMaxOutput('my-finetune')).toBe(4_096);
  });
});

describe('prepareAnthropicThinking', () => {
  it('has the same smallest budget as the effort step (each keeps its own copy)', () => {
    expect(EFFORT_MIN_BUDGET).toBe(MIN_THINKING_BUDGET);
    expect(MIN_THINKING_BUDGET).toBe(1024);
  });

  it('accepts the wire, camelCase and original shapes', () => {
    expect(prepareAnthropicThinking(true, undefined, 64_000)).toEqual({
      wire: { type: 'enabled', budget_tokens: 1600 },
      on: true,
      maxTokens: 64_000,
    });
    expect(
      prepareAnthropicThinking({ enabled: true, budget_tokens: 3000 }, 4000, 64_000).wire,
    ).toEqual({
      type: 'enabled',
      budget_tokens: 3000,
    });
    expect(
      prepareAnthropicThinking({ type: 'adaptive', display: 'omitted' }, undefined, 1).wire,
    ).toEqual({
      type: 'adaptive',
      display: 'omitted',
    });
    expect(prepareAnthropicThinking({ enabled: false }, undefined, 9).wire).toEqual({
      type: 'disabled',
    });
    expect(prepareAnthropicThinking(undefined, 5, 9)).toEqual({ on: false, maxTokens: 5 });
  });
  it('rejects a budget not below the model maximum when maxTokens is unset', () => {
    expect(() =>
      prepareAnthropicThinking({ type: 'enabled', budgetTokens: 8192 }, undefined, 8192),
    ).toThrow(/less than this model's maximum output \(8192\)/);
    expect(() =>
      prepareAnthropicThinking({ type: 'enabled', budgetTokens: 1.5e3 + 0.5 }, 9000, 9000),
    ).toThrow(InvalidRequestError);
  });
});

describe('prepareAnthropicThinking on models that only think adaptively', () => {
  let opus: ModelSpec | undefined;
  beforeAll(async () => {
    opus = await anthropicSpec('claude-opus-4-7');
  });
  it('reads the registry: no budget range means adaptive only', async () => {
    expect(opus?.capabilities.thinking).toBe(true);
    expect(opus?.reasoning?.budgetMin).toBeUndefined();
    expect((await anthropicSpec('claude-opus-4-6'))?.reasoning?.budgetMin).toBe(1024);
  });
  it('sends a budget as adaptive with a warning, a plain `true` without one', () => {
    const budget = prepareAnthropicThinking(
      { type: 'enabled', budgetTokens: 3000, display: 'omitted' },
      undefined,
      128_000,
      opus,
      'claude-opus-4-7',
    );
    expect(budget.wire).toEqual({ type: 'adaptive', display: 'omitted' });
    expect(budget.warning).toMatch(/budgetTokens \(3000\) was not sent: claude-opus-4-7/);
    const plain = prepareAnthropicThinking(true, undefined, 128_000, opus);
    expect(plain).toEqual({ wire: { type: 'adaptive' }, on: true, maxTokens: 128_000 });
  });
  it('throws under requireBudget, and leaves models it does not know alone', () => {
    expect(() =>
      prepareAnthropicThinking({ enabled: true, requireBudget: true }, undefined, 128_000, opus),
    ).toThrow(InvalidRequestError);
    expect(
      prepareAnthropicThinking({ type: 'enabled', budgetTokens: 2000 }, undefined, 9000).wire,
    ).toEqual({ type: 'enabled', budget_tokens: 2000 });
  });
});

describe('convertToAnthropicMessages', () => {
  it('joins leading system messages, merges same-role turns and tool results into one user turn', async () => {
    const out = await convertToAnthropicMessages([
      { role: 'system', content: 'a' },
      { role: 'system', content: 'b' },
      { role: 'user', content: 'q1' },
      { role: 'user', content: 'q2' },
      {
        role: 'assistant',
        content: '',
        reasoning: [{ type: 'thinking', text: 'no signature' }],
        toolCalls: [
          { id: 't1', name: 'f', arguments: '{"x":1}' },
          { id: 't2', name: 'g', arguments: {} },
        ],
      },
      { role: 'tool', toolCallId: 't1', content: 'r1' },
      { role: 'tool', toolCallId: 't2', content: 'r2' },
      { role: 'user', content: 'thanks' },
      { role: 'assistant', content: '' },
    ]);
    expect(out.system).toBe('a\n\nb');
    expect(out.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(out.messages[0]!.content).toHaveLength(2);
    expect(out.messages[1]!.content).toEqual([
      { type: 'tool_use', id: 't1', name: 'f', input: { x: 1 } },
      { type: 'tool_use', id: 't2', name: 'g', input: {} },
    ]);
    expect(out.messages[2]!.content.map((b) => b.type)).toEqual([
      'tool_result',
      'tool_result',
      'text',
    ]);
    expect(out.warnings[0]).toMatch(/without a signature/);
  });
  it('converts a plain conversation as the rich conversion does: same-role turns merged, empty assistant turns left out', async () => {
    const plain: Message[] = [
      { role: 'system', content: 'a' },
      { role: 'user', content: 'q1' },
      { role: 'user', content: '' },
      { role: 'assistant', content: 'r1' },
      { role: 'assistant', content: '' },
      { role: 'assistant', content: 'r2' },
      { role: 'user', content: 'q2' },
    ];
    const text = (t: string) => ({ type: 'text', text: t });
    const out = await convertToAnthropicMessages(plain);
    expect(out).toEqual({
      system: 'a',
      messages: [
        { role: 'user', content: [text('q1'), text('')] },
        { role: 'assistant', content: [text('r1'), text('r2')] },
        { role: 'user', content: [text('q2')] },
      ],
      warnings: [],
    });
    expect(await anthropicRichMessages(plain)).toEqual(out);
    await expect(
      convertToAnthropicMessages([...plain, { role: 'system', content: 'late' }]),
    ).rejects.toThrow(/^Message 7 has role system after the conversation started/);
  });
  it('rejects tool arguments that are not a JSON object', async () => {
    await expect(
      convertToAnthropicMessages([
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 't', name: 'f', arguments: 'not json' }],
        },
      ]),
    ).rejects.toThrow(/must be a JSON object/);
  });
});

describe('toAnthropicSchema and cache control', () => {
  it('closes objects without touching properties named like keywords', () => {
    const schema = {
      type: 'object',
      properties: { type: { type: 'string' }, minimum: { type: 'object' } },
    };
    expect(toAnthropicSchema(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { type: 'string' },
        minimum: { type: 'object', additionalProperties: false },
      },
    });
    expect(schema).not.toHaveProperty('additionalProperties');
  });
  it('moves what Anthropic refuses into the description, keeps its subset, never mutates', () => {
    const schema = Object.freeze({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: Object.freeze({
        n: Object.freeze({ type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 }),
        id: Object.freeze({ type: 'string', format: 'uuid', pattern: '^[a-f0-9-]+$' }),
        word: Object.freeze({ type: 'string', format: 'color', pattern: '\\bcat\\b' }),
        one: Object.freeze({
          type: 'array',
          items: Object.freeze({ type: 'integer' }),
          minItems: 1,
        }),
        map: Object.freeze({
          type: 'object',
          additionalProperties: Object.freeze({ type: 'string' }),
        }),
        pick: Object.freeze({ oneOf: Object.freeze([{ const: 'a' }, { type: 'null' }]) }),
      }),
      $defs: Object.freeze({ d: Object.freeze({ type: 'string', maxLength: 3 }) }),
    });
    expect(toAnthropicSchema(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        n: { type: 'number', description: 'Constraints: {"exclusiveMinimum":0,"multipleOf":0.5}' },
        id: { type: 'string', format: 'uuid', pattern: '^[a-f0-9-]+$' },
        word: {
          type: 'string',
          description: 'Constraints: {"format":"color","pattern":"\\\\bcat\\\\b"}',
        },
        one: { type: 'array', items: { type: 'integer' }, minItems: 1 },
        map: {
          type: 'object',
          additionalProperties: false,
          description: 'Constraints: {"additionalProperties":{"type":"string"}}',
        },
        pick: { anyOf: [{ const: 'a' }, { type: 'null' }] },
      },
      $defs: { d: { type: 'string', description: 'Constraints: {"maxLength":3}' } },
    });
  });
  it('rejects an unknown cacheControl value', () => {
    expect(() => applyAnthropicCacheControl('yes', { messages: [] })).toThrow(InvalidRequestError);
    expect(() => applyAnthropicCacheControl({ ttl: '2h' }, { messages: [] })).toThrow(/5m/);
  });
});

describe('AnthropicModel keys and options', () => {
  it('never sends an ANTHROPIC_API_KEY from the environment to another host', async () => {
    const model = new AnthropicModel({
      endpoint: `${inject('emulatorUrl')}/s/anth-key-host`,
      env: { ANTHROPIC_API_KEY: 'sk-ant-secret' },
      cache: false,
      dangerouslyAllowBrowser: true,
    });
    const err = await model.chat('hi').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingKeyError);
    expect(String(err)).not.toContain('sk-ant-secret');
  });
  it('rejects a forced tool choice with thinking before any request', async () => {
    let calls = 0;
    const model = new AnthropicModel({
      apiKey: 'k',
      cache: false,
      dangerouslyAllowBrowser: true,
      fetch: async () => (calls++, new Response('{}')),
    });
    const tools = [{ name: 'f', parameters: { type: 'object' } }];
    await expect(
      model.chat('q', { tools, toolChoice: 'required', thinking: true }),
    ).rejects.toThrow(/only accepts 'auto' or 'none'/);
    expect(calls).toBe(0);
  });
});
