// Queries over the default model registry (src/registry): filterModels, compareModels, the getters
// by provider, context window, capability and tier, and the Markdown capability table. The built-in
// entries, createRegistry instances and computeCost are in registry-instances.test.ts.
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  compareModels,
  filterModels,
  generateCapabilityTable,
  getAllModels,
  getModelCapabilities,
  getModelDetails,
  getModelsByTier,
  getModelsWithCapability,
  getModelsWithContextWindowGte,
  getProviderModels,
  isModelDeprecated,
  MODEL_TIERS,
  supportsFeature,
  UnknownCapabilityError,
  type Capability,
  type ModelFeature,
} from '../src/registry/index.ts';

describe('queries', () => {
  it('filterModels: the README example returns current mini/flash models with tools and vision', () => {
    const ids = filterModels({
      minContext: 100000,
      capabilities: ['tools', 'vision'],
      tiers: ['mini', 'flash'],
      excludeDeprecated: true,
    });
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'gpt-5-mini', 'gemini-2.5-flash']));
    for (const id of ids) {
      const m = getModelDetails(id)!;
      expect(m.status).not.toBe('deprecated');
      expect(m.contextWindow).toBeGreaterThanOrEqual(100000);
      expect(m.capabilities.tools && m.capabilities.vision).toBe(true);
      expect(['mini', 'flash']).toContain(m.tier);
    }
    // o3-mini takes no images, so it is out.
    expect(ids).not.toContain('o3-mini');
  });

  it('filterModels: every other criterion', () => {
    expect(filterModels({ providers: ['Grok'] }).every((id) => id.startsWith('grok'))).toBe(true);
    expect(filterModels({ providers: ['xai'], excludeDeprecated: false })).toContain('grok-4');
    expect(filterModels({ providers: ['xai'] })).not.toContain('grok-4');
    const small = filterModels({ maxContext: 16385, excludeDeprecated: false });
    expect(small).toContain('gpt-3.5-turbo');
    expect(small.every((id) => getModelDetails(id)!.contextWindow <= 16385)).toBe(true);
    const bigOut = filterModels({ minOutput: 128000 });
    expect(bigOut.every((id) => getModelDetails(id)!.maxOutputTokens >= 128000)).toBe(true);
    const cheap = filterModels({ maxInputPrice: 0.2, maxOutputPrice: 1 });
    expect(cheap).toContain('gpt-5-nano');
    for (const id of cheap) {
      const p = getModelDetails(id)!.pricing;
      expect(p.input! <= 0.2 && p.output! <= 1).toBe(true);
    }
    expect(filterModels().length).toBeLessThan(getAllModels().length);
    expect(filterModels({ excludeDeprecated: false })).toEqual(getAllModels());
    expect(() => filterModels({ capabilities: ['audio' as Capability] })).toThrow(
      UnknownCapabilityError,
    );
  });

  it('compareModels: the README example, unknown ids skipped', () => {
    const c = compareModels(['gpt-5', 'claude-sonnet-4-20250514', 'gemini-2.5-pro', 'nope']);
    expect(Object.keys(c)).toEqual(['gpt-5', 'claude-sonnet-4-20250514', 'gemini-2.5-pro']);
    expect(c['gpt-5']).toMatchObject({ provider: 'openai', reasoning: true, thinking: false });
    expect(c['claude-sonnet-4-20250514']).toMatchObject({ provider: 'anthropic', thinking: true });
    expect(c['gemini-2.5-pro']).toMatchObject({ provider: 'google', tier: 'pro', audio: true });
    expect(c['gemini-2.5-pro']!.contextWindow).toBeGreaterThanOrEqual(1_000_000);
  });

  it('getModelsWithContextWindowGte', () => {
    const ids = getModelsWithContextWindowGte(1_000_000);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4.1', 'gemini-2.5-pro', 'claude-sonnet-4-6']));
    expect(ids.every((id) => getModelDetails(id)!.contextWindow >= 1_000_000)).toBe(true);
    expect(getModelsWithContextWindowGte(0)).toEqual(getAllModels());
  });

  it('getProviderModels is case-insensitive and maps grok to xai', () => {
    expect(getProviderModels('GROK')).toEqual(getProviderModels('xai'));
    expect(getProviderModels('OpenAI')).toContain('gpt-5');
    expect(getProviderModels('nobody')).toEqual([]);
  });

  it('getModelCapabilities, isModelDeprecated, supportsFeature', () => {
    expect(getModelCapabilities('gpt-5')).toMatchObject({ tools: true, grammar: true });
    expect(getModelCapabilities('nope')).toBeUndefined();
    expect(isModelDeprecated('claude-3-opus-20240229')).toBe(true);
    expect(isModelDeprecated('gpt-5')).toBe(false);
    expect(isModelDeprecated('gpt-4-0613-unknown')).toBe(false);
    expect(supportsFeature('claude-sonnet-4-20250514', 'thinkingBudget')).toBe(true);
    expect(supportsFeature('o3', 'reasoningEffort')).toBe(true);
    expect(supportsFeature('gemini-2.5-pro', 'audioInput')).toBe(true);
    expect(supportsFeature('gpt-4o', 'thinking')).toBe(false);
    expect(supportsFeature('unknown-model', 'tools')).toBe(false);
    expect(() => supportsFeature('gpt-5', 'telepathy' as ModelFeature)).toThrow(
      UnknownCapabilityError,
    );
  });

  it('getModelsWithCapability, with a typed error for unknown names', () => {
    for (const cap of CAPABILITIES) {
      const ids = getModelsWithCapability(cap);
      expect(ids.length, cap).toBeGreaterThan(0);
      expect(ids.every((id) => getModelCapabilities(id)![cap])).toBe(true);
    }
    expect(getModelsWithCapability('grammar')).toEqual(
      expect.arrayContaining(['gpt-5', 'gpt-4.1']),
    );
    expect(getModelsWithCapability('grammar')).not.toContain('claude-sonnet-4-6');
    let error: unknown;
    try {
      getModelsWithCapability('search' as Capability);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownCapabilityError);
    expect((error as UnknownCapabilityError).capability).toBe('search');
    expect((error as Error).message).toContain('structuredOutput');
  });

  it('getModelsByTier covers every tier', () => {
    for (const tier of MODEL_TIERS) {
      const ids = getModelsByTier(tier);
      expect(ids.length, tier).toBeGreaterThan(0);
      expect(ids.every((id) => getModelDetails(id)!.tier === tier)).toBe(true);
    }
    expect(getModelsByTier('mini')).toContain('o3-mini');
    expect(getModelsByTier('flash')).toContain('gemini-2.5-flash');
  });

  it('generateCapabilityTable renders a sorted Markdown table', () => {
    const lines = generateCapabilityTable().split('\n');
    expect(lines[0]).toMatch(/^\| Model \| Provider \| Tier \| Context \| Output \|/);
    expect(lines[1]).toMatch(/^\|( --- \|)+$/);
    expect(lines.length).toBe(getAllModels().length + 2);
    const ids = lines.slice(2).map((l) => l.split(' | ')[0]!.slice(2));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(lines.find((l) => l.startsWith('| gpt-4o |'))).toBe(
      '| gpt-4o | openai | standard | 128,000 | 16,384 | ✓ | ✓ | ✓ | ✗ | ✗ | active | $2.5 | $10 |',
    );
  });
});
