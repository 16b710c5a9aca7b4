import { computeCost } from '../registry/compute-cost.ts';
import type { WireRequest } from './adapter.ts';
import { OutputValidationError } from './errors/output-validation-error.ts';
import { extractJson } from './extract-json.ts';
import { withRetries, type RetryPolicy } from './retry.ts';
import type { CallPlan, ModelContext } from './run-call.ts';
import { sendRequest } from './send-request.ts';
import type { JSONModelResponse, JSONValue, ModelResponse, Usage } from './types.ts';

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

const USAGE_COUNTS = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'reasoningTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
] as const;

/** Adds the token counts of a repair round to those before it: every round is paid for. */
function addUsage(total: Usage | undefined, next: Usage): Usage {
  if (!total) return next;
  const sum: Usage = { ...next };
  for (const k of USAGE_COUNTS) {
    if (total[k] !== undefined || next[k] !== undefined) sum[k] = (total[k] ?? 0) + (next[k] ?? 0);
  }
  return sum;
}

function repairPrompt(issues: readonly string[]): string {
  return (
    'Your previous answer could not be used: ' +
    issues.slice(0, 5).join('; ') +
    '. Reply again with only the corrected JSON, no other text.'
  );
}

/** Drops undefined members so a result and its cached copy compare equal. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/**
 * Sends a call (with transport retries) and, for `json` and `object`, checks the answer and asks
 * again with the problems spelled out, up to `maxRepairs` times. Invalid answers never leave here.
 */
export async function requestWithRepairs(
  init: RequestInit,
): Promise<ModelResponse | JSONModelResponse> {
  const { ctx, plan, signal } = init;
  const { adapter } = ctx;
  let call = plan.call;
  let wire = init.wire;
  let usage: Usage | undefined;
  for (let round = 0; ; round++) {
    const url = ctx.endpoint + wire.path;
    const headers = {
      'content-type': 'application/json',
      ...adapter.authHeaders(init.key),
      ...wire.headers,
      ...ctx.options.headers,
      ...plan.options.headers,
    };
    const body = await withRetries(
      () =>
        sendRequest({
          provider: adapter.provider,
          url,
          headers,
          body: wire.body,
          fetch: init.fetch,
          signal,
          secrets: [init.key],
          errorDetail: adapter.errorDetail,
        }),
      init.retry,
      signal,
    );
    const parsed = adapter.parseResponse(body, call, url);
    usage = addUsage(usage, parsed.usage);
    const response: ModelResponse = compact({
      text: parsed.text,
      choices: parsed.choices,
      finishReason: parsed.finishReason,
      rawFinishReason: parsed.rawFinishReason,
      id: parsed.id,
      provider: adapter.provider,
      model: parsed.model ?? ctx.model,
      usage: compact(usage),
      cost: computeCost(call.spec, usage),
      thinking: parsed.thinking,
      toolCalls: parsed.toolCalls,
      messages: [...plan.call.messages, parsed.assistant],
      cached: false,
      warnings: wire.warnings?.length ? wire.warnings : undefined,
      raw: body as JSONValue,
    });
    if (!plan.check) return response;

    const extracted = extractJson(parsed.text);
    let issues: string[];
    if (extracted.ok) {
      const checked = await plan.check(extracted.value);
      if (checked.ok) {
        init.rawData.value = extracted.value;
        return { ...response, data: checked.value };
      }
      issues = checked.issues;
    } else issues = [extracted.error];
    if (round >= init.maxRepairs) {
      throw new OutputValidationError({ text: parsed.text, issues, attempts: round + 1 });
    }
    call = {
      ...call,
      messages: [
        ...call.messages,
        parsed.assistant,
        { role: 'user', content: repairPrompt(issues) },
      ],
    };
    wire = adapter.buildRequest(call);
  }
}
