import { ContentFilterError } from '../../core/errors/content-filter-error.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import type { GoogleResponse } from './google-api.ts';
import { isFilteredFinish } from './map-google-finish-reason.ts';

// The parser maps the finish reason of the same answers: one chunk for both.
export { mapGoogleFinishReason } from './map-google-finish-reason.ts';
// The adapter reads error bodies with this chunk too: naming a chunk the call path already names
// costs the first call less than a chunk of its own.
export { googleErrorDetail } from './google-error-detail.ts';

/**
 * The error for an answer that carries none: a blocked prompt, no candidates, or a first candidate
 * withheld by a filter with no text and no calls (never an empty success). Loaded only for answers
 * without a candidate or with an unusual finish reason.
 * @param answered - The first candidate has text or function calls.
 * @returns The error to throw, or undefined when the answer stands.
 */
export function googleAnswerProblem(
  output: GoogleResponse,
  body: unknown,
  answered: boolean,
  provider: string,
  url: string,
): Error | undefined {
  const { promptFeedback } = output;
  const first = output.candidates?.[0];
  if (!first) {
    if (promptFeedback?.blockReason) {
      return new ContentFilterError({
        provider,
        url,
        blockedBy: 'prompt',
        reason: promptFeedback.blockReason,
        safetyRatings: promptFeedback.safetyRatings ?? undefined,
        detail: promptFeedback.blockReasonMessage ?? undefined,
      });
    }
    const detail = 'the answer has no candidates';
    return new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) });
  }
  if (!answered && first.finishReason && isFilteredFinish(first.finishReason)) {
    return new ContentFilterError({
      provider,
      url,
      blockedBy: 'response',
      reason: first.finishReason,
      safetyRatings: first.safetyRatings ?? undefined,
      detail: first.finishMessage ?? undefined,
    });
  }
  return undefined;
}
