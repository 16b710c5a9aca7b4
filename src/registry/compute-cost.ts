import type { ModelPricing, TokenUsage } from './types.ts';

const PER_TOKEN = 1 / 1_000_000;

/**
 * The cost of one call in USD, from token counts and per-million prices, cache-aware.
 *
 * Convention (adapters normalise to it): `inputTokens` INCLUDES `cachedInputTokens` and
 * `cacheWriteTokens`, as OpenAI and Google report it; Anthropic reports `input_tokens` without cache
 * reads and writes, so its adapter adds them. `outputTokens` INCLUDES `reasoningTokens` (OpenAI's
 * convention), so reasoning is billed once, at the output price.
 *
 * Cached tokens are billed at `cachedInput`, cache writes at `cacheWrite`, and the part of them written
 * with a 1-hour lifetime (`cacheWrite1hTokens`, Anthropic) at `cacheWrite1h`, twice the input price,
 * rather than the 5-minute rate; a provider that publishes no separate cache price bills those tokens
 * as ordinary input. When the prompt exceeds the long-context
 * threshold, the whole call uses the long-context prices, as Google, OpenAI and xAI bill it.
 * @param model - The model's pricing (a `ModelInfo` or `ModelSpec`), or `undefined` for an unknown model.
 * @param usage - Token counts of the call.
 * @returns The cost in USD, or `undefined` when a price the call needs is unknown.
 * @example
 * ```ts
 * computeCost(getModelDetails('gpt-4o'), { inputTokens: 1000, cachedInputTokens: 800, outputTokens: 200 });
 * // 200 × $2.50/M + 800 × $1.25/M + 200 × $10/M = 0.0035
 * ```
 */
export function computeCost(
  model: { readonly pricing: ModelPricing } | undefined,
  usage: TokenUsage,
): number | undefined {
  if (!model) return undefined;
  const inputTokens = usage.inputTokens ?? 0;
  const cached = usage.cachedInputTokens ?? 0;
  const written1h = usage.cacheWrite1hTokens ?? 0;
  // The 1-hour writes are part of the writes; a caller that gives only them still pays for them.
  const written = Math.max(usage.cacheWriteTokens ?? 0, written1h);
  const output = usage.outputTokens ?? 0;
  const long = model.pricing.longContext;
  // Past the long-context threshold, each price the long-context tier gives replaces the base one.
  const p: ModelPricing = { ...model.pricing };
  if (long && inputTokens > long.threshold) {
    for (const [name, price] of Object.entries(long))
      if (price !== undefined) (p as Record<string, number>)[name] = price;
  }
  const parts: Array<readonly [tokens: number, price: number | undefined]> = [
    [Math.max(0, inputTokens - cached - written), p.input],
    [cached, p.cachedInput ?? p.input],
    [written - written1h, p.cacheWrite ?? p.input],
    [written1h, p.cacheWrite1h ?? p.cacheWrite ?? p.input],
    [output, p.output],
  ];
  let total = 0;
  for (const [tokens, price] of parts) {
    if (tokens === 0) continue;
    if (price === undefined) return undefined;
    total += tokens * price * PER_TOKEN;
  }
  return total;
}
