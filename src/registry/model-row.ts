/**
 * The compact shapes of the generated data (src/registry/data/*.ts). Rows are tuples rather than
 * objects because the OpenAI slice is bundled with every OpenAI chat call: property names repeated for
 * each model would cost more than the data itself (issue 6, 12 kB budget).
 * @module
 */

/**
 * Bit positions of {@link ModelRow} flags.
 * The order is fixed: the generator (scripts/generate-registry.mjs) writes the same bits.
 */
export const FLAG_BITS = {
  tools: 1,
  vision: 2,
  structuredOutput: 4,
  reasoning: 8,
  thinking: 16,
  grammar: 32,
  temperature: 64,
  requiresMaxCompletionTokens: 128,
  exclusiveSampling: 256,
  completionsOnly: 512,
  adaptiveThinking: 1024,
  nativeStructuredOutput: 2048,
  flexTier: 4096,
  priorityTier: 8192,
} as const;

/**
 * Prices per million tokens in USD: `[input, output, cachedInput, cacheWrite, cacheWrite1h]`, then,
 * when the provider charges more for long prompts, `threshold, input, output, cachedInput, cacheWrite,
 * cacheWrite1h` of that tier. `null` or a missing member means the price is unknown.
 */
export type PriceRow = readonly (number | null)[];

/**
 * One model as adapters need it:
 * `[id, contextWindow, maxOutputTokens, flags, prices?, efforts?, thinkingBudget?]`.
 * `flags` ORs {@link FLAG_BITS}; `efforts` is the space-separated list of reasoning-effort values;
 * `thinkingBudget` is `[min, max]` thinking tokens.
 */
export type ModelRow = readonly [
  id: string,
  contextWindow: number,
  maxOutputTokens: number,
  flags: number,
  prices?: PriceRow | null,
  efforts?: string | null,
  thinkingBudget?: readonly [number, number] | null,
];

/** One provider's rows, importable alone. */
export interface ModelSlice {
  /** The provider id shared by every row (`openai`, `anthropic`, `google`, `xai`). */
  readonly provider: string;
  /** The models, one tuple each. */
  readonly rows: readonly ModelRow[];
}

/**
 * The descriptive fields of one model, used by the registry queries but not by adapters, as one
 * '|'-separated string: `id|name|family|tier|status|inputModalities|outputModalities|knowledgeCutoff|
 * releaseDate|platforms|source|aliasOf|vertexId`. Lists inside a field are space-separated; empty or
 * missing trailing fields mean "unknown" or "none".
 */
export type DetailRow = string;
