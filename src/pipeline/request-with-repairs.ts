import type { ModelCall, ParsedResponse, WireRequest } from '../core/adapter.ts';
import { apiUrl } from '../core/base-url.ts';
import { lazy } from '../core/lazy.ts';
import { mergeHeaders } from '../core/merge-headers.ts';
import { withRetries, type RetryPolicy } from './retry.ts';
import type { CallPlan, ModelContext } from './run-call.ts';
import { sendRequest } from './send-request.ts';
import { toModelResponse } from './to-model-response.ts';
import type { JSONModelResponse, ModelResponse, Usage } from '../core/types.ts';

/** Checks parsed JSON: the value to return (possibly transformed by a schema), or what is wrong. */
export type OutputCheck = (
  value: unknown,
) => Promise<{ ok: true; value: unknown } | { ok: false; issues: string[] }>;

/** Everything one uncached call needs. */
export interface RequestInit {
  ctx: ModelContext;
  plan: CallPlan;
  wire: WireRequest;
  key: string | undefined;
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
  retry: RetryPolicy;
  maxRepairs: number;
  /** Receives the JSON as parsed from the answer, before the schema transformed it. */
  rawData: { value?: unknown };
}

// Loaded on demand: only json() and object() read JSON out of answers (and have repair rounds).
const loadRepairs = lazy(() => import('./repair-rounds.ts'));
// Loaded with the first answer an adapter refuses (the server answered, so code can load).
const loadScrub = lazy(() => import('../core/scrub-error.ts'));

/**
 * An error an adapter threw over an answer, with the secrets taken out (the refused body may echo
 * the key). Should the scrubber not load, its load error is returned, never the unscrubbed error.
 */
export async function scrubbed(
  error: unknown,
  secrets: readonly (string | undefined)[],
): Promise<unknown> {
  try {
    return (await loadScrub()).scrubError(error, secrets);
  } catch (loadError) {
    return loadError;
  }
}

/** A request's headers: the SDK's, the adapter's, then the model's and the call's (which win). */
export function requestHeaders(
  ctx: ModelContext,
  plan: CallPlan,
  wire: WireRequest,
  key: string | undefined,
): Record<string, string> {
  return mergeHeaders(
    { 'content-type': 'application/json' },
    ctx.adapter.authHeaders(key),
    wire.headers,
    ctx.options.headers,
    plan.options.headers,
  );
}

/** One answered round: the parsed answer and the result built from it. */
export interface Round {
  parsed: ParsedResponse;
  response: ModelResponse;
}

/**
 * Sends one round of a call (with transport retries) and builds its result; `before` adds the
 * usage and time of earlier rounds (a repair round's result counts the whole call).
 */
export async function sendRound(
  init: RequestInit,
  call: ModelCall,
  wire: WireRequest,
  round: number,
  before?: { usage: Usage; latencyMs: number; add: (a: Usage, b: Usage) => Usage },
): Promise<Round> {
  const { ctx, plan, signal } = init;
  const { adapter } = ctx;
  const { observer } = plan;
  const retry = observer ? { ...init.retry, onRetry: observer.retry } : init.retry;
  const url = apiUrl(ctx.endpoint, wire.path);
  const headers = requestHeaders(ctx, plan, wire, init.key);
  const send = () =>
    sendRequest({
      provider: adapter.provider,
      url,
      headers,
      body: wire.body,
      fetch: init.fetch,
      signal,
      secrets: [init.key],
      errorDetail: adapter.errorDetail,
      rateLimit: adapter.rateLimit,
    });
  const sent = await withRetries(
    (n) => (observer ? observer.attempt(n, round, url, wire.body, signal, send) : send()),
    retry,
    signal,
  );
  let parsed: ParsedResponse;
  try {
    parsed = await adapter.parseResponse(sent.body, call, url);
  } catch (error) {
    throw await scrubbed(error, [init.key]);
  }
  observer?.used(parsed.usage);
  const response = await toModelResponse({
    provider: adapter.provider,
    model: ctx.model,
    asked: plan.call,
    answered: call,
    parsed,
    usage: before ? before.add(before.usage, parsed.usage) : parsed.usage,
    warnings: wire.warnings,
    raw: sent.body,
    headers: sent.headers,
    rateLimit: adapter.rateLimit,
    latencyMs: sent.latencyMs + (before?.latencyMs ?? 0),
  });
  return { parsed, response };
}

/**
 * Sends a call (with transport retries) and, for `json` and `object`, checks the answer and asks
 * again with the problems spelled out, up to `maxRepairs` times (that code loads with the first
 * `json` or `object` call). Invalid answers never leave here; an answer with tool calls returns as
 * it is, without `data`: the caller runs them, and no repair turn may follow unanswered calls.
 */
export async function requestWithRepairs(
  init: RequestInit,
): Promise<ModelResponse | JSONModelResponse> {
  const first = await sendRound(init, init.plan.call, init.wire, 0);
  if (!init.plan.check || first.response.toolCalls?.length) return first.response;
  return (await loadRepairs()).repairRounds(init, first, sendRound);
}
