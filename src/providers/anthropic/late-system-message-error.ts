import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/**
 * The error for a system message after the conversation started: Anthropic takes one system
 * prompt, before all messages. Loaded only when one is refused.
 * @param index - The system message's place in the conversation.
 */
export const lateSystemMessageError = (index: number): InvalidRequestError =>
  new InvalidRequestError(
    `Message ${index} has role system after the conversation started. Anthropic takes one system ` +
      'prompt, before all messages: move it to the start (or to the `system` option), or send ' +
      'it as a user message.',
  );
