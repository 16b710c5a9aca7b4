import { isLLMError, type LLMError } from '../core/errors/llm-error.ts';
import { RetryError } from '../core/errors/retry-error.ts';
import { delay } from '../core/delay.ts';
import type { RetryPolicy } from './retry.ts';

const MAX_BACKOFF_MS = 8_000;

function retryDelayFor(error: unknown, retry: number, policy: RetryPolicy): number {
  // An APICallError's `retryAfterMs` (read by shape: the class loads only with a failed request).
  const after = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof after === 'number') return after;
  const backoff = Math.min(policy.retryDelay * 2 ** retry, MAX_BACKOFF_MS);
  // Up to 25% less than the full backoff, so clients that failed together do not retry together.
  return backoff * (1 - Math.random() * 0.25);
}

/**
 * The retries after a first attempt failed with a retryable error (see `withRetries`, which loads
 * this only then): waits with backoff or the server's Retry-After, and tries again.
 * @param first - The first attempt's error.
 * @returns The first successful result.
 * @throws The signal's reason once it aborted; otherwise a {@link RetryError} holding every
 *   attempt's error.
 */
export async function retryAgain<T>(
  first: LLMError,
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  const errors: unknown[] = [first];
  for (let n = 0; ; n++) {
    const error = errors[n] as LLMError;
    const ms = retryDelayFor(error, n, policy);
    // An APICallError records the delay honoured after it (read by shape, as above).
    if ('retryAfterMs' in error) (error as { retryDelayMs?: number }).retryDelayMs = ms;
    policy.onRetry?.(error, n, ms);
    await delay(ms, signal);
    try {
      return await attempt(n + 1);
    } catch (next) {
      // A caller's abort (or the deadline) ends the call as it would on the first attempt: with the
      // signal's reason, never wrapped in a RetryError with the attempts that came before it.
      if (signal?.aborted) throw signal.reason;
      errors.push(next);
      if (!(isLLMError(next) && next.isRetryable) || n + 1 >= policy.retryLimit)
        throw new RetryError(errors);
    }
  }
}
