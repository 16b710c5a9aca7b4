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
 * Conversations of plain text are converted here; the others (images, native blocks, thinking, tool
 * calls and results) by anthropic-rich-messages.ts, which loads only for them.
 * @throws `InvalidRequestError` for a system message after the first non-system one, or tool
 *   calls and results that do not pair up.
 */
export async function convertToAnthropicMessages(
  messages: readonly Message[],
): Promise<AnthropicPrompt> {
  const system: string[] = [];
  const turns: AnthropicTurn[] = [];
  for (const message of messages) {
    // The rich conversion also refuses a late system message: its error loads only then.
    if (!isPlainMessage(message) || (message.role === 'system' && turns.length > 0)) {
      return (await import('./anthropic-rich-messages.ts')).anthropicRichMessages(messages);
    }
    if (message.role === 'system') system.push(message.content);
    // A plain message is a system, a string user or a text-only assistant message. An empty
    // assistant message carries nothing (Anthropic rejects empty content): it is left out.
    else if (message.role === 'user' || message.content !== '') {
      const block = { type: 'text', text: message.content as string };
      const last = turns[turns.length - 1];
      if (last?.role === message.role) last.content.push(block);
      else turns.push({ role: message.role as AnthropicTurn['role'], content: [block] });
    }
  }
  return { system: system.length ? system.join('\n\n') : undefined, messages: turns, warnings: [] };
}
