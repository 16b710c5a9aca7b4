import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';

/**
 * What is wrong with `chat` input that `normalizeMessages` refused, or with a `complete` prompt that
 * is not a string (loaded only then).
 * @param input - The refused input.
 * @param method - The method that refused it.
 * @returns An {@link InvalidRequestError} naming the message that is wrong and how to fix it.
 */
export function messageProblem(input: unknown, method = 'chat'): InvalidRequestError {
  if (method === 'complete') {
    return new InvalidRequestError(`complete() takes the prompt as a string; got ${typeof input}.`);
  }
  if (!Array.isArray(input)) {
    return new InvalidRequestError(
      `chat() takes a string or an array of messages ({ role, content }); got ${typeof input}.`,
    );
  }
  if (input.length === 0) {
    return new InvalidRequestError('chat() needs at least one message; the array was empty.');
  }
  for (const [i, message] of input.entries()) {
    const m = message as { role?: unknown; content?: unknown; toolCallId?: unknown } | null;
    if (
      !m ||
      typeof m !== 'object' ||
      !['system', 'user', 'assistant', 'tool'].includes(m.role as string)
    ) {
      return new InvalidRequestError(
        `Message ${i} has role ${JSON.stringify(m?.role)}; use one of system, user, assistant, tool.`,
      );
    }
    if (typeof m.content !== 'string' && !(m.role === 'user' && Array.isArray(m.content))) {
      return new InvalidRequestError(
        `Message ${i} (${String(m.role)}) needs string content` +
          (m.role === 'user' ? ' or an array of content parts.' : '.'),
      );
    }
    if (m.role === 'tool' && typeof m.toolCallId !== 'string') {
      return new InvalidRequestError(`Message ${i} (tool) needs the toolCallId it answers.`);
    }
  }
  return new InvalidRequestError('chat() got messages it cannot send.');
}
