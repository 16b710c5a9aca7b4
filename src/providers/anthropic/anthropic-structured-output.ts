/** How `object()` asks Claude for schema-shaped output. */
export type AnthropicStructuredOutput =
  /** `output_config.format: { type: 'json_schema', schema }` (Claude Opus 4.1, Sonnet 4.5, Haiku 4.5 and later). */
  | 'native'
  /** A tool whose input is the object, forced with `tool_choice` (every Claude model with tools). */
  | 'tool';

/**
 * Picks the structured-output mode for a model: native where Anthropic documents it, otherwise the
 * forced tool, which older models (Claude 3.x, Opus 4.0, Sonnet 4.0) understand.
 */
export function defaultStructuredOutput(model: string): AnthropicStructuredOutput {
  const id = model.replace(/^anthropic\//, '');
  if (/^claude-3|^claude-(opus|sonnet)-4-(0|2025)|^claude-(opus|sonnet)-4$/.test(id)) return 'tool';
  return 'native';
}
