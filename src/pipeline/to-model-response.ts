import type { ModelCall, ParsedResponse } from '../core/adapter.ts';
import type { JSONValue, ModelResponse, RateLimitInfo, Usage } from '../core/types.ts';
import { computeCost } from '../registry/compute-cost.ts';

/**
 * A copy without undefined members, so a result and its cached copy compare equal. A copy, not
 * `delete`: deleting turns an object into a slow dictionary that every later copy and
 * `JSON.stringify` of the result (the cache's) pays for.
 */
export function compact<T extends object>(value: T): T {
  const out = {} as T;
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** What a result is made of, besides the parsed answer. */
export interface ResponseParts {
  provider: string;
  /** The model asked for (the answer's own model id wins). */
  model: string;
  /** The call as first asked: `messages` continues from it. */
  asked: ModelCall;
  /** The call that was answered (a repair round's), for its registry record. */
  answered: ModelCall;
  parsed: ParsedResponse;
  /** Token counts (summed over repair rounds). */
  usage: Usage;
  warnings?: string[];
  raw: unknown;
  /** The answer's headers (rate-limit information, the request id), whole or streamed; none for batch results. */
  headers?: Headers;
  /** The provider's rate-limit header reader (the adapter's `rateLimit`), if it has one. */
  rateLimit?: (headers: Readonly<Record<string, string>>) => RateLimitInfo | undefined;
  /** Time spent on the exchange (repair rounds added up). */
  latencyMs?: number;
  /** The share of the listed price paid: 0.5 for batch jobs. @default 1 */
  priceFactor?: number;
}

/**
 * Builds the result of an answered call, the same way for a whole answer, a streamed one (its
 * parsed events; `raw` the answer they stand for) and a batch result (so a batch answer in the cache
 * is indistinguishable from a `chat` answer). `rateLimit`, `requestId` and `latencyMs` come from the
 * answer's headers and timing where there are some.
 */
export async function toModelResponse(parts: ResponseParts): Promise<ModelResponse> {
  const { parsed, usage, answered, headers } = parts;
  // The headers, read once (here and by the rate-limit reader): a miss of Headers.get costs about as
  // much as the whole list, and most answers lack one of the two request-id names.
  const read: Record<string, string> = Object.fromEntries(headers ?? []);
  const listed = answered.spec ? computeCost(answered.spec, usage) : undefined;
  return compact({
    text: parsed.text,
    choices: parsed.choices,
    finishReason: parsed.finishReason,
    rawFinishReason: parsed.rawFinishReason,
    id: parsed.id,
    provider: parts.provider,
    model: parsed.model ?? parts.model,
    usage: compact(usage),
    cost: listed === undefined ? undefined : listed * (parts.priceFactor ?? 1),
    thinking: parsed.thinking,
    toolCalls: parsed.toolCalls,
    messages: [...parts.asked.messages, parsed.assistant],
    cached: false,
    warnings: parts.warnings?.length ? parts.warnings : undefined,
    raw: parts.raw as JSONValue,
    // Only OpenAI, xAI and Anthropic send these (their adapters read them).
    rateLimit:
      parts.rateLimit && Object.keys(read).some((name) => name.includes('ratelimit'))
        ? parts.rateLimit(read)
        : undefined,
    requestId: read['x-request-id'] ?? read['request-id'],
    latencyMs: parts.latencyMs,
  });
}
