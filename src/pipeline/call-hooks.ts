import type { CallMethod } from '../core/adapter.ts';
import type { FinishReason, JSONValue, RateLimitInfo, Usage } from '../core/types.ts';

/**
 * The HTTP calls of `model.batch`: `batch.upload` (OpenAI's input file), `batch.submit`,
 * `batch.status` (each poll), `batch.results` and `batch.cancel`.
 */
export type BatchMethod =
  'batch.upload' | 'batch.submit' | 'batch.status' | 'batch.results' | 'batch.cancel';

/** What every hook event says about its call. Plain data, never the key. */
export interface CallEvent {
  /** Tells the events of one call apart from those of calls running beside it. */
  callId: number;
  /** The provider key, such as `openai`. */
  provider: string;
  /** The model id asked for. */
  model: string;
  /** `complete`, `chat`, `json`, `object`, `responses`, or a batch API call ({@link BatchMethod}). */
  method: CallMethod | BatchMethod;
  /** The cache key, when the call uses a cache. */
  cacheKey?: string;
}

/** A request is about to be sent (once per attempt and per repair round). */
export interface RequestEvent extends CallEvent {
  /** The attempt, from 1; retries count up. */
  attempt: number;
  /** The repair round of `json`/`object`, from 0. */
  round: number;
  /** The URL called (it never carries a key). */
  url: string;
  /** The request body, only with `includeBody: true`. */
  body?: JSONValue;
}

/** An attempt failed and will be retried after `delayMs`. */
export interface RetryEvent extends CallEvent {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The HTTP status, when the provider answered. */
  status?: number;
  /** The error's class name (`RateLimitError`, `NetworkError`, …) and message. */
  error: { name: string; message: string };
  /** The wait before the next attempt. */
  delayMs: number;
}

/** The provider answered the call. */
export interface ResponseEvent extends CallEvent {
  method: CallMethod;
  status: number;
  /** Milliseconds since the call began, waits and retries included. */
  durationMs: number;
  /** Milliseconds the provider took (see `response.latencyMs`). */
  latencyMs?: number;
  usage: Usage;
  /** The price in USD, when the registry knows it. */
  cost?: number;
  finishReason: FinishReason;
  /** The model as the server named it (`response.model`). */
  responseModel: string;
  /** The provider's response id (`response.id`). */
  responseId?: string;
  requestId?: string;
  rateLimit?: RateLimitInfo;
  /** The provider's response body, only with `includeBody: true`. */
  body?: JSONValue;
}

/** The provider answered one HTTP call of a batch job (a job object, a file, a list of results). */
export interface BatchResponseEvent extends CallEvent {
  method: BatchMethod;
  status: number;
  /** Milliseconds since the call began, waits and retries included. */
  durationMs: number;
  /** Milliseconds the provider took. */
  latencyMs: number;
  requestId?: string;
  rateLimit?: RateLimitInfo;
}

/** The call was answered without a request: from the cache, or by an identical call in flight. */
export interface CacheHitEvent extends CallEvent {
  /** `cache` for a stored result, `in-flight` for an identical call it waited for. */
  source: 'cache' | 'in-flight';
  durationMs: number;
  /** The original call's usage and cost (not spent again). */
  usage: Usage;
  cost?: number;
}

/** The call failed (after its retries). */
export interface ErrorEvent extends CallEvent {
  durationMs: number;
  /** The HTTP status, when the provider answered. */
  status?: number;
  /** The error's class name and message. */
  error: { name: string; message: string };
}

/**
 * Functions told about each call as it happens, for logging, progress and tracing. They get plain
 * events (never the key; bodies only with `includeBody`). They run synchronously and are not
 * awaited; one that throws (or rejects) never fails the call: the problem goes to `onWarning`.
 */
export interface CallHooks {
  onRequest?: (event: RequestEvent) => unknown;
  onRetry?: (event: RetryEvent) => unknown;
  /** A call's answer; a batch API call's answer is a {@link BatchResponseEvent} (`method` `batch.…`). */
  onResponse?: (event: ResponseEvent | BatchResponseEvent) => unknown;
  onCacheHit?: (event: CacheHitEvent) => unknown;
  onError?: (event: ErrorEvent) => unknown;
  /** Adds the request body to `onRequest` and the response body to `onResponse`. @default false */
  includeBody?: boolean;
}
