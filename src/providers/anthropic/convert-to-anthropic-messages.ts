import { isPlainMessage } from '../../core/is-plain-message.ts';
import type { Message } from '../../core/types.ts';

/** An Anthropic content block, as sent. */
export type AnthropicBlock = Record<string, unknown> & { type: string };

/** One Anthropic turn: `user` or `assistant`, always with block content after conversion. */
export interface AnthropicTurn {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

/** The converted conversation. */
export interface AnthropicPrompt {
  /** The leading system messages, joined; Anthropic takes them as the top-level `system`. */
  system?: string;
  messages: AnthropicTurn[];
  /** Parts that could not be sent (unsigned thinking from another provider). */
  warnings: string[];
}

/**
 * Converts portable messages to Anthropic's Messages format: leading system messages become the
 * top-level `system`; consecutive tool results become one user turn of `tool_result` blocks; adjacent
 * turns of the same role are merged, since Anthropic wants user and assistant to alternate.
 * @throws `InvalidRequestError` for a system message after the first non-system one, or tool
 *   calls and results that do not pair up.
 */
export async function convertToAnthropicMessages(
  messages: readonly Message[],
): Promise<AnthropicPrompt> {
  // Images, native blocks, thinking and tool calls load only for conversations that have them.
  const rich = messages.every(isPlainMessage)
    ? undefined
    : await import('./anthropic-rich-blocks.ts');
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
            : rich!.userBlocks(message.content, i),
        );
        continue;
      case 'assistant': {
        const text: AnthropicBlock[] =
          message.content === '' ? [] : [{ type: 'text', text: message.content }];
        const blocks = rich ? rich.assistantBlocks(message, i, warnings, text) : text;
        // An empty assistant message carries nothing, and Anthropic rejects empty content.
        if (blocks.length) push('assistant', blocks);
        continue;
      }
      default:
        // A tool message is never plain: the rich blocks are loaded.
        push('user', [rich!.toolResultBlock(message)]);
    }
  }
  // Tool calls and results must pair up, which only conversations with them need checking.
  rich?.checkToolTurns(messages);
  return { system: system.length ? system.join('\n\n') : undefined, messages: turns, warnings };
}
