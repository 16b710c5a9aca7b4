import type { ModelCall } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

const CHOICES = new Set(['auto', 'none', 'required']);

/** A tool's name in either wire shape: Chat Completions nests it, Responses does not. */
const toolName = (t: unknown): unknown => {
  const tool = t as { name?: unknown; function?: { name?: unknown }; custom?: { name?: unknown } };
  return tool?.function?.name ?? tool?.custom?.name ?? tool?.name;
};

/**
 * OpenAI answers a 400 for any other word ("Supported values are: 'none', 'auto', and 'required'") and
 * for a named tool that is not in `tools` ("Tool choice '…' not found in 'tools' parameter"), on Chat
 * Completions and Responses alike: both are said here, before any request, naming the option.
 * @param choice - The call's `toolChoice`.
 * @param tools - The wire `tools` so far (function and custom tools, in either API's shape).
 * @throws {@link InvalidRequestError} for another word, or a name that is not one of the tools.
 */
export function checkChoiceValue(
  choice: NonNullable<ModelCall['toolChoice']>,
  tools: unknown,
): void {
  if (typeof choice === 'string') {
    if (CHOICES.has(choice)) return;
    throw new InvalidRequestError(
      `toolChoice must be "auto", "none", "required" or { name }; got ${JSON.stringify(choice)}.`,
    );
  }
  if (typeof choice?.name !== 'string')
    throw new InvalidRequestError('toolChoice { name } needs the name of one of the tools passed.');
  const names = (Array.isArray(tools) ? tools : [])
    .map(toolName)
    .filter((n) => typeof n === 'string');
  if (names.length && !names.includes(choice.name)) {
    throw new InvalidRequestError(
      `toolChoice names ${JSON.stringify(choice.name)}, which is not one of the tools passed ` +
        `(${names.map((n) => JSON.stringify(n)).join(', ')}).`,
    );
  }
}

/**
 * Maps portable tools and tool choice to Chat Completions `tools` and `tool_choice`, in place. OpenAI
 * refuses `tools: []` ("Invalid 'tools': empty array") and a `tool_choice` without tools ("'tool_choice'
 * is only allowed when 'tools' are specified"), so an empty list is left out, and so is an `auto` or
 * `none` choice that has no tools to apply to (with a warning).
 * @param call - The call.
 * @param body - The body so far (a provider-native `tools` array may be in it); changed in place.
 * @returns Warnings.
 * @throws {@link InvalidRequestError} for a `toolChoice` OpenAI does not take, one naming a function
 *   that is not in `tools`, or one that requires a tool call when there are no tools.
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
    checkChoiceValue(choice, body.tools);
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
