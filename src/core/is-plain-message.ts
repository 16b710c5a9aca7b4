import type { Message } from './types.ts';

/**
 * Whether a message is plain text: a system message, a user message given as a string, or an
 * assistant message without reasoning or tool calls. Adapters convert a conversation of such
 * messages without the code for content parts, reasoning and tools, which then loads only for
 * conversations that need it.
 */
export const isPlainMessage = (m: Message): boolean =>
  m.role === 'system' ||
  (m.role === 'user'
    ? typeof m.content === 'string'
    : m.role === 'assistant' && !m.reasoning?.length && !m.toolCalls?.length);
