import { ContentFilterError } from '../../core/errors/content-filter-error.ts';

/**
 * The error for a chat answer that is only a refusal (`message.refusal`, no content, no tool call):
 * a {@link ContentFilterError} with reason `refusal` and the model's words, as the Responses API's
 * refusal part gives, never an empty success or an "empty answer" re-asked. Loaded only for such an
 * answer.
 * @param provider - For the message.
 * @param url - The called URL.
 * @param refusal - The model's refusal.
 */
export const chatRefusalError = (provider: string, url: string, refusal: string) =>
  new ContentFilterError({
    provider,
    url,
    blockedBy: 'response',
    reason: 'refusal',
    detail: refusal,
  });
