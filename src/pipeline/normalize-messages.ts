import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { Message } from '../core/types.ts';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * Turns `chat` input into the portable message list, checking it before any request is sent.
 * @param input - A user prompt, or a conversation.
 * @param system - A system prompt to place first.
 * @returns A new array; the caller's messages are not modified.
 * @throws {@link InvalidRequestError} naming the message that is wrong and how to fix it.
 */
export function normalizeMessages(input: string | readonly Message[], system?: string): Message[] {
  if (typeof input !== 'string' && !Array.isArray(input)) {
    throw new InvalidRequestError(
      'chat() takes a string or an array of messages ({ role, content }); got ' +
        typeof input +
        '.',
    );
  }
  const messages: Message[] =
    typeof input === 'string' ? [{ role: 'user', content: input }] : [...input];
  if (messages.length === 0) {
    throw new InvalidRequestError('chat() needs at least one message; the array was empty.');
  }
  messages.forEach((message, i) => {
    const m = message as { role?: unknown; content?: unknown; toolCallId?: unknown } | null;
    if (!m || typeof m !== 'object' || !ROLES.has(m.role as string)) {
      throw new InvalidRequestError(
        `Message ${i} has role ${JSON.stringify(m?.role)}; use one of system, user, assistant, tool.`,
      );
    }
    if (typeof m.content !== 'string' && !(m.role === 'user' && Array.isArray(m.content))) {
      throw new InvalidRequestError(
        `Message ${i} (${String(m.role)}) needs string content` +
          (m.role === 'user' ? ' or an array of content parts.' : '.'),
      );
    }
    if (m.role === 'tool' && typeof m.toolCallId !== 'string') {
      throw new InvalidRequestError(`Message ${i} (tool) needs the toolCallId it answers.`);
    }
  });
  if (system !== undefined) messages.unshift({ role: 'system', content: system });
  return messages;
}
