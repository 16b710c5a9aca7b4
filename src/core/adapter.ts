import type { ProviderBatchAdapter } from './batch-adapter.ts';
import type { Effort, ServiceTier } from './effort.ts';
import type { ModelSpec } from './model-spec.ts';
import type { SseEvent } from './sse-parser.ts';
import type { JSONSchema } from './standard-schema.ts';
import type {
  FinishReason,
  MaybePromise,
  Message,
  RateLimitInfo,
  ToolCall,
  Usage,
} from './types.ts';
import type { GrammarSyntax } from './validate-grammar.ts';

/**
 * The public method that started a call. It is part of the cache key. `responses` is OpenAI's
 * Responses API (`POST /v1/responses`), whatever the output format.
 */
export type CallMethod = 'complete' | 'chat' | 'json' | 'object' | 'responses';

/** What shape the answer must take. */
export type OutputFormat =
  | { type: 'text' }
  /** Any JSON value. */
  | { type: 'json' }
  /** JSON matching a schema. */
  | { type: 'json-schema'; schema: JSONSchema; name: string };

/** A tool the model may call, with JSON Schema parameters (converted from a schema if need be). */
export interface ToolDefinition {
  name: string;
  description?: string;
  parameters: JSONSchema;
}

/** A grammar that a tool's input, or the whole answer, must match. */
export interface ToolGrammar {
  syntax: GrammarSyntax;
  definition: string;
}

/**
 * A custom tool whose input is free text matching a grammar (OpenAI's `custom` tools); its calls come
 * back with `custom: true` and the text as `arguments`.
 */
export interface GrammarToolDefinition {
  name: string;
  description?: string;
  grammar: ToolGrammar;
}

/** Whether and which tool the model must call. */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

/**
 * A constraint on the whole answer, checked by the core before an adapter sees it: a grammar (a
 * regex is a grammar of syntax `regex`), or one of a list of answers.
 */
export type OutputConstraint =
  ({ type: 'grammar' } & ToolGrammar) | { type: 'choice'; choices: string[] };

/** What kinds of {@link OutputConstraint} an adapter can send: grammar syntaxes, and `choice`. */
export type ConstraintKind = GrammarSyntax | 'choice';

/** What an adapter can do beyond `complete`/`chat`/`json`/`object`; absent members mean "no". */
export interface AdapterFeatures {
  /** Serves `responses()` (OpenAI's Responses API). */
  responses?: boolean;
  /** The constraints it can send for `grammar`, `regex` and `choice`. */
  constraints?: readonly ConstraintKind[];
  /** Takes portable tools with a `grammar` (custom tools). */
  grammarTools?: boolean;
}

/**
 * One call, normalised by the core before it reaches an adapter: portable options resolved, system
 * prompt placed first in `messages`, everything unknown kept in `extra`.
 */
export interface ModelCall {
  method: CallMethod;
  model: string;
  /** The prompt of `complete`. */
  prompt?: string;
  /** The conversation; a `system` message, when any, comes first. */
  messages: Message[];
  output: OutputFormat;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
  /** The registry's record of the model, loaded by the core before the request is built. */
  spec?: ModelSpec;
  /** Tools in the portable shape; providers map them to their own. */
  tools?: ToolDefinition[];
  /** Custom tools with a grammar, for adapters whose {@link AdapterFeatures} take them. */
  grammarTools?: GrammarToolDefinition[];
  toolChoice?: ToolChoice;
  /** The universal reasoning effort, mapped by the adapter (or a warning where the model has none). */
  effort?: Effort;
  /** The universal service tier, mapped by the adapter (or a warning where the provider has none). */
  serviceTier?: ServiceTier;
  /** A grammar or list of answers the whole answer must match (`grammar`, `regex`, `choice`). */
  constraint?: OutputConstraint;
  /**
   * Every other call option, copied into the request body verbatim as the original library does.
   * An adapter may take out the keys it maps itself (for example Anthropic's `thinking`).
   */
  extra: Record<string, unknown>;
}

/** The HTTP request an adapter builds: POSTed as JSON to `endpoint + path`. */
export interface WireRequest {
  path: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Settings the adapter could not honour (for example `temperature` on a reasoning model). */
  warnings?: string[];
}

/** A provider answer mapped into the SDK's result fields. */
export interface ParsedResponse {
  text: string;
  choices: string[];
  finishReason: FinishReason;
  rawFinishReason?: string;
  id?: string;
  model?: string;
  usage: Usage;
  thinking?: string;
  toolCalls?: ToolCall[];
  /** The answer as a portable assistant message, appended to `messages`. */
  assistant: Message;
}

/** A piece of a streamed answer that an adapter reads from one server event. */
export type StreamDelta =
  | { type: 'text'; delta: string }
  | { type: 'thinking'; delta: string }
  | { type: 'tool-call-delta'; id: string; name: string; argumentsDelta: string };

/**
 * Reads one streamed answer, event by event. It maps each event to the deltas it carries and builds
 * up the answer as the provider's non-streaming endpoint would have sent it, so that
 * {@link ProviderAdapter.parseResponse} makes of a streamed answer exactly what it makes of a whole
 * one. Pure: no I/O, no timers.
 */
export interface StreamReader {
  /**
   * Reads one server-sent event.
   * @param emit - Receives the deltas the event carries, in order.
   * @returns true once the answer is whole (Anthropic's `message_stop`): the rest of the body is
   *   not read and the connection is closed, so a server that keeps it open does not hold the call.
   * @throws `StreamError` for an error event.
   */
  read(event: SseEvent, emit: (delta: StreamDelta) => void): boolean | void;
  /** The whole answer once the stream ended as the provider ends it; undefined for a cut stream. */
  result(): unknown;
}

/** What an error body says, as {@link ProviderAdapter.errorDetail} reads it. */
export interface ErrorDetail {
  message?: string;
  /** The provider's error type, status or code. */
  type?: string;
  /** How long the body asks to wait before a retry, in ms (the `Retry-After` headers win; capped at 60 s). */
  retryAfterMs?: number;
  /** The provider refused the key itself (whatever the status): an `AuthenticationError`, the key resolver's `invalidate` runs. */
  keyRefused?: boolean;
  /** Overrides the retry decision taken from the status (a daily quota that a retry cannot meet). */
  isRetryable?: boolean;
}

/** Where keys for a provider come from, and where they may be sent. */
export interface KeyPolicy {
  /** Environment variables, in order. */
  env: readonly string[];
  /** The file name under `~/.alea/keys/`. */
  file?: string;
  /** False for servers that work without a key (vLLM, local OpenAI-compatible servers). */
  required: boolean;
  /**
   * Hosts that keys from the environment or a key file may be sent to. Any other endpoint needs an
   * explicit `apiKey` or `keyResolver`, so one provider's key never reaches another host.
   * Undefined means the key is meant for whatever endpoint is configured.
   */
  hosts?: readonly string[];
}

/**
 * The provider adapter contract: pure request building and response parsing. Retries, caching,
 * keys, timeouts and validation live in the core, so an adapter is small and testable.
 */
export interface ProviderAdapter {
  readonly specificationVersion: 'v1';
  /** The provider key, for example `openai`. */
  readonly provider: string;
  readonly keys: KeyPolicy;
  /** What it can do besides the four common methods; the core refuses the rest before any request. */
  readonly features?: AdapterFeatures;
  /**
   * Request headers (lower-case names) that change the answer, such as Anthropic's
   * `anthropic-version` and `anthropic-beta`: their values are part of the cache key, wherever they
   * are set (adapter, model or call). Credentials never are.
   */
  readonly cacheKeyHeaders?: readonly string[];
  /** Headers that carry the key (`Authorization`, `x-api-key`, …), and any fixed headers. */
  authHeaders(key: string | undefined): Record<string, string>;
  /**
   * Builds the request. Throws typed errors for input the provider cannot take. May be asynchronous,
   * so that code for optional features (thinking, tools, caching hints) loads only when used.
   */
  buildRequest(call: ModelCall): WireRequest | Promise<WireRequest>;
  /**
   * Maps a 2xx body. Throws {@link InvalidResponseError} when it is not the documented shape. May be
   * asynchronous, so that parsers of optional endpoints (Responses) load only when used.
   */
  parseResponse(body: unknown, call: ModelCall, url: string): MaybePromise<ParsedResponse>;
  /**
   * The streaming form of a built request: the stream flag, or the streaming method's path. The cache
   * key is taken from the request before this, so a streamed and a whole call share one entry.
   */
  streamRequest?(wire: WireRequest, call: ModelCall): WireRequest;
  /**
   * Creates the reader of one streamed answer to `call` (see {@link StreamReader}). Asynchronous so
   * that the reading code loads with the first streamed call, not with every bundle.
   */
  streamReader?(call: ModelCall, url: string): StreamReader | Promise<StreamReader>;
  /**
   * Reads what an error body says beyond the default reading (`error.message`, and
   * `error.type`/`status`/`code`), whose members its own replace: how long to wait (Google's
   * `RetryInfo`), a refused key sent with another status (Gemini's 400 `API_KEY_INVALID`). Called
   * only for an answer that is an error, so it may load its code then (a promise).
   */
  errorDetail?(body: unknown): MaybePromise<ErrorDetail>;
  /**
   * Reads the rate-limit state from an answer's headers (see `parseRateLimit`), for providers that
   * send it (OpenAI, xAI, Anthropic): a provider without such headers ships no parser. The headers
   * come as a record with lower-case names (`Object.fromEntries(response.headers)`), read once per
   * answer: undici's `Headers.get` and iterator cost more than the reading itself.
   */
  rateLimit?(headers: Readonly<Record<string, string>>): RateLimitInfo | undefined;
  /**
   * Loads what the model registry knows of a model (limits, capabilities, prices), or undefined for an
   * unknown model. Asynchronous so that the provider's registry data can be a separate chunk, fetched
   * on the first call instead of weighing on every bundle's entry.
   */
  loadSpec?(model: string): Promise<ModelSpec | undefined>;
  /**
   * Loads the provider's batch API adapter (a separate chunk: `model.batch` only). Absent when the
   * provider has no batch API the SDK supports.
   */
  loadBatch?(): Promise<ProviderBatchAdapter>;
}
