import type { ModelCall, ToolChoice } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

function wireChoice(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto' || choice === 'none') return { type: choice };
  // Anthropic calls "must call some tool" `any`.
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

/**
 * Maps portable tools and tool choice to Anthropic's `tools` (`input_schema`) and `tool_choice`.
 * A provider-native `tools` array in `call.extra` is left to pass through verbatim.
 * @param thinking - Whether thinking is on: Anthropic then only accepts `auto` and `none`.
 * @throws {@link InvalidRequestError} for a forced tool choice with thinking on.
 */
export function prepareAnthropicTools(call: ModelCall, thinking: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (call.tools?.length) {
    out.tools = call.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      input_schema: tool.parameters,
    }));
  }
  const choice = call.toolChoice;
  if (choice !== undefined) {
    if (thinking && (choice === 'required' || typeof choice === 'object')) {
      throw new InvalidRequestError(
        `toolChoice ${JSON.stringify(choice)} cannot be combined with thinking: Anthropic only ` +
          "accepts 'auto' or 'none' while the model thinks. Drop toolChoice or turn thinking off.",
      );
    }
    out.tool_choice = wireChoice(choice);
  }
  return out;
}
