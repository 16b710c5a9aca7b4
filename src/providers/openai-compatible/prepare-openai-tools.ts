import type { ModelCall } from '../../core/adapter.ts';

/** Maps portable tools and tool choice to Chat Completions `tools` and `tool_choice`. */
export function prepareOpenAITools(call: ModelCall): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (call.tools?.length) {
    out.tools = call.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.parameters,
      },
    }));
  }
  const choice = call.toolChoice;
  if (choice !== undefined) {
    out.tool_choice =
      typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
  }
  return out;
}
