/**
 * `alea-llm-client/registry`: models with limits, capabilities and prices, the queries over them, and
 * cost computation. Nothing here runs at import time; the data is decoded on first query.
 * @module
 */
export { CAPABILITIES, MODEL_TIERS, isCapability } from './capabilities.ts';
export type { ModelComparison } from './compare-models.ts';
export { computeCost } from './compute-cost.ts';
export {
  createRegistry,
  type CreateRegistryOptions,
  type ModelRegistry,
} from './create-registry.ts';
export type { BuiltinProvider } from './builtin-models.ts';
export { DEFAULT_MODELS } from './default-models.ts';
export type { FilterModelsOptions } from './filter-models.ts';
export { findModelSpec } from './find-model-spec.ts';
export { modelEfforts, modelServiceTiers } from './model-efforts.ts';
export { EFFORTS, SERVICE_TIERS, type Effort, type ServiceTier } from '../core/effort.ts';
export type { ModelRow, ModelSlice, PriceRow } from './model-row.ts';
export {
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
  supportsFeature,
} from './registry-functions.ts';
export { MODEL_FEATURES, type ModelFeature } from './supports-feature.ts';
export type {
  Capability,
  LongContextPricing,
  ModelCapabilities,
  ModelDefinition,
  ModelInfo,
  ModelPlatform,
  ModelPricing,
  ModelProvider,
  ModelSource,
  ModelSpec,
  ModelStatus,
  ModelTier,
  ReasoningOptions,
  TokenUsage,
} from './types.ts';
export { UnknownCapabilityError } from './unknown-capability-error.ts';
