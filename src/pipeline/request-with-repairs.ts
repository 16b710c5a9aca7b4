import type { WireRequest } from '../core/adapter.ts';
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
const loadCheck = lazy(() => import('./check-answer.ts'));
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

/**
 * Sends a call (with transport retries) and, for `json` and `object`, checks the answer and asks
 * again with the problems spelled out, up to `maxRepairs` times. Invalid answers never leave here;
 * an answer with tool calls returns as it is, without `data`.
 */
export async function requestWithRepairs(
  init: RequestInit,
): Promise<ModelResponse | JSONModelResponse> {
  const { ctx, plan, signal } = init;
  const { adapter } = ctx;
  let call = plan.call;
  let wire = init.wire;
  let usage: Usage | undefined;
  let latencyMs = 0;
  const { observer } = plan;
  const retry = observer ? { ...init.retry, onRetry: observer.retry } : init.retry;
  for (let round = 0; ; round++) {
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
      });
    const sent = await withRetries(
      (n) => (observer ? observer.attempt(n, round, url, wire.body, signal, send) : send()),
      retry,
      signal,
    );
    const { body, headers: answered } = sent;
    latencyMs += sent.latencyMs;
    let parsed: Awaited<ReturnType<typeof adapter.parseResponse>>;
    try {
      parsed = await adapter.parseResponse(body, call, url);
    } catch (error) {
      throw await scrubbed(error, [init.key]);
    }
    observer?.used(parsed.usage);
    usage = usage ? (await loadCheck()).addUsage(usage, parsed.usage) : parsed.usage;
    const response = await toModelResponse({
      provider: adapter.provider,
      model: ctx.model,
      asked: plan.call,
      answered: call,
      parsed,
      usage,
      warnings: wire.warnings,
      raw: body,
      headers: answered,
      latencyMs,
    });
    // Tool calls are an answer too: the caller runs them and continues with `messages`. No repair turn
    // may follow them (providers refuse a user turn after unanswered calls), and there is no data yet.
    if (!plan.check || response.toolCalls?.length) return response;

    const checked = await (
      await loadCheck()
    ).checkAnswer(parsed.text, plan.check, round, init.maxRepairs);
    if (checked.ok) {
      init.rawData.value = checked.raw;
      return { ...response, data: checked.value };
    }
    call = {
      ...call,
      messages: [
        ...call.messages,
        parsed.assistant,
        { role: 'user', content: checked.repairPrompt },
      ],
    };
    wire = await adapter.buildRequest(call);
  }
}
