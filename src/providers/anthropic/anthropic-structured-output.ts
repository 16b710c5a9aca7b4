import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';
import type { ModelSpec } from '../../registry/types.ts';

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
 * with tools accepts; `structuredOutput: 'native'` opts it in.
 * @param option - The model's `structuredOutput` option, if set.
 * @param spec - The registry's record of the model, if any.
 * @param model - The model id, for the error message.
 * @throws {@link UnsupportedFeatureError} for `'native'` on a model the registry lists without it
 *   (Anthropic would answer 400).
 */
export function structuredOutputMode(
  option: AnthropicStructuredOutput | undefined,
  spec: ModelSpec | undefined,
  model: string,
): AnthropicStructuredOutput {
  if (option === 'native' && spec && !spec.nativeStructuredOutput) {
    throw new UnsupportedFeatureError({
      provider: 'anthropic',
      feature: 'native structured output',
      detail:
        `structuredOutput is 'native', but the model registry says ${model} has no native ` +
        "structured outputs (Claude Sonnet 4.5, Haiku 4.5, Opus 4.5 and later have them): set 'tool' " +
        'or leave the option unset.',
    });
  }
  return option ?? (spec?.nativeStructuredOutput ? 'native' : 'tool');
}
