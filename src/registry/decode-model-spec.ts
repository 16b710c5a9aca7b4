import { FLAG_NAMES, type Flag, type ModelRow, type PriceRow } from './model-row.ts';
import type { ModelCapabilities, ModelPricing, ModelSpec } from './types.ts';

/** The members of a {@link PriceRow}, in order, and again from the long-context tier's `input` on. */
const PRICES = ['input', 'output', 'cachedInput', 'cacheWrite', 'cacheWrite1h'] as const;

/** Prices from `row[at]` on, by name: `null` and missing members mean unknown. */
const prices = (row: PriceRow, at: number) =>
  Object.fromEntries(PRICES.map((name, i) => [name, row[at + i] ?? undefined]));

/**
 * The flags of bits `from` to `to` (excluded), as booleans by name (this keeps the key order of the
 * spec the same as the order of the bits).
 */
const flagsOf = (flags: number, from: number, to: number) =>
  Object.fromEntries(
    FLAG_NAMES.slice(from, to).map((name, i) => [name, ((flags >> (from + i)) & 1) === 1]),
  ) as Record<Flag, boolean>;

/**
 * Turns one generated row into a {@link ModelSpec}.
 * @param provider - The provider of the row's slice.
 * @param row - A row of a generated data module.
 * @returns The decoded spec (a fresh object each call).
 */
export function decodeModelSpec(provider: string, row: ModelRow): ModelSpec {
  const [id, contextWindow, maxOutputTokens, flags, priceRow, efforts, budget] = row;
  const threshold = priceRow?.[5] ?? undefined;
  const pricing: ModelPricing = priceRow
    ? {
        ...prices(priceRow, 0),
        longContext: threshold === undefined ? undefined : { threshold, ...prices(priceRow, 6) },
      }
    : {};
  return {
    id,
    provider,
    contextWindow,
    maxOutputTokens,
    // Bits 0-6 are the capabilities, 7-11 the request rules, 12-13 the tiers (FLAG_NAMES).
    capabilities: flagsOf(flags, 0, 7) as ModelCapabilities,
    ...flagsOf(flags, 7, 12),
    reasoning:
      efforts || budget
        ? {
            efforts: efforts ? efforts.split(' ') : undefined,
            budgetMin: budget?.[0],
            budgetMax: budget?.[1],
          }
        : undefined,
    serviceTiers: (['flex', 'priority'] as const).filter((_, i) => (flags >> (12 + i)) & 1),
    pricing,
  };
}
