/**
 * What the call pipeline and the adapters know of a model: its limits, capabilities, reasoning
 * controls and prices. A contract of the ground floor: the registry fills it (src/registry), the
 * pipeline and adapters read it.
 * @module
 */

/** Provider of a model. Built-in data covers the first four; user-added models may use any id (`vllm`). */
export type ModelProvider = 'openai' | 'anthropic' | 'google' | 'xai' | (string & {});

/** What a model can do. */
export interface ModelCapabilities {
  /** Function or tool calling. */
  readonly tools: boolean;
  /** Image input. */
  readonly vision: boolean;
  /** JSON-schema constrained output (native or, for Claude, through a forced tool). */
  readonly structuredOutput: boolean;
  /** The model reasons before answering (reasoning tokens). */
  readonly reasoning: boolean;
  /** A controllable thinking mode with visible or budgeted thinking (Claude, Gemini). */
  readonly thinking: boolean;
  /** Lark or regex grammar-constrained custom tools (OpenAI GPT-5 family and gpt-4.1). */
  readonly grammar: boolean;
  /** Accepts `temperature` (OpenAI reasoning models reject it). */
  readonly temperature: boolean;
}

/** Reasoning controls a model accepts. */
export interface ReasoningOptions {
  /** Accepted reasoning-effort values (`reasoning_effort`, Claude `effort`, Gemini `thinkingLevel`). */
  readonly efforts?: readonly string[];
  /** Smallest thinking budget in tokens (Claude `budget_tokens`, Gemini `thinkingBudget`). */
  readonly budgetMin?: number;
  /** Largest thinking budget in tokens. */
  readonly budgetMax?: number;
}

/** Higher prices a provider charges for the whole request when the prompt is long. */
export interface LongContextPricing {
  /** The prompt size, in input tokens, above which these prices apply. */
  readonly threshold: number;
  readonly input?: number;
  readonly output?: number;
  readonly cachedInput?: number;
  readonly cacheWrite?: number;
  readonly cacheWrite1h?: number;
}

/** Prices in USD per million tokens; `undefined` when unknown. */
export interface ModelPricing {
  /** Uncached input tokens. */
  readonly input?: number;
  /** Output tokens, reasoning included. */
  readonly output?: number;
  /** Input tokens read from the prompt cache. */
  readonly cachedInput?: number;
  /** Input tokens written to the prompt cache (Anthropic charges extra: 1.25x input for 5 minutes). */
  readonly cacheWrite?: number;
  /**
   * Input tokens written to the prompt cache with a 1-hour lifetime (Anthropic: 2x input). When
   * unknown, such writes are priced at `cacheWrite`.
   */
  readonly cacheWrite1h?: number;
  /** Prices for long prompts, when the provider charges more for them. */
  readonly longContext?: LongContextPricing;
}

/**
 * What an adapter needs to build a request and price it: limits, capabilities, token-limit parameter,
 * reasoning controls and prices. Decoded from one provider's data slice without the descriptive fields.
 */
export interface ModelSpec {
  /** The model id sent to the API. */
  readonly id: string;
  readonly provider: ModelProvider;
  /** Context window in tokens (input plus output). */
  readonly contextWindow: number;
  /** Largest number of output tokens per request. */
  readonly maxOutputTokens: number;
  readonly capabilities: ModelCapabilities;
  /** The model rejects `max_tokens` and needs `max_completion_tokens` (OpenAI reasoning models). */
  readonly requiresMaxCompletionTokens: boolean;
  /**
   * The model refuses `temperature` and `top_p` in one request (Claude Opus 4.1, Sonnet 4.5, Haiku 4.5
   * and later): the Anthropic adapter then sends `temperature` only, with a warning.
   */
  readonly exclusiveSampling: boolean;
  /**
   * The model only serves the legacy text-completion endpoint (`/v1/completions`), not chat:
   * OpenAI's instruct and base models. `complete()` on any other OpenAI model is sent as a chat turn.
   */
  readonly completionsOnly?: boolean;
  /**
   * The model accepts adaptive thinking (`thinking: { type: 'adaptive' }`: Claude Opus 4.6, Sonnet 4.6
   * and later). On other thinking models the Anthropic adapter sends a budget instead, with a warning.
   */
  readonly adaptiveThinking: boolean;
  /**
   * The model has native structured outputs (Anthropic's `output_config.format` and strict tools:
   * Claude Sonnet 4.5, Haiku 4.5, Opus 4.5 and later). `object()` uses them there, a forced tool elsewhere.
   */
  readonly nativeStructuredOutput: boolean;
  /** Reasoning controls, when the model takes any. */
  readonly reasoning?: ReasoningOptions;
  /**
   * The service tiers the model offers besides `standard` (which every model has): OpenAI `flex` and
   * `priority`, Claude `priority` (Priority Tier capacity), Gemini API `flex` and `priority`.
   */
  readonly serviceTiers?: readonly ('flex' | 'priority')[];
  readonly pricing: ModelPricing;
}
