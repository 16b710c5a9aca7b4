import { ContentFilterError } from '../../core/errors/content-filter-error.ts';
import type { FinishReason } from '../../core/types.ts';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.ts';

/**
 * The finish reason of an answer that ended otherwise than `end_turn`. A `refusal` (Anthropic's
 * safety classifiers stopped the answer, possibly mid-stream) is no answer: it throws, so it is never
 * cached, replayed or sent to a repair round, as the other providers' refusals are not.
 * @param text - The text that came before the stop, for the error's detail.
 * @param url - The called URL, for the error.
 * @throws {@link ContentFilterError} (`reason: 'refusal'`) for a refusal.
 */
export function anthropicFinishReason(
  reason: string | null | undefined,
  text: string,
  url: string,
): FinishReason {
  if (reason === 'refusal') {
    throw new ContentFilterError({
      provider: 'anthropic',
      url,
      blockedBy: 'response',
      reason: 'refusal',
      detail: `Claude stopped with stop_reason "refusal"${text ? ` after ${text.length} characters of text` : ''}`,
    });
  }
  return mapAnthropicStopReason(reason);
}
