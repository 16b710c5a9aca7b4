import type { ModelCall } from '../../core/adapter.ts';
import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';
import type { AnthropicStructuredOutput } from './anthropic-structured-output.ts';
import { toAnthropicSchema } from './to-anthropic-schema.ts';

/** The instruction that asks a thinking model to answer through the schema tool. */
const answerToolInstruction = (name: string) =>
  `Give your final answer by calling the \`${name}\` tool once, with the answer as its input.`;

/**
 * Asks for schema-shaped output in an Anthropic request body, for `object()`. Loaded only by
 * `object()` calls.
 * - `native`: `output_config.format` with the schema rewritten to Anthropic's subset
 *   ({@link toAnthropicSchema}).
 * - `tool`: one more tool whose input schema is the caller's (plain tools take any JSON Schema),
 *   forced with `tool_choice`. Anthropic refuses a forced tool choice while the model thinks
 *   ("Thinking may not be enabled when tool_choice forces tool use"), so with thinking on the choice
 *   is `auto` and the system prompt asks for the tool; the answer is read from the tool's input, or
 *   failing that from the text, and validated as usual.
 * @param call - An `object()` call (`output.type` is `json-schema`).
 * @param mode - The structured-output mode for the model.
 * @param thinking - Whether the request turns thinking on.
 * @param body - The request body, completed in place.
 * @param system - The system prompt so far.
 * @returns The system prompt to send.
 * @throws {@link UnsupportedFeatureError} for `'native'` on a model the registry lists without native
 *   structured outputs (Anthropic would answer 400).
 */
export function prepareAnthropicOutput(
  call: ModelCall,
  mode: AnthropicStructuredOutput,
  thinking: boolean,
  body: Record<string, unknown>,
  system: string | undefined,
): string | undefined {
  if (call.output.type !== 'json-schema') return system;
  if (mode === 'native' && call.spec && !call.spec.nativeStructuredOutput) {
    throw new UnsupportedFeatureError({
      provider: 'anthropic',
      feature: 'native structured output',
      detail:
        `structuredOutput is 'native', but the model registry says ${call.model} has no native ` +
        "structured outputs (Claude Sonnet 4.5, Haiku 4.5, Opus 4.5 and later have them): set 'tool' " +
        'or leave the option unset.',
    });
  }
  const { name, schema } = call.output;
  if (mode === 'native') {
    const current = (body.output_config ?? {}) as Record<string, unknown>;
    body.output_config = {
      ...current,
      format: { type: 'json_schema', schema: toAnthropicSchema(schema) },
    };
    return system;
  }
  const tool = { name, description: 'Return the answer as this tool input.', input_schema: schema };
  body.tools = [...((body.tools as unknown[]) ?? []), tool];
  if (!thinking) {
    body.tool_choice = { type: 'tool', name };
    return system;
  }
  body.tool_choice = { type: 'auto' };
  const instruction = answerToolInstruction(name);
  return system ? `${system}\n\n${instruction}` : instruction;
}
