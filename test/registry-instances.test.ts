// The model registry's entries (src/registry): the built-in data and slice lookups, registries made
// with createRegistry (isolated, overridable, frozen), and computeCost over entries and specs.
// Queries such as filterModels are in registry-queries.test.ts.
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../src/core/errors/invalid-request-error.ts';
import { ANTHROPIC_DEFAULT_MODEL } from '../src/providers/anthropic/index.ts';
import { GOOGLE_DEFAULT_MODEL } from '../src/providers/google/index.ts';
import { OPENAI_DEFAULT_MODEL } from '../src/providers/openai/index.ts';
import { XAI_DEFAULT_MODEL } from '../src/providers/xai/index.ts';
import { anthropicModels } from '../src/registry/data/anthropic.ts';
import { openaiModels } from '../src/registry/data/openai.ts';
import {
  computeCost,
  createRegistry,
  DEFAULT_MODELS,
  findModelSpec,
  getAllModels,
  getModelDetails,
  getProviderModels,
  supportsFeature,
} from '../src/registry/index.ts';

describe('built-in data', () => {
  // Exact figures: a data refresh that adds or drops models must update these and the README's
  // "knows N text models" (checked against getAllModels() in registry-data.node.test.ts).
  it('has exactly 147 text models: 80 OpenAI, 29 Anthropic, 20 Google, 18 xAI, unique ids', () => {
    const all = getAllModels();
    const perProvider = { openai: 80, anthropic: 29, google: 20, xai: 18 };
    for (const [p, count] of Object.entries(perProvider)) {
      expect(getProviderModels(p).length, p).toBe(count);
    }
    expect(all.length).toBe(147);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice().sort()).toEqual(Object.keys(perProvider).flatMap(getProviderModels).sort());
    for (const id of all) expect(getModelDetails(id)?.outputModalities).toEqual(['text']);
  });

  it('includes the ids of the README examples and the defaults', () => {
    for (const id of ['gpt-5', 'o3-mini', 'claude-sonnet-4-20250514', 'gemini-2.5-pro', 'grok-4']) {
      expect(getModelDetails(id), id).toBeDefined();
    }
    for (const [provider, id] of Object.entries(DEFAULT_MODELS)) {
      const info = getModelDetails(id);
      expect(info?.provider).toBe(provider);
      expect(info?.status).not.toBe('deprecated');
    }
  });

  it("uses the registry's defaults as each model class's default model", () => {
    const classDefaults = {
      openai: OPENAI_DEFAULT_MODEL,
      anthropic: ANTHROPIC_DEFAULT_MODEL,
      google: GOOGLE_DEFAULT_MODEL,
      xai: XAI_DEFAULT_MODEL,
    };
    expect(classDefaults).toEqual(DEFAULT_MODELS);
  });

  it('flags o3-mini and gpt-5 as needing max_completion_tokens and rejecting temperature', () => {
    for (const id of ['o3-mini', 'gpt-5']) {
      const info = getModelDetails(id);
      expect(info?.requiresMaxCompletionTokens, id).toBe(true);
      expect(info?.capabilities.temperature, id).toBe(false);
      expect(supportsFeature(id, 'maxCompletionTokens')).toBe(true);
      expect(supportsFeature(id, 'temperature')).toBe(false);
    }
    expect(getModelDetails('gpt-4o')?.requiresMaxCompletionTokens).toBe(false);
    expect(getModelDetails('gpt-4o')?.capabilities.temperature).toBe(true);
  });

  it('marks the Claude models that refuse temperature with top_p (Opus 4.1 and later)', () => {
    const later = ['claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-7'];
    for (const id of later) expect(getModelDetails(id)?.exclusiveSampling, id).toBe(true);
    for (const id of ['claude-sonnet-4-0', 'claude-opus-4-20250514', 'claude-3-7-sonnet-latest']) {
      expect(getModelDetails(id)?.exclusiveSampling, id).toBe(false);
    }
    expect(getModelDetails('gpt-4o')?.exclusiveSampling).toBe(false);
    expect(findModelSpec(anthropicModels, 'claude-sonnet-4-5')?.exclusiveSampling).toBe(true);
  });

  it('carries reasoning options, prices, platforms and provenance', () => {
    expect(getModelDetails('gpt-5')?.reasoning?.efforts).toEqual([
      'minimal',
      'low',
      'medium',
      'high',
    ]);
    const sonnet = getModelDetails('claude-sonnet-4-20250514');
    expect(sonnet?.capabilities.thinking).toBe(true);
    expect(sonnet?.reasoning?.budgetMin).toBe(1024);
    expect(sonnet?.pricing).toMatchObject({
      input: 3,
      output: 15,
      cachedInput: 0.3,
      cacheWrite: 3.75,
    });
    expect(sonnet?.platforms).toEqual(['api', 'vertex']);
    expect(getModelDetails('claude-sonnet-4@20250514')?.id).toBe('claude-sonnet-4-20250514');
    expect(getModelDetails('gemini-2.5-flash')?.reasoning).toMatchObject({
      budgetMin: 0,
      budgetMax: 24576,
    });
    expect(getModelDetails('gemini-2.0-flash-lite')?.platforms).toEqual(['api']);
    expect(getModelDetails('gpt-5')?.source).toBe('models.dev');
    const dated = getModelDetails('gpt-5-2025-08-07');
    expect(dated).toMatchObject({ source: 'original', aliasOf: 'gpt-5', contextWindow: 400000 });
    expect(getModelDetails('grok-4')).toMatchObject({ source: 'original', status: 'deprecated' });
  });

  it('decodes an adapter-facing spec from one provider slice', () => {
    const spec = findModelSpec(openaiModels, 'o3-mini');
    expect(spec).toMatchObject({ provider: 'openai', requiresMaxCompletionTokens: true });
    expect(spec?.capabilities.temperature).toBe(false);
    expect(findModelSpec(openaiModels, 'claude-sonnet-4-6')).toBeUndefined();
    expect(findModelSpec(anthropicModels, 'claude-sonnet-4-6')?.maxOutputTokens).toBe(64000);
    expect(findModelSpec(openaiModels, 'no-such-model')).toBeUndefined();
  });
});

describe('createRegistry', () => {
  it('adds models on an instance without touching others or the default registry', () => {
    const a = createRegistry({
      models: [{ id: 'llama-3.1-8b', provider: 'vLLM', contextWindow: 131072, tier: 'small' }],
    });
    const b = createRegistry();
    expect(a.getModelDetails('llama-3.1-8b')).toMatchObject({
      provider: 'vllm',
      source: 'user',
      contextWindow: 131072,
      maxOutputTokens: 4096,
    });
    expect(a.getModelDetails('llama-3.1-8b')?.capabilities.temperature).toBe(true);
    expect(a.getProviderModels('vllm')).toEqual(['llama-3.1-8b']);
    expect(a.getModelsByTier('small')).toContain('llama-3.1-8b');
    expect(b.getModelDetails('llama-3.1-8b')).toBeUndefined();
    expect(getModelDetails('llama-3.1-8b')).toBeUndefined();
  });

  it('overrides by id, merging capabilities and pricing', () => {
    const r = createRegistry({
      models: [{ id: 'gpt-4o', pricing: { input: 1 }, capabilities: { tools: false } }],
    });
    const info = r.getModelDetails('gpt-4o');
    expect(info?.pricing).toMatchObject({ input: 1, output: 10, cachedInput: 1.25 });
    expect(info?.capabilities).toMatchObject({ tools: false, vision: true });
    expect(info?.contextWindow).toBe(128000);
    expect(getModelDetails('gpt-4o')?.pricing.input).toBe(2.5);
    expect(createRegistry().getModelDetails('gpt-4o')?.capabilities.tools).toBe(true);
  });

  it('includes only the requested providers', () => {
    const r = createRegistry({ include: ['anthropic'] });
    expect(r.getProviderModels('openai')).toEqual([]);
    expect(r.getAllModels()).toEqual(getProviderModels('anthropic'));
  });

  it('refuses an `include` that names no built-in provider with an InvalidRequestError, never a TypeError', () => {
    for (const include of [
      ['foo'],
      ['constructor'],
      ['openai', 'toString'],
      ['openai', undefined],
      'openai',
      [1],
      null,
    ]) {
      const run = () => createRegistry({ include: include as never });
      expect(run, JSON.stringify(include)).toThrow(InvalidRequestError);
      expect(run).toThrow(/`include` must be an array of 'openai', 'anthropic', 'google', 'xai'/);
    }
    expect(() => createRegistry({ include: ['foo'] as never })).toThrow(/got 'foo'/);
    expect(createRegistry({ include: [] }).getAllModels()).toEqual([]);
  });

  it('returns frozen entries', () => {
    const info = getModelDetails('gpt-5')!;
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.capabilities)).toBe(true);
    expect(Object.isFrozen(createRegistry().models)).toBe(true);
  });
});

describe('computeCost', () => {
  it('prices input and output per million tokens', () => {
    const cost = computeCost(getModelDetails('gpt-4o'), { inputTokens: 1000, outputTokens: 500 });
    expect(cost).toBeCloseTo((1000 * 2.5 + 500 * 10) / 1e6, 12);
  });

  it('bills cached input at the cached price as part of inputTokens', () => {
    const cost = computeCost(getModelDetails('gpt-4o'), {
      inputTokens: 1000,
      cachedInputTokens: 800,
      outputTokens: 200,
      reasoningTokens: 50, // already in outputTokens
    });
    expect(cost).toBeCloseTo((200 * 2.5 + 800 * 1.25 + 200 * 10) / 1e6, 12);
  });

  it('bills Anthropic cache writes at the write price', () => {
    const cost = computeCost(getModelDetails('claude-sonnet-4-20250514'), {
      inputTokens: 3000,
      cachedInputTokens: 1000,
      cacheWriteTokens: 1500,
      outputTokens: 100,
    });
    expect(cost).toBeCloseTo((500 * 3 + 1000 * 0.3 + 1500 * 3.75 + 100 * 15) / 1e6, 12);
  });

  it('bills 1-hour cache writes at the 1-hour price (2x input), the rest at the 5-minute one', () => {
    const sonnet = getModelDetails('claude-sonnet-4-6');
    expect(sonnet?.pricing).toMatchObject({ input: 3, cacheWrite: 3.75, cacheWrite1h: 6 });
    const cost = computeCost(sonnet, {
      inputTokens: 2000,
      cacheWriteTokens: 1500,
      cacheWrite1hTokens: 1000,
      outputTokens: 100,
    });
    expect(cost).toBeCloseTo((500 * 3 + 500 * 3.75 + 1000 * 6 + 100 * 15) / 1e6, 12);
    // 1-hour writes alone still count as writes; without a 1-hour price they cost a 5-minute write.
    expect(computeCost(sonnet, { inputTokens: 1000, cacheWrite1hTokens: 1000 })).toBeCloseTo(
      0.006,
      12,
    );
    const custom = { pricing: { input: 1, cacheWrite: 1.25 } };
    expect(computeCost(custom, { inputTokens: 1e6, cacheWrite1hTokens: 1e6 })).toBeCloseTo(
      1.25,
      12,
    );
  });

  it('uses long-context prices above the threshold', () => {
    const info = getModelDetails('gemini-2.5-pro');
    expect(info?.pricing.longContext?.threshold).toBe(200000);
    const cost = computeCost(info, { inputTokens: 300000, outputTokens: 1000 });
    expect(cost).toBeCloseTo((300000 * 2.5 + 1000 * 15) / 1e6, 12);
  });

  it('returns undefined when a needed price is unknown, 0 for no tokens', () => {
    expect(computeCost(getModelDetails('grok-4'), { inputTokens: 10 })).toBeUndefined();
    expect(computeCost(undefined, { inputTokens: 10 })).toBeUndefined();
    expect(computeCost({ pricing: { input: 1 } }, { inputTokens: 10, outputTokens: 1 })).toBe(
      undefined,
    );
    expect(computeCost({ pricing: { input: 1 } }, { inputTokens: 1_000_000 })).toBe(1);
    expect(computeCost(getModelDetails('gpt-5'), {})).toBe(0);
  });

  it('works on an adapter spec from a slice', () => {
    const spec = findModelSpec(openaiModels, 'gpt-5');
    expect(computeCost(spec, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(
      11.25,
      9,
    );
  });
});
