/**
 * The compact shapes of the generated provider slices (src/registry/data/<provider>.ts), which the
 * registry lists: rows are tuples rather than objects because property names repeated for each model
 * would cost more than the data itself (issue 6). A chat call loads its model family's file instead
 * (src/registry/data/<provider>/), which holds ready specs so the call path needs no decoder.
 * @module
 */

/**
 * The names of the {@link ModelRow} flags, bit 0 first: bits 0-6 are the capabilities, 7-11 the
 * request rules, 12-13 the service tiers. The order is fixed: the generator
 * (scripts/generate-registry.mjs) writes the same bits. One string, not an object of bit values: it
 * is fetched with every first call.
 */
export const FLAG_NAMES = (
  'tools vision structuredOutput reasoning thinking grammar temperature ' +
  'requiresMaxCompletionTokens exclusiveSampling completionsOnly adaptiveThinking ' +
  'nativeStructuredOutput flexTier priorityTier'
).split(' ') as readonly Flag[];

/** The name of one {@link ModelRow} flag. */
export type Flag =
  | 'tools'
  | 'vision'
  | 'structuredOutput'
  | 'reasoning'
  | 'thinking'
  | 'grammar'
  | 'temperature'
  | 'requiresMaxCompletionTokens'
  | 'exclusiveSampling'
  | 'completionsOnly'
  | 'adaptiveThinking'
  | 'nativeStructuredOutput'
  | 'flexTier'
  | 'priorityTier';

/** The bit value of each {@link ModelRow} flag, by name (`tools: 1`, `vision: 2`, …). */
export const FLAG_BITS = /* @__PURE__ */ (() =>
  Object.fromEntries(FLAG_NAMES.map((name, bit) => [name, 1 << bit])) as Readonly<
    Record<Flag, number>
  >)();

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
