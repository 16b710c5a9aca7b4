/**
 * Types of the model registry. One source of truth for limits, capabilities and prices (issue 6).
 * @module
 */

import type {
  ModelCapabilities,
  ModelPricing,
  ModelProvider,
  ModelSpec,
} from '../core/model-spec.ts';

export type {
  LongContextPricing,
  ModelCapabilities,
  ModelPricing,
  ModelProvider,
  ModelSpec,
  ReasoningOptions,
} from '../core/model-spec.ts';

/**
 * Size class of a model, the Python original's `ModelTier` values. Derived from the model name for
 * models the original does not rate (`-nano`, `-mini`, `flash`, `-pro`, haiku → small, sonnet → medium,
 * opus → large, multi-agent → heavy, everything else standard).
 */
export type ModelTier =
  'nano' | 'mini' | 'small' | 'medium' | 'standard' | 'large' | 'pro' | 'flash' | 'heavy';

/**
 * Lifecycle status. `deprecated` covers the original's deprecated and legacy, and every id models.dev
 * no longer lists; `preview` covers preview, beta and experimental ids.
 */
export type ModelStatus = 'active' | 'preview' | 'deprecated';

/** Where a model is served: the provider's own API (the Gemini API for Google) or Google Vertex AI. */
export type ModelPlatform = 'api' | 'vertex';

/**
 * Where an entry's values come from: `models.dev` (snapshot of 2026-07-02), `original` (the Python
 * alea-llm-client 0.2.3 registry; a dated snapshot or alias inherits the values of `aliasOf`), or `user`
 * (added through `createRegistry({ models })`).
 */
export type ModelSource = 'models.dev' | 'original' | 'user';

/** Names of the capability flags, as used by `filterModels` and `getModelsWithCapability`. */
export type Capability =
  'tools' | 'vision' | 'structuredOutput' | 'reasoning' | 'thinking' | 'grammar' | 'temperature';

/** Everything the registry knows about a model. */
export interface ModelInfo extends ModelSpec {
  /** Display name. */
  readonly name: string;
  /** Model family (`gpt`, `o`, `claude-sonnet`, `gemini-flash`, `grok`). */
  readonly family: string;
  readonly tier: ModelTier;
  readonly status: ModelStatus;
  /** Accepted input kinds: `text`, `image`, `pdf`, `audio`, `video`. */
  readonly inputModalities: readonly string[];
  /** Produced output kinds (`text` for every built-in model). */
  readonly outputModalities: readonly string[];
  /** Training-data cutoff, `YYYY-MM` or `YYYY-MM-DD`, when known. */
  readonly knowledgeCutoff?: string;
  /** Release date, `YYYY-MM-DD`, when known. */
  readonly releaseDate?: string;
  /** Where the model is served. */
  readonly platforms: readonly ModelPlatform[];
  /** The model's id on Vertex AI when it differs (`claude-sonnet-4-6@default`). */
  readonly vertexId?: string;
  /** For a dated snapshot or alias, the model it stands for. */
  readonly aliasOf?: string;
  /** Where the values come from. */
  readonly source: ModelSource;
}

/**
 * A model to add to, or override in, a registry instance. Only `id` and `provider` are required for a
 * new model; the rest defaults to a plain text model (4,096 tokens of context and output, `temperature`
 * accepted, nothing else). For an existing id, the given fields replace the built-in ones, and
 * `capabilities` and `pricing` are merged field by field.
 */
export type ModelDefinition = { readonly id: string; readonly provider?: ModelProvider } & Partial<
  Omit<ModelInfo, 'id' | 'provider' | 'capabilities' | 'pricing'>
> & {
    readonly capabilities?: Partial<ModelCapabilities>;
    readonly pricing?: ModelPricing;
  };

/**
 * Token counts of one call, for {@link ModelPricing}-based cost. Convention: `inputTokens` INCLUDES
 * `cachedInputTokens` and `cacheWriteTokens` (OpenAI and Google report it so; the Anthropic adapter adds
 * Anthropic's separate cache counts), and `outputTokens` INCLUDES `reasoningTokens`.
 */
export interface TokenUsage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  /** Informational: already part of `outputTokens`. */
  readonly reasoningTokens?: number;
  /** Part of `inputTokens` read from the prompt cache. */
  readonly cachedInputTokens?: number;
  /** Part of `inputTokens` written to the prompt cache. */
  readonly cacheWriteTokens?: number;
  /** Part of `cacheWriteTokens` written with a 1-hour lifetime (Anthropic), priced at `cacheWrite1h`. */
  readonly cacheWrite1hTokens?: number;
}
