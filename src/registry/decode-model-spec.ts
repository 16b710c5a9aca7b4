import { FLAG_BITS, type ModelRow, type PriceRow } from './model-row.ts';
import type { ModelPricing, ModelSpec, ReasoningOptions } from './types.ts';

/** A price from a row: `null` and missing members mean unknown. */
function price(row: PriceRow, index: number): number | undefined {
  const value = row[index];
  return value === null || value === undefined ? undefined : value;
}

/** Prices from a {@link PriceRow}; see that type for the member order. */
function decodePricing(row: PriceRow | null | undefined): ModelPricing {
  if (!row) return {};
  const threshold = price(row, 5);
  return {
    input: price(row, 0),
    output: price(row, 1),
    cachedInput: price(row, 2),
    cacheWrite: price(row, 3),
    cacheWrite1h: price(row, 4),
    longContext:
      threshold === undefined
        ? undefined
        : {
            threshold,
            input: price(row, 6),
            output: price(row, 7),
            cachedInput: price(row, 8),
            cacheWrite: price(row, 9),
            cacheWrite1h: price(row, 10),
          },
  };
}

/**
 * Turns one generated row into a {@link ModelSpec}.
 * @param provider - The provider of the row's slice.
 * @param row - A row of a generated data module.
 * @returns The decoded spec (a fresh object each call).
 */
export function decodeModelSpec(provider: string, row: ModelRow): ModelSpec {
  const [id, contextWindow, maxOutputTokens, flags, prices, efforts, budget] = row;
  const has = (bit: number): boolean => (flags & bit) !== 0;
  const reasoning: ReasoningOptions | undefined =
    efforts || budget
      ? {
          efforts: efforts ? efforts.split(' ') : undefined,
          budgetMin: budget?.[0],
          budgetMax: budget?.[1],
        }
      : undefined;
  return {
    id,
    provider,
    contextWindow,
    maxOutputTokens,
    capabilities: {
      tools: has(FLAG_BITS.tools),
      vision: has(FLAG_BITS.vision),
      structuredOutput: has(FLAG_BITS.structuredOutput),
      reasoning: has(FLAG_BITS.reasoning),
      thinking: has(FLAG_BITS.thinking),
      grammar: has(FLAG_BITS.grammar),
      temperature: has(FLAG_BITS.temperature),
    },
    requiresMaxCompletionTokens: has(FLAG_BITS.requiresMaxCompletionTokens),
    exclusiveSampling: has(FLAG_BITS.exclusiveSampling),
    completionsOnly: has(FLAG_BITS.completionsOnly),
    adaptiveThinking: has(FLAG_BITS.adaptiveThinking),
    nativeStructuredOutput: has(FLAG_BITS.nativeStructuredOutput),
    reasoning,
    serviceTiers: [
      ...(has(FLAG_BITS.flexTier) ? (['flex'] as const) : []),
      ...(has(FLAG_BITS.priorityTier) ? (['priority'] as const) : []),
    ],
    pricing: decodePricing(prices),
  };
}
