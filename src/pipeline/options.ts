import type { CacheStore } from '../core/cache-store.ts';
import type { KeyResolver } from '../core/key-resolver.ts';
import type { ModelSpec } from '../core/model-spec.ts';
import type { EnvSource } from '../core/env.ts';
import type { ToolChoice, ToolGrammar } from '../core/adapter.ts';
import type { Effort, ServiceTier } from '../core/effort.ts';
import type { JSONSchema, StandardSchemaV1 } from '../core/standard-schema.ts';
import type { GrammarSyntax } from '../core/validate-grammar.ts';
import type { CallHooks } from './call-hooks.ts';
import type { Limiter } from './limiter.ts';

/** Default retry count: a failed attempt is retried twice (three attempts at most). */
export const DEFAULT_RETRY_LIMIT = 2;
/** Default first backoff, in ms. */
export const DEFAULT_RETRY_DELAY = 500;
/** Default deadline of one call, retries included, in ms (the original's 600 s). */
export const DEFAULT_TIMEOUT = 600_000;
/** Default number of times `json` and `object` ask again after an invalid answer. */
export const DEFAULT_MAX_REPAIRS = 2;

/** Settings of a model instance. Every one is optional and has a documented default. */
export interface ModelOptions {
  /** The model id. Each class has the original's default. */
  model?: string;
  /** The API base URL, without the `/v1/...` path. Each class has its provider's default. */
  endpoint?: string;
  /** The API key. When absent, see {@link ModelOptions.keyResolver} and the default key chain. */
  apiKey?: string;
  /** Supplies keys on demand (secret managers, rotation, OAuth tokens). Tried after `apiKey`. */
  keyResolver?: KeyResolver;
  /** Environment variables to read keys from, such as a Worker's `env`. */
  env?: EnvSource;
  /** Where results are cached, or `false` for no cache. @default the runtime's default store */
  cache?: CacheStore | false;
  /** Skip the cache (no read, no write) unless a call says otherwise. @default false */
  ignoreCache?: boolean;
  /**
   * Seconds a cached result lives, where the store supports expiry; `0` keeps nothing. Negative or
   * non-finite values are an `InvalidRequestError`. @default forever
   */
  cacheTtl?: number;
  /** The fetch to use; resolved at call time, so tests and polyfills can replace the global. */
  fetch?: typeof globalThis.fetch;
  /** How many times a retryable failure is retried. @default 2 */
  retryLimit?: number;
  /** The first backoff in ms, doubled per retry with jitter. @default 500 */
  retryDelay?: number;
  /** The longest a call may take, retries included, in ms; for a stream, until its end. @default 600000 */
  timeout?: number;
  /** Streams only: the longest wait for the next piece of the stream, in ms. @default none */
  idleTimeout?: number;
  /**
   * Cancels every call of this model (for example on shutdown); combined with each call's `signal`.
   * Calls reject with the signal's reason (an `AbortError`).
   */
  signal?: AbortSignal;
  /**
   * Extra headers sent with every request (never part of the cache key). Names are case-insensitive
   * and yours win: an `Authorization` or `x-api-key` here replaces the SDK's own.
   */
  headers?: Record<string, string>;
  /** How many times `json` and `object` ask again after an invalid answer. @default 2 */
  maxRepairs?: number;
  /**
   * A model registry of your own (from `createRegistry` in `alea-llm-client/registry`) that knows
   * models the built-in data does not, or overrides it: its limits, capabilities and prices then
   * decide how requests are built and what `response.cost` is. @default the built-in registry
   */
  registry?: { getModelDetails(id: string): ModelSpec | undefined };
  /**
   * Receives non-fatal problems: cache read, write and corrupt-entry problems, and each call's
   * settings that were not sent as given (the lines of `response.warnings`, once per call, cache
   * hits included). Without it, cache problems are printed with `console.warn` once per store and
   * kind, and settings warnings are only in `response.warnings`; `() => {}` silences the printing.
   */
  onWarning?: (message: string) => void;
  /** The reasoning effort of every call that sets none (see {@link CallOptions.effort}). */
  effort?: Effort;
  /** The service tier of every call that sets none (see {@link CallOptions.serviceTier}). */
  serviceTier?: ServiceTier;
  /**
   * The most requests of this model in flight at once; more wait their turn (their `signal` and
   * `timeout` apply while waiting). Cache hits and calls that wait for an identical call in flight
   * take no slot; a call waiting to retry holds none.
   */
  concurrency?: number;
  /**
   * Request and token budgets of this model, enforced before sending; see `createLimiter` for
   * `windowMs`. Tokens are estimated before the call and corrected with its usage.
   */
  limits?: { requestsPerMinute?: number; tokensPerMinute?: number; windowMs?: number };
  /** A limiter from `createLimiter`, shared with other models (instead of `concurrency`/`limits`). */
  limiter?: Limiter;
  /** Functions told about each request, retry, answer, cache hit and failure (see `CallHooks`). */
  hooks?: CallHooks;
}

/**
 * A tool in the portable shape: parameters as JSON Schema, or as a valibot or Standard Schema; or,
 * on OpenAI, a custom tool whose input is text matching `grammar` (no `parameters`).
 */
export type ToolInput =
  | { name: string; description?: string; parameters: JSONSchema | StandardSchemaV1 }
  | { name: string; description?: string; grammar: ToolGrammar };

/**
 * Options of one call. Known keys are mapped to each provider's names; any other key is copied into
 * the request body verbatim, as in the original library (for example `frequency_penalty`).
 */
export interface CallOptions {
  /** A system prompt, placed before the messages. */
  system?: string;
  /** The most tokens to generate (`max_tokens`, `max_completion_tokens`, `maxOutputTokens`). */
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string | string[];
  seed?: number;
  /** Overrides the model's `ignoreCache` for this call, in both directions. */
  ignoreCache?: boolean;
  /** Cancels the call; the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Overrides the model's `timeout` for this call, in ms. */
  timeout?: number;
  /** Overrides the model's `idleTimeout` for this stream, in ms. */
  idleTimeout?: number;
  /** Extra headers for this call; they replace the model's and the SDK's of the same name, in any case. */
  headers?: Record<string, string>;
  /** Overrides the model's `retryLimit` for this call. */
  retryLimit?: number;
  /** Overrides the model's `maxRepairs` for this call. */
  maxRepairs?: number;
  /**
   * Tools the model may call, in the portable shape (`{ name, description, parameters }`); calls come
   * back in `response.toolCalls`. A provider-native array (items with a `type`) is sent verbatim.
   */
  tools?: ToolInput[] | unknown[];
  /** `auto`, `none`, `required`, or `{ name }` to force one tool. */
  toolChoice?: ToolChoice;
  /**
   * How hard a reasoning model thinks, mapped to each provider's knob from the model registry (see
   * README "Effort and service tier"). A model without one ignores it with a warning.
   */
  effort?: Effort;
  /** `flex`, `standard` or `priority` processing, where the provider and model offer it. */
  serviceTier?: ServiceTier;
  /**
   * A grammar the whole answer must match: a forced grammar tool on OpenAI (the answer is `text`),
   * `structured_outputs.grammar` on vLLM, llama.cpp's `grammar` with `grammarSyntax: 'gbnf'`.
   */
  grammar?: string;
  /** The syntax of `grammar`. @default 'lark' */
  grammarSyntax?: GrammarSyntax;
  /** A regex the whole answer must match (a grammar of syntax `regex`). */
  regex?: string;
  /** The answer must be one of these strings. */
  choice?: readonly string[];
  [passthrough: string]: unknown;
}

/** Options of `responses()`: the call options plus the Responses API's own. */
export interface ResponsesOptions extends CallOptions {
  /** A system (developer) message, not carried over by `previousResponseId`. */
  instructions?: string;
  /** Reasoning settings, sent as they are (`effort` here wins over the universal `effort`). */
  reasoning?: { effort?: Effort; summary?: 'auto' | 'concise' | 'detailed' };
  /** How long the answer should be (`text.verbosity`). */
  verbosity?: 'low' | 'medium' | 'high';
  /** Continue from a response stored on the server (one made with `store: true`). */
  previousResponseId?: string;
  /** Keep the response on the server, for `previousResponseId`. @default false */
  store?: boolean;
  /** Extra output, such as `'reasoning.encrypted_content'` (asked for by default on OpenAI reasoning models when `store` is false). */
  include?: string[];
  /** Whether the model may call several tools at once (`parallel_tool_calls`). */
  parallelToolCalls?: boolean;
  /** Ask for any JSON value (`text.format: json_object`): the result has `data`. */
  json?: boolean;
  /** Ask for an object matching this schema (`text.format: json_schema`): the result has typed `data`. */
  schema?: StandardSchemaV1;
  /** The JSON Schema sent, when `schema` cannot describe itself. */
  jsonSchema?: JSONSchema;
  /** The schema's name. @default 'response' */
  schemaName?: string;
}

/** Options of `object()`: a schema plus the usual call options. */
export interface ObjectOptions<S extends StandardSchemaV1> extends CallOptions {
  /** A valibot schema, or any Standard Schema (then with `jsonSchema` unless it can describe itself). */
  schema: S;
  /** The JSON Schema sent to the provider; derived from `schema` when absent. */
  jsonSchema?: JSONSchema;
  /** The schema's name, where the provider wants one. @default 'response' */
  schemaName?: string;
}

/**
 * Keys whose handling loads on demand (core/prepare-call.ts), so a plain chat call's bundle carries
 * none of it; that module takes them out of the body members.
 */
export const LAZY_OPTION_KEYS: readonly string[] = [
  'effort',
  'serviceTier',
  'grammar',
  'grammarSyntax',
  'regex',
  'choice',
];

/** Keys of {@link CallOptions} and {@link ObjectOptions} that are not body members. */
export const CALL_OPTION_KEYS: ReadonlySet<string> = new Set([
  'system',
  'maxTokens',
  'temperature',
  'topP',
  'stop',
  'seed',
  'ignoreCache',
  'signal',
  'timeout',
  'idleTimeout',
  'headers',
  'retryLimit',
  'maxRepairs',
  'schema',
  'jsonSchema',
  'schemaName',
  'toolChoice',
]);
