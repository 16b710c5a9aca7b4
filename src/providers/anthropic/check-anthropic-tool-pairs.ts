import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { AnthropicBlock, AnthropicTurn } from './convert-to-anthropic-messages.ts';

const idsOf = (blocks: AnthropicBlock[], type: string, key: string) =>
  blocks.filter((b) => b.type === type).map((b) => String(b[key]));

/**
 * Checks what Anthropic checks of tool turns, so the mistake is named before any request instead of
 * coming back as a 400: every tool result answers a tool call of the assistant turn right before it,
 * and every tool call of an assistant turn is answered in the turn right after it (when there is one).
 * Loaded only for conversations with tool calls or results.
 * @param turns - The converted conversation.
 * @throws {@link InvalidRequestError} naming the tool call id and what to send.
 */
export function checkAnthropicToolPairs(turns: readonly AnthropicTurn[]): void {
  turns.forEach((turn, i) => {
    const prev = turns[i - 1];
    const calls = prev?.role === 'assistant' ? idsOf(prev.content, 'tool_use', 'id') : [];
    const results = idsOf(turn.content, 'tool_result', 'tool_use_id');
    const stray = results.find((id) => !calls.includes(id));
    if (stray !== undefined) {
      throw new InvalidRequestError(
        `The tool result for toolCallId ${JSON.stringify(stray)} does not follow the assistant ` +
          'message that made that call: Anthropic needs each tool result right after it. Send the ' +
          'assistant message (with its toolCalls) first, or drop the result.',
      );
    }
    const open = calls.find((id) => !results.includes(id));
    if (open !== undefined) {
      throw new InvalidRequestError(
        `Tool call ${JSON.stringify(open)} has no result: Anthropic needs every tool call answered ` +
          "in the next message. Add { role: 'tool', toolCallId, content } for it before anything else.",
      );
    }
  });
}
