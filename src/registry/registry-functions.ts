/**
 * The registry queries as free functions over the default registry of built-in models (the Python
 * original's `filter_models`, `compare_models`, … in TypeScript naming). For your own models, call the
 * same methods on an instance from `createRegistry()`.
 * @module
 */
import type { ModelComparison } from './compare-models.ts';
import { getDefaultRegistry } from './default-registry.ts';
import type { FilterModelsOptions } from './filter-models.ts';
import type { ModelFeature } from './supports-feature.ts';
import type {
  Capability,
  ModelCapabilities,
  ModelInfo,
  ModelProvider,
  ModelTier,
} from './types.ts';

/**
 * Ids of the models whose context window is at least `minTokens`.
 * @param minTokens - The smallest acceptable context window.
 * @returns Model ids, grouped by provider.
 * @example getModelsWithContextWindowGte(1_000_000) // ['gpt-4.1', …, 'gemini-2.5-pro', …]
 */
export function getModelsWithContextWindowGte(minTokens: number): string[] {
  return getDefaultRegistry().getModelsWithContextWindowGte(minTokens);
}

/**
 * Ids of the models meeting every given criterion; deprecated models are left out unless
 * `excludeDeprecated: false`.
 * @param options - The criteria.
 * @returns Model ids, grouped by provider.
 * @throws UnknownCapabilityError when `capabilities` names one that does not exist.
 * @example
 * ```ts
 * filterModels({ minContext: 100_000, capabilities: ['tools', 'vision'], tiers: ['mini', 'flash'] });
 * ```
 */
export function filterModels(options: FilterModelsOptions = {}): string[] {
  return getDefaultRegistry().filterModels(options);
}

/**
 * Summarises models side by side; unknown ids are skipped.
 * @param ids - Model ids.
 * @returns A record from id to provider, tier, status, limits, main capabilities and prices.
 * @example compareModels(['gpt-5', 'claude-sonnet-4-20250514', 'gemini-2.5-pro'])
 */
export function compareModels(ids: readonly string[]): Record<string, ModelComparison> {
  return getDefaultRegistry().compareModels(ids);
}

/**
 * Everything the registry knows about a model.
 * @param id - A model id (or a Vertex AI id such as `claude-sonnet-4-6@default`).
 * @returns The model, or `undefined` when unknown.
 */
export function getModelDetails(id: string): ModelInfo | undefined {
  return getDefaultRegistry().getModelDetails(id);
}

/**
 * Ids of every built-in model.
 * @returns Model ids, grouped by provider.
 */
export function getAllModels(): string[] {
  return getDefaultRegistry().getAllModels();
}

/**
 * Ids of one provider's models.
 * @param provider - `openai`, `anthropic`, `google` or `xai` (case-insensitive; `grok` means `xai`).
 * @returns Model ids; empty for an unknown provider.
 */
export function getProviderModels(provider: ModelProvider): string[] {
  return getDefaultRegistry().getProviderModels(provider);
}

/**
 * A model's capability flags.
 * @param id - A model id.
 * @returns The flags, or `undefined` for an unknown model.
 */
export function getModelCapabilities(id: string): ModelCapabilities | undefined {
  return getDefaultRegistry().getModelCapabilities(id);
}

/**
 * Whether a model is deprecated (or retired: ids models.dev no longer lists).
 * @param id - A model id.
 * @returns True when deprecated; false for active, preview and unknown models.
 */
export function isModelDeprecated(id: string): boolean {
  return getDefaultRegistry().isModelDeprecated(id);
}

/**
 * Whether a model has a feature, from the data only (unknown models have none).
 * @param id - A model id.
 * @param feature - A capability, `reasoningEffort`, `thinkingBudget`, `maxCompletionTokens`,
 *   `audioInput`, `pdfInput` or `videoInput`.
 * @returns True when the model has the feature.
 * @throws UnknownCapabilityError for an unknown feature name.
 */
export function supportsFeature(id: string, feature: ModelFeature): boolean {
  return getDefaultRegistry().supportsFeature(id, feature);
}

/**
 * Ids of the models with a capability.
 * @param capability - One of `tools`, `vision`, `structuredOutput`, `reasoning`, `thinking`,
 *   `grammar`, `temperature`.
 * @returns Model ids, deprecated ones included.
 * @throws UnknownCapabilityError for another name; its message lists the valid ones.
 */
export function getModelsWithCapability(capability: Capability): string[] {
  return getDefaultRegistry().getModelsWithCapability(capability);
}

/**
 * Ids of the models of a tier.
 * @param tier - A {@link ModelTier}.
 * @returns Model ids, deprecated ones included.
 */
export function getModelsByTier(tier: ModelTier): string[] {
  return getDefaultRegistry().getModelsByTier(tier);
}

/**
 * A Markdown table of every built-in model, sorted by id: limits, capabilities (✓/✗), status and prices.
 * @returns The table.
 */
export function generateCapabilityTable(): string {
  return getDefaultRegistry().generateCapabilityTable();
}
