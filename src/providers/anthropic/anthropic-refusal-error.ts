import { ContentFilterError } from '../../core/errors/content-filter-error.ts';

/**
 * The error for an answer that ended with `stop_reason: "refusal"`. A chunk of its own, loaded only
 * for a refusal: the answer reader's chunk, which tool calls load, stays without the error class.
 * @param text - The text that came before the stop.
 * @param url - The called URL.
 */
export function anthropicRefusalError(text: string, url: string): ContentFilterError {
  return new ContentFilterError({
    provider: 'anthropic',
    url,
    blockedBy: 'response',
    reason: 'refusal',
    detail: `Claude stopped with stop_reason "refusal"${text ? ` after ${text.length} characters of text` : ''}`,
  });
}
