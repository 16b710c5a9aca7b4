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
 * A provider-native `tools` array in `call.extra` is left to pass through verbatim. Anthropic refuses
 * `tool_choice` without tools ("tool_choice may only be specified while providing tools"), so with
 * none `auto` and `none` are not sent (a warning) and a forced choice is an error.
 * @param thinking - Whether thinking is on: Anthropic then only accepts `auto` and `none`.
 * @param answerTool - Whether `object()` adds a tool of its own (tool structured-output mode).
 * @param warnings - Receives a line for a tool choice not sent.
 * @throws {@link InvalidRequestError} for a forced tool choice with thinking on or without tools.
 */
export function prepareAnthropicTools(
  call: ModelCall,
  thinking: boolean,
  answerTool: boolean,
  warnings: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (call.tools?.length) {
    out.tools = call.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      input_schema: tool.parameters,
    }));
  }
  const choice = call.toolChoice;
  const native = call.extra.tools;
  const tools = !!call.tools?.length || (Array.isArray(native) && native.length > 0) || answerTool;
  if (choice !== undefined && !tools) {
    if (choice === 'auto' || choice === 'none') {
      warnings.push(`toolChoice '${choice}' was not sent: the call has no tools.`);
      return out;
    }
    throw new InvalidRequestError(
      `toolChoice ${JSON.stringify(choice)} needs tools to call, and the call has none: pass ` +
        '`tools`, or drop toolChoice.',
    );
  }
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
