import type { Message } from '../../core/types.ts';
import {
  assistantBlocks,
  checkToolTurns,
  toolResultBlock,
  userBlocks,
} from './anthropic-rich-blocks.ts';
import type {
  AnthropicBlock,
  AnthropicPrompt,
  AnthropicTurn,
} from './convert-to-anthropic-messages.ts';

/**
 * Converts a conversation with content parts, reasoning, tool calls or tool results, or one that
 * puts a system message after the first other message (see {@link convertToAnthropicMessages},
 * which hands such conversations over). Loaded only for them: a plain conversation never fetches it.
 * @throws `InvalidRequestError` for a system message after the first non-system one, or tool
 *   calls and results that do not pair up.
 */
export async function anthropicRichMessages(
  messages: readonly Message[],
): Promise<AnthropicPrompt> {
  const system: string[] = [];
  const turns: AnthropicTurn[] = [];
  const warnings: string[] = [];
  const push = (role: AnthropicTurn['role'], content: AnthropicBlock[]) => {
    const last = turns[turns.length - 1];
    if (last?.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };
  for (const [i, message] of messages.entries()) {
    switch (message.role) {
      case 'system':
        if (turns.length > 0) {
          throw (await import('./late-system-message-error.ts')).lateSystemMessageError(i);
        }
        system.push(message.content);
        continue;
      case 'user':
        push(
          'user',
          typeof message.content === 'string'
            ? [{ type: 'text', text: message.content }]
            : userBlocks(message.content, i),
        );
        continue;
      case 'assistant': {
        const text: AnthropicBlock[] =
          message.content === '' ? [] : [{ type: 'text', text: message.content }];
        const blocks = assistantBlocks(message, i, warnings, text);
        // An empty assistant message carries nothing, and Anthropic rejects empty content.
        if (blocks.length) push('assistant', blocks);
        continue;
      }
      default:
        push('user', [toolResultBlock(message)]);
    }
  }
  // Tool calls and results must pair up.
  checkToolTurns(messages);
  return { system: system.length ? system.join('\n\n') : undefined, messages: turns, warnings };
}
