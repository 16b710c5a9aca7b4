/** A value, or a promise of it. Plug-in contracts return this so synchronous stores need no `async`. */
export type MaybePromise<T> = T | Promise<T>;

/** A JSON value, as it travels on the wire and in cache entries. */
export type JSONValue =
  null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

/** A part of a user message. Unknown provider-native parts pass through to the wire unchanged. */
export type ContentPart =
  | { type: 'text'; text: string }
  /** An image by URL (`https:` or `data:`). */
  | { type: 'image'; url: string; mediaType?: string };

/** A tool call the model asked for, in the shape every provider shares. */
export interface ToolCall {
  /** The provider's call id; send it back as `toolCallId` of the `tool` message. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The arguments, parsed from JSON when the provider sends a string. */
  arguments: unknown;
  /** Opaque provider state that must be sent back unchanged (for example Gemini's `thoughtSignature`). */
  signature?: string;
  /** A custom (grammar or free-text) tool's call: `arguments` is its input text, not parsed. */
  custom?: boolean;
}

/** Which provider (and model) made a reasoning part. */
export interface ReasoningOrigin {
  /**
   * The provider key (`anthropic`, `google`). Signed parts go back only to this provider; any other
   * drops them, since a foreign signature is an error there. Parts without it (built by hand, or
   * stored before it existed) are sent as they are.
   */
  provider?: string;
  /** The model as the server named it. */
  model?: string;
}

/**
 * A block of model reasoning kept for the next turn. Anthropic and Google require signed blocks to be
 * sent back unchanged in multi-turn conversations with thinking and tools.
 */
export type ReasoningPart =
  | ({
      type: 'thinking';
      text: string;
      /** Opaque state sent back unchanged: a Claude or Gemini signature, OpenAI's encrypted reasoning. */
      signature?: string;
      /** The provider's id of the reasoning item (OpenAI Responses `rs_…`), sent back with it. */
      id?: string;
    } & ReasoningOrigin)
  | ({ type: 'redacted_thinking'; data: string } & ReasoningOrigin);

/** The SDK's portable message format: what `chat` accepts and what `response.messages` returns. */
export type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | ContentPart[] }
  | {
      role: 'assistant';
      content: string;
      toolCalls?: ToolCall[];
      reasoning?: ReasoningPart[];
    }
  | { role: 'tool'; toolCallId: string; content: string; name?: string };

/** Why the model stopped, normalised across providers. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'other';

/** Token usage, normalised across providers. The provider's own object is kept in `raw`. */
export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  /** Tokens spent on hidden reasoning (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`). */
  reasoningTokens?: number;
  /** Input tokens served from the provider's prompt cache. */
  cachedInputTokens?: number;
  /** Input tokens written to the provider's prompt cache (Anthropic `cache_creation_input_tokens`). */
  cacheWriteTokens?: number;
  /**
   * The part of `cacheWriteTokens` written with a 1-hour lifetime (Anthropic
   * `cache_creation.ephemeral_1h_input_tokens`), which costs more than a 5-minute write.
   */
  cacheWrite1hTokens?: number;
  /** The usage object exactly as the provider sent it. */
  raw?: JSONValue;
}

/** One rate-limit window as the provider reported it. */
export interface RateLimitWindow {
  /** The most the window allows. */
  limit?: number;
  /** What is left in the window. */
  remaining?: number;
  /** When the window is full again, as an ISO 8601 date (OpenAI's relative resets made absolute). */
  resetAt?: string;
}

/**
 * The provider's rate-limit headers, normalised across OpenAI, xAI and Anthropic (which also reports
 * input and output tokens apart). Only the windows the provider sent are present.
 */
export interface RateLimitInfo {
  requests?: RateLimitWindow;
  tokens?: RateLimitWindow;
  inputTokens?: RateLimitWindow;
  outputTokens?: RateLimitWindow;
}

/**
 * The result of `complete` and `chat`. Plain data: it survives `structuredClone`, `JSON.stringify`,
 * a cache round-trip and `postMessage`.
 */
export interface ModelResponse {
  /** The text of the first choice (`''` when the model returned none). */
  text: string;
  /** The text of every choice, in order. */
  choices: string[];
  /** Why the first choice stopped. */
  finishReason: FinishReason;
  /** The provider's own finish reason, unmapped. */
  rawFinishReason?: string;
  /** The provider's response id. */
  id?: string;
  /** The provider key, for example `openai` or `vllm`. */
  provider: string;
  /** The model as the server named it in its answer (may differ from the requested alias). */
  model: string;
  /** Normalised token usage. */
  usage: Usage;
  /** The reasoning text where the server returns it (`reasoning_content`, thinking blocks, thought parts). */
  thinking?: string;
  /** The tool calls of the first choice, when the model made any. */
  toolCalls?: ToolCall[];
  /** The conversation including this answer, ready to extend for the next turn. */
  messages: Message[];
  /**
   * The price of the call in USD from the registry's prices (repair rounds included), or undefined
   * when the model or a price it needs is unknown. A cache hit keeps the cost of the original call.
   */
  cost?: number;
  /** True when the result came from the cache and no request was sent. */
  cached: boolean;
  /** Settings the provider could not honour, such as `temperature` on a reasoning model. */
  warnings?: string[];
  /** The provider's response body. */
  raw: JSONValue;
  /**
   * The provider's rate-limit state after this call, when it sent the headers. Absent on a cache hit
   * (no request was sent, an old snapshot would mislead a scheduler).
   */
  rateLimit?: RateLimitInfo;
  /** The provider's id of the request that produced this answer (`x-request-id`, `request-id`); kept on a cache hit. */
  requestId?: string;
  /**
   * Milliseconds from sending the request to reading the answer (repair rounds added up; limiter
   * waits and retry backoff excluded). Absent on a cache hit.
   */
  latencyMs?: number;
}

/** The result of `json` and `object`: a `ModelResponse` with the parsed (and validated) JSON. */
export interface JSONModelResponse<T = unknown> extends ModelResponse {
  /** The parsed JSON value. */
  data: T;
  /** Never set here: an answer with tool calls is a {@link ToolCallResponse} instead. */
  toolCalls?: undefined;
}

/**
 * The result of `json` or `object` called with `tools` when the model called tools instead of
 * answering: there is no `data`. Run the calls and send their results after `messages`, as with
 * `chat`, to get the answer. Narrow with `if (r.toolCalls)`.
 */
export interface ToolCallResponse extends ModelResponse {
  data?: undefined;
  toolCalls: ToolCall[];
}

/**
 * An event of `model.stream()`. Deltas concatenate to the answer's text and thinking; `finish` comes
 * last, once, with the same result `chat` returns.
 */
export type StreamEvent =
  /** A piece of the answer's text (of the first choice). */
  | { type: 'text'; delta: string }
  /** A piece of reasoning text, where the provider sends it. */
  | { type: 'thinking'; delta: string }
  /** A piece of a tool call's arguments (JSON text) as it arrives; the first names the call. */
  | { type: 'tool-call-delta'; id: string; name: string; argumentsDelta: string }
  /** A complete tool call, with parsed arguments, once the answer has ended. */
  | { type: 'tool-call'; toolCall: ToolCall }
  /** The end: the result `chat` returns for the same answer (`cached: true` for a replay). */
  | { type: 'finish'; response: ModelResponse };

/** `T` with every member optional, to any depth: what a growing JSON answer may hold so far. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** An event of `model.streamObject()`. */
export type ObjectStreamEvent<T> =
  /** The JSON parsed so far (growing, not validated). */
  | { type: 'partial'; value: DeepPartial<T> }
  /** The end: the result `object` returns, with the validated `data` (or tool calls instead). */
  | { type: 'finish'; response: JSONModelResponse<T> | ToolCallResponse };
