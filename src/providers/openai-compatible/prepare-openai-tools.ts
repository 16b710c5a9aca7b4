import type { ModelCall } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/**
 * Maps portable tools and tool choice to Chat Completions `tools` and `tool_choice`, in place. OpenAI
 * refuses `tools: []` ("Invalid 'tools': empty array") and a `tool_choice` without tools ("'tool_choice'
 * is only allowed when 'tools' are specified"), so an empty list is left out, and so is an `auto` or
 * `none` choice that has no tools to apply to (with a warning).
 * @param call - The call.
 * @param body - The body so far (a provider-native `tools` array may be in it); changed in place.
 * @returns Warnings.
 * @throws {@link InvalidRequestError} when `toolChoice` requires a tool call and there are no tools.
 */
export function prepareOpenAITools(call: ModelCall, body: Record<string, unknown>): string[] {
  const described = (d: string | undefined) => (d === undefined ? {} : { description: d });
  if (call.tools?.length || call.grammarTools?.length) {
    body.tools = [
      ...(call.tools ?? []).map((tool) => ({
        type: 'function',
        function: { name: tool.name, ...described(tool.description), parameters: tool.parameters },
      })),
      // Chat Completions nests custom tools differently from Responses (openai-openapi.yaml
      // ChatCompletionCustomTool): `{ type: 'custom', custom: { name, format: { grammar } } }`.
      ...(call.grammarTools ?? []).map((tool) => ({
        type: 'custom',
        custom: {
          name: tool.name,
          ...described(tool.description),
          format: { type: 'grammar', grammar: tool.grammar },
        },
      })),
    ];
  }
  const choice = call.toolChoice;
  if (choice !== undefined) {
    body.tool_choice =
      typeof choice === 'string'
        ? choice
        : isGrammarTool(call, choice.name)
          ? { type: 'custom', custom: { name: choice.name } }
          : { type: 'function', function: { name: choice.name } };
  }
  if (Array.isArray(body.tools) && body.tools.length === 0) delete body.tools;
  return checkToolChoice(call, body);
}

/** Whether a tool named in `toolChoice` is one of the call's grammar (custom) tools. */
export const isGrammarTool = (call: ModelCall, name: string): boolean =>
  call.grammarTools?.some((t) => t.name === name) ?? false;

/**
 * The rule for a `tool_choice` without tools, the same on Chat Completions and Responses: `auto` and
 * `none` are dropped with a warning, a choice that requires a call is an error.
 * @returns Warnings.
 * @throws {@link InvalidRequestError} when the choice requires a tool call.
 */
export function checkToolChoice(call: ModelCall, body: Record<string, unknown>): string[] {
  if (body.tool_choice === undefined || body.tools !== undefined) return [];
  if (body.tool_choice === 'auto' || body.tool_choice === 'none') {
    delete body.tool_choice;
    return ['tool_choice was not sent: there are no tools for it to apply to.'];
  }
  throw new InvalidRequestError(
    `toolChoice ${JSON.stringify(call.toolChoice ?? body.tool_choice)} asks for a tool call, but the call ` +
      'has no tools: pass `tools`, or leave toolChoice out.',
  );
}
