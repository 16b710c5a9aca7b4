import type { ModelSpec } from '../../core/model-spec.ts';

/** How `object()` asks Claude for schema-shaped output. */
export type AnthropicStructuredOutput =
  /** `output_config.format: { type: 'json_schema', schema }` (Claude Sonnet 4.5, Haiku 4.5, Opus 4.5 and later). */
  | 'native'
  /** A tool whose input is the object, forced with `tool_choice` (every Claude model with tools). */
  | 'tool';

/**
 * Picks the structured-output mode of an `object()` call. The registry decides (`nativeStructuredOutput`):
 * native where the model has Anthropic's structured outputs, otherwise the forced tool. A model the
 * registry does not know (a new release, a proxy's alias) gets the tool, which every Claude model
 * with tools accepts; `structuredOutput: 'native'` opts it in (a known model without native output
 * is refused by `prepareAnthropicOutput`, before any request).
 * @param option - The model's `structuredOutput` option, if set.
 * @param spec - The registry's record of the model, if any.
 */
export const structuredOutputMode = (
  option: AnthropicStructuredOutput | undefined,
  spec: ModelSpec | undefined,
): AnthropicStructuredOutput => option ?? (spec?.nativeStructuredOutput ? 'native' : 'tool');
