import type { Message } from '../core/types.ts';

/** Whether a message has the shape every adapter reads (message-problem.ts says what is wrong). */
const isMessage = (m: unknown): boolean => {
  const { role, content, toolCallId } = (m ?? {}) as Record<string, unknown>;
  return (
    typeof m === 'object' &&
    ['system', 'user', 'assistant', 'tool'].includes(role as string) &&
    (typeof content === 'string' || (role === 'user' && Array.isArray(content))) &&
    (role !== 'tool' || typeof toolCallId === 'string')
  );
};

/**
 * Turns `chat` input into the portable message list, checking it before any request is sent.
 * @param input - A user prompt, or a conversation.
 * @param system - A system prompt to place first.
 * @returns A new array; the caller's messages are not modified.
 * @throws {@link InvalidRequestError} naming the message that is wrong and how to fix it.
 */
export async function normalizeMessages(
  input: string | readonly Message[],
  system?: string,
): Promise<Message[]> {
  if (
    typeof input !== 'string' &&
    !(Array.isArray(input) && input.length && input.every(isMessage))
  )
    // The wording loads only for input that is wrong.
    throw (await import('./message-problem.ts')).messageProblem(input);
  const messages: Message[] =
    typeof input === 'string' ? [{ role: 'user', content: input }] : [...input];
  if (system !== undefined) messages.unshift({ role: 'system', content: system });
  return messages;
}
