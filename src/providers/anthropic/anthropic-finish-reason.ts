import type { FinishReason } from '../../core/types.ts';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.ts';

/**
 * The finish reason of an answer that ended otherwise than `end_turn`. A `refusal` (Anthropic's
 * safety classifiers stopped the answer, possibly mid-stream) is no answer: it throws, so it is never
 * cached, replayed or sent to a repair round, as the other providers' refusals are not.
 * @param text - The text that came before the stop, for the error's detail.
 * @param url - The called URL, for the error.
 * @throws `ContentFilterError` (`reason: 'refusal'`) for a refusal.
 */
export async function anthropicFinishReason(
  reason: string | null | undefined,
  text: string,
  url: string,
): Promise<FinishReason> {
  if (reason === 'refusal')
    throw (await import('./anthropic-refusal-error.ts')).anthropicRefusalError(text, url);
  return mapAnthropicStopReason(reason);
}
