import { BUILTIN_PROVIDERS, loadBuiltinModels, type BuiltinProvider } from './builtin-models.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { capabilityTable } from './capability-table.ts';
import { isCapability } from './capabilities.ts';
import { compareModelInfos, type ModelComparison } from './compare-models.ts';
import { filterModelList, type FilterModelsOptions } from './filter-models.ts';
import { normalizeProvider } from './normalize-provider.ts';
import {
  hasFeature,
  isModelFeature,
  MODEL_FEATURES,
  type ModelFeature,
} from './supports-feature.ts';
import type {
  Capability,
  ModelCapabilities,
  ModelDefinition,
  ModelInfo,
  ModelProvider,
  ModelTier,
} from './types.ts';
import { UnknownCapabilityError } from './unknown-capability-error.ts';

/** Options of {@link createRegistry}. */
export interface CreateRegistryOptions {
  /**
   * Models to add, or to override by id (given fields replace the built-in ones; `capabilities` and
   * `pricing` merge field by field). Use it for open models served by vLLM, or to correct a price.
   */
  readonly models?: readonly ModelDefinition[];
  /**
   * Built-in providers whose data to include.
   * @default every built-in provider: openai, anthropic, google, xai
   */
  readonly include?: readonly BuiltinProvider[];
}

/** A registry instance: an immutable set of models and the queries over it. */
export interface ModelRegistry {
  /** Every model, grouped by provider. */
  readonly models: readonly ModelInfo[];
  /** Ids of every model. */
  getAllModels(): string[];
  /** Ids of one provider's models (case-insensitive; `grok` means `xai`). */
  getProviderModels(provider: ModelProvider): string[];
  /** Everything known about a model (by id, or by Vertex id), or `undefined`. */
  getModelDetails(id: string): ModelInfo | undefined;
  /** A model's capability flags, or `undefined` for an unknown model. */
  getModelCapabilities(id: string): ModelCapabilities | undefined;
  /** Whether a model is deprecated; `false` for unknown models. */
  isModelDeprecated(id: string): boolean;
  /** Whether a model has a feature; `false` for unknown models. Throws for an unknown feature name. */
  supportsFeature(id: string, feature: ModelFeature): boolean;
  /** Ids of the models with a capability. Throws `UnknownCapabilityError` for an unknown name. */
  getModelsWithCapability(capability: Capability): string[];
  /** Ids of the models whose context window is at least `minTokens`. */
  getModelsWithContextWindowGte(minTokens: number): string[];
  /** Ids of the models of a tier. */
  getModelsByTier(tier: ModelTier): string[];
  /** Ids of the models meeting every criterion. */
  filterModels(options?: FilterModelsOptions): string[];
  /** Side-by-side summary of the known models among `ids`; unknown ids are skipped. */
  compareModels(ids: readonly string[]): Record<string, ModelComparison>;
  /** A Markdown table of every model, sorted by id. */
  generateCapabilityTable(): string;
}

const DEFAULT_CAPABILITIES: ModelCapabilities = {
  tools: false,
  vision: false,
  structuredOutput: false,
  reasoning: false,
  thinking: false,
  grammar: false,
  temperature: true,
};

/** Applies a user definition on top of an existing entry, or on top of plain-text-model defaults. */
function define(def: ModelDefinition, base: ModelInfo | undefined): ModelInfo {
  const { capabilities, pricing, ...rest } = def;
  const start: ModelInfo = base ?? {
    id: def.id,
    provider: 'custom',
    name: def.id,
    family: def.id,
    tier: 'standard',
    status: 'active',
    contextWindow: 4096,
    maxOutputTokens: 4096,
    inputModalities: ['text'],
    outputModalities: ['text'],
    capabilities: DEFAULT_CAPABILITIES,
    requiresMaxCompletionTokens: false,
    exclusiveSampling: false,
    adaptiveThinking: false,
    nativeStructuredOutput: false,
    pricing: {},
    platforms: ['api'],
    source: 'user',
  };
  return {
    ...start,
    ...rest,
    provider: normalizeProvider(rest.provider ?? start.provider),
    capabilities: { ...start.capabilities, ...capabilities },
    pricing: { ...start.pricing, ...pricing },
    source: 'user',
  };
}

/** `include`, checked: plain JavaScript can pass anything, and a typo must not drop a provider. */
function checkInclude(include: unknown): readonly BuiltinProvider[] {
  if (include === undefined) return BUILTIN_PROVIDERS;
  const at = Array.isArray(include)
    ? include.findIndex((p) => !BUILTIN_PROVIDERS.includes(p as BuiltinProvider))
    : -2;
  if (at === -1) return include as BuiltinProvider[];
  const bad = at === -2 ? include : (include as unknown[])[at];
  const what = typeof bad === 'string' ? `'${bad}'` : typeof bad;
  throw new InvalidRequestError(
    `createRegistry: \`include\` must be an array of ${BUILTIN_PROVIDERS.map((p) => `'${p}'`).join(', ')}; got ${what}.`,
  );
}

/** Freezes an entry and its nested objects, so one caller cannot change another's results. */
function freeze(info: ModelInfo): ModelInfo {
  for (const value of Object.values(info)) if (typeof value === 'object') Object.freeze(value);
  if (info.pricing.longContext) Object.freeze(info.pricing.longContext);
  return Object.freeze(info);
}

/**
 * Creates a registry instance from the built-in data plus your own models. Instances are independent
 * and immutable: adding a model to one never changes another, nor the free functions' default registry.
 * @param options - Models to add or override, and which built-in providers to include.
 * @returns The registry.
 * @example
 * ```ts
 * const registry = createRegistry({
 *   include: ['openai'],
 *   models: [{ id: 'meta-llama/Llama-3.1-8B-Instruct', provider: 'vllm', contextWindow: 131072 }],
 * });
 * registry.getProviderModels('vllm'); // ['meta-llama/Llama-3.1-8B-Instruct']
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function createRegistry(options: CreateRegistryOptions = {}): ModelRegistry {
  const byId = new Map<string, ModelInfo>();
  for (const m of loadBuiltinModels(checkInclude(options.include))) byId.set(m.id, m);
  for (const def of options.models ?? []) byId.set(def.id, define(def, byId.get(def.id)));
  const models: readonly ModelInfo[] = Object.freeze([...byId.values()].map(freeze));
  const byVertexId = new Map<string, ModelInfo>();
  for (const m of models) if (m.vertexId) byVertexId.set(m.vertexId, m);

  const get = (id: string): ModelInfo | undefined => byId.get(id) ?? byVertexId.get(id);
  const ids = (predicate: (m: ModelInfo) => boolean): string[] =>
    models.filter(predicate).map((m) => m.id);

  return {
    models,
    getAllModels: () => models.map((m) => m.id),
    getProviderModels: (provider) => {
      const p = normalizeProvider(provider);
      return ids((m) => m.provider === p);
    },
    getModelDetails: get,
    getModelCapabilities: (id) => get(id)?.capabilities,
    isModelDeprecated: (id) => get(id)?.status === 'deprecated',
    supportsFeature: (id, feature) => {
      // Checking the name first makes a typo throw even for an unknown model.
      if (!isModelFeature(feature)) throw new UnknownCapabilityError(feature, MODEL_FEATURES);
      const info = get(id);
      return info !== undefined && hasFeature(info, feature);
    },
    getModelsWithCapability: (capability) => {
      if (!isCapability(capability)) throw new UnknownCapabilityError(capability);
      return ids((m) => m.capabilities[capability]);
    },
    getModelsWithContextWindowGte: (minTokens) => ids((m) => m.contextWindow >= minTokens),
    getModelsByTier: (tier) => ids((m) => m.tier === tier),
    filterModels: (filter = {}) => filterModelList(models, filter),
    compareModels: (list) =>
      compareModelInfos(list.map(get).filter((m): m is ModelInfo => m !== undefined)),
    generateCapabilityTable: () => capabilityTable(models),
  };
}
