import type { ModelCall } from '../../core/adapter.ts';
import { GRAMMAR_TOOL, grammarOf } from './prepare-openai-constraint.ts';
import { checkChoiceValue, checkToolChoice, isGrammarTool } from './prepare-openai-tools.ts';

/**
 * Maps portable tools, grammar tools, the tool choice and a forced grammar answer to Responses API
 * `tools` and `tool_choice`, in place (openai-openapi.yaml `FunctionTool`, `CustomToolParam`,
 * `ToolChoiceFunction`, `ToolChoiceCustom`). Function tools are flat here, unlike Chat Completions,
 * and `strict` is required: the SDK sends `false`, as it sends no `strict` on Chat Completions. A
 * constraint becomes the custom tool `grammar_response`, forced, whose input is the answer. A
 * `tool_choice` without tools follows the Chat Completions rules.
 * @param call - The call.
 * @param body - The body so far (a provider-native `tools` array may be in it).
 * @returns Warnings.
 * @throws {@link InvalidRequestError} for a `toolChoice` OpenAI does not take, one naming a tool that
 *   is not in `tools`, or one that requires a tool call when there are no tools.
 */
export function prepareResponsesTools(call: ModelCall, body: Record<string, unknown>): string[] {
  // An undefined description is dropped when the body is serialised.
  const tools: unknown[] = [
    ...((body.tools as unknown[] | undefined) ?? []),
    ...(call.tools ?? []).map((tool) => ({
      type: 'function',
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
      strict: false,
    })),
    ...(call.grammarTools ?? []).map(({ name, description, grammar }) => ({
      type: 'custom',
      name,
      description,
      format: { type: 'grammar', syntax: grammar.syntax, definition: grammar.definition },
    })),
  ];
  const choice = call.toolChoice;
  if (choice !== undefined) {
    checkChoiceValue(choice, tools);
    body.tool_choice =
      typeof choice === 'string'
        ? choice
        : { type: isGrammarTool(call, choice.name) ? 'custom' : 'function', name: choice.name };
  }
  if (call.constraint) {
    tools.push({
      type: 'custom',
      name: GRAMMAR_TOOL,
      description: 'Give the whole answer as this tool input.',
      format: { ...grammarOf(call.constraint), type: 'grammar' },
    });
    body.tool_choice = { type: 'custom', name: GRAMMAR_TOOL };
  }
  if (tools.length) body.tools = tools;
  else delete body.tools;
  return checkToolChoice(call, body);
}
