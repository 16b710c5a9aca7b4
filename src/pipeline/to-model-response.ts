import type { ParsedResponse, WireRequest } from '../core/adapter.ts';
import type { JSONValue, ModelResponse, Usage } from '../core/types.ts';
import type { CallPlan, ModelContext } from './run-call.ts';

/** Drops undefined members so a result and its cached copy compare equal. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/**
 * The result of a call from an adapter's parsed answer: the same for a whole and a streamed answer.
 * @param usage - The usage to report (a repaired call adds up its rounds).
 * @param body - The provider's body (for a stream, the answer the events stand for).
 * @param answer - The answer's headers (rate limits, request id) and the time its rounds took.
 */
export async function toModelResponse(
  ctx: ModelContext,
  plan: CallPlan,
  wire: WireRequest,
  parsed: ParsedResponse,
  usage: Usage,
  body: unknown,
  answer: { headers: Headers; latencyMs: number },
): Promise<ModelResponse> {
  const { headers } = answer;
  const { spec } = plan.call;
  return compact({
    text: parsed.text,
    choices: parsed.choices,
    finishReason: parsed.finishReason,
    rawFinishReason: parsed.rawFinishReason,
    id: parsed.id,
    provider: ctx.adapter.provider,
    model: parsed.model ?? ctx.model,
    usage: compact(usage),
    // Pricing code comes with the registry data: only calls to known models load it.
    cost: spec ? (await import('../registry/compute-cost.ts')).computeCost(spec, usage) : undefined,
    thinking: parsed.thinking,
    toolCalls: parsed.toolCalls,
    messages: [...plan.call.messages, parsed.assistant],
    cached: false,
    warnings: wire.warnings?.length ? wire.warnings : undefined,
    raw: body as JSONValue,
    // Only OpenAI, xAI and Anthropic send these: the parser loads when they are there.
    rateLimit: [...headers.keys()].some((name) => name.includes('ratelimit'))
      ? (await import('../core/rate-limit.ts')).parseRateLimit(headers)
      : undefined,
    requestId: headers.get('x-request-id') ?? headers.get('request-id') ?? undefined,
    latencyMs: answer.latencyMs,
  });
}
