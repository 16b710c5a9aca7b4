import type { ReasoningPart, ToolCall } from '../../core/types.ts';
import type { AnthropicMessage } from './anthropic-api.ts';

// Answers that end otherwise than `end_turn` map their stop reason (or throw for a refusal) with the
// code of this chunk.
export { anthropicFinishReason } from './anthropic-finish-reason.ts';

/** What the blocks of an answer hold, as the SDK reports it. */
export interface AnthropicBlocks {
  text: string;
  /** The thinking blocks' text, joined. */
  thinking?: string;
  /** Thinking and redacted-thinking blocks, with their signatures, to be sent back unchanged. */
  reasoning?: ReasoningPart[];
  toolCalls?: ToolCall[];
  /** The answer tool was called, and nothing else: the turn ended with the answer. */
  answered: boolean;
}

/**
 * Reads the blocks of an answer that has more than text (thinking, tool use). Loaded only for such
 * answers: a plain chat's answer never fetches it.
 * @param answerTool - In tool structured-output mode, the tool whose input is the answer: its input
 *   becomes the text (for the JSON check) and it is not reported as a tool call.
 */
export function readAnthropicBlocks(
  msg: AnthropicMessage,
  answerTool: string | undefined,
): AnthropicBlocks {
  let text = '';
  let answer: string | undefined;
  const thinking: string[] = [];
  const reasoning: ReasoningPart[] = [];
  const toolCalls: ToolCall[] = [];
  // Where the parts come from, so that another provider never gets Anthropic's signatures.
  const origin = { provider: 'anthropic', ...(msg.model ? { model: msg.model } : {}) };
  for (const block of msg.content) {
    if (block.type === 'text') text += block.text ?? '';
    else if (block.type === 'thinking') {
      thinking.push(block.thinking ?? '');
      reasoning.push({
        type: 'thinking',
        text: block.thinking ?? '',
        signature: block.signature ?? undefined,
        ...origin,
      });
    } else if (block.type === 'redacted_thinking') {
      reasoning.push({ type: 'redacted_thinking', data: block.data ?? '', ...origin });
    } else if (block.type === 'tool_use' && block.id && block.name) {
      if (answerTool !== undefined && block.name === answerTool)
        answer = JSON.stringify(block.input ?? {});
      else toolCalls.push({ id: block.id, name: block.name, arguments: block.input ?? {} });
    }
  }
  return {
    // The tool's input is the answer, whatever text came around it; without the tool, the text is.
    text: answer ?? text,
    thinking: thinking.length ? thinking.join('\n') : undefined,
    reasoning: reasoning.length ? reasoning : undefined,
    toolCalls: toolCalls.length ? toolCalls : undefined,
    answered: answer !== undefined && msg.stop_reason === 'tool_use' && !toolCalls.length,
  };
}
