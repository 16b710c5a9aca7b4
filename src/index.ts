/**
 * @module alea-llm-client: the core. Providers live in their own entry points
 * (`alea-llm-client/openai`, `/xai`, `/vllm`, `/openai-compatible`) so a bundle carries only the ones
 * it imports.
 */
export * from './core/errors/index.ts';
export type {
  ContentPart,
  DeepPartial,
  FinishReason,
  JSONModelResponse,
  ToolCallResponse,
  JSONValue,
  MaybePromise,
  Message,
  ModelResponse,
  ObjectStreamEvent,
  RateLimitInfo,
  RateLimitWindow,
  ReasoningPart,
  StreamEvent,
  ToolCall,
  Usage,
} from './core/types.ts';
export type {
  CallOptions,
  ModelOptions,
  ObjectOptions,
  ResponsesOptions,
  ToolInput,
} from './pipeline/options.ts';
export { EFFORTS, SERVICE_TIERS, type Effort, type ServiceTier } from './core/effort.ts';
export { MAX_GRAMMAR_LENGTH, type GrammarSyntax } from './core/validate-grammar.ts';
export { llmOptions, type LLMOptionsInit } from './llm-options.ts';
export {
  DEFAULT_MAX_REPAIRS,
  DEFAULT_RETRY_DELAY,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
} from './pipeline/options.ts';
export { LanguageModel } from './pipeline/language-model.ts';
export type { EventStream, ModelStream, ObjectStream } from './pipeline/model-stream.ts';
export {
  createLimiter,
  Limiter,
  type LimiterOptions,
  type LimiterReport,
  type LimiterTicket,
} from './pipeline/limiter.ts';
export {
  isFallbackError,
  withFallback,
  type FallbackModel,
  type FallbackOptions,
} from './pipeline/with-fallback.ts';
export type {
  CacheHitEvent,
  CallEvent,
  CallHooks,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './pipeline/call-hooks.ts';
export type {
  BatchCallOptions,
  BatchJob,
  BatchRequest,
  BatchResult,
  BatchStatus,
  ModelBatch,
} from './pipeline/batch-types.ts';
export type {
  BatchCounts,
  BatchHttp,
  BatchHttpRequest,
  BatchLine,
  BatchLineError,
  BatchLineResult,
  BatchState,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from './core/batch-adapter.ts';
export type {
  AdapterFeatures,
  CallMethod,
  ConstraintKind,
  GrammarToolDefinition,
  KeyPolicy,
  OutputConstraint,
  ToolGrammar,
  ModelCall,
  OutputFormat,
  ParsedResponse,
  ProviderAdapter,
  StreamDelta,
  StreamReader,
  ToolDefinition,
  WireRequest,
} from './core/adapter.ts';
export type { InferSchemaOutput, JSONSchema, StandardSchemaV1 } from './core/standard-schema.ts';
export { extractJson, type ExtractedJson } from './core/extract-json.ts';
export { cacheKey, type CacheKeyInput } from './pipeline/cache-key.ts';
export type { SseEvent } from './core/sse-parser.ts';
export { readEnv, type EnvSource } from './core/env.ts';
export type { KeyContext, KeyResolver } from './core/key-resolver.ts';
export type { CacheEntry, CacheSetOptions, CacheStore } from './core/cache-store.ts';
