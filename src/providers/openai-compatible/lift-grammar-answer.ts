import type { ParsedResponse } from '../../core/adapter.ts';
import { GRAMMAR_TOOL } from './prepare-openai-constraint.ts';

/**
 * Turns the forced grammar tool's call into the answer: its input becomes `text` (and the first
 * choice), the call leaves `toolCalls`, and the assistant message holds the text, so the next turn
 * continues a plain conversation. The original library never forced the tool and lost the output.
 * @param parsed - The parsed answer of a call with a constraint sent as a custom tool.
 */
export function liftGrammarAnswer(parsed: ParsedResponse): ParsedResponse {
  const call = parsed.toolCalls?.find((c) => c.custom && c.name === GRAMMAR_TOOL);
  if (!call) return parsed;
  const text = String(call.arguments);
  const toolCalls = parsed.toolCalls!.filter((c) => c !== call);
  const rest = toolCalls.length ? { toolCalls } : {};
  const { toolCalls: _sent, ...assistant } = parsed.assistant as { toolCalls?: unknown };
  return {
    ...parsed,
    text,
    choices: [text, ...parsed.choices.slice(1)],
    finishReason: toolCalls.length ? 'tool_calls' : 'stop',
    toolCalls: toolCalls.length ? toolCalls : undefined,
    assistant: { ...(assistant as ParsedResponse['assistant']), content: text, ...rest },
  };
}
