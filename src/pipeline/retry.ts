import { isLLMError } from '../core/errors/llm-error.ts';
import { RetryError } from '../core/errors/retry-error.ts';
import { delay } from '../core/delay.ts';

/** How a call retries. */
export interface RetryPolicy {
  /** How many times a failed attempt is retried. @default 2 */
  retryLimit: number;
  /** The first backoff in ms; it doubles per retry, with jitter, up to 8 s. @default 500 */
  retryDelay: number;
  /** Told about each failed attempt that will be retried, before the wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

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
 * Runs `attempt` until it succeeds, a non-retryable error occurs, or the retries run out.
 * @param attempt - One try; receives the attempt number from 0.
 * @param policy - Limits and delays.
 * @param signal - Aborts the waits between attempts.
 * @returns The first successful result.
 * @throws The signal's reason once it aborted, whatever attempt was running; otherwise the error
 *   itself when the first attempt fails for good, or a {@link RetryError} holding every attempt's
 *   error once more than one attempt was made.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  const errors: unknown[] = [];
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      // A caller's abort (or the deadline) ends the call as it would on the first attempt: with the
      // signal's reason, never wrapped in a RetryError with the attempts that came before it.
      if (signal?.aborted) throw signal.reason;
      errors.push(error);
      const retryable = isLLMError(error) && error.isRetryable;
      if (!retryable || n >= policy.retryLimit) {
        if (errors.length === 1) throw error;
        throw new RetryError(errors);
      }
      const ms = retryDelayFor(error, n, policy);
      // An APICallError records the delay honoured after it (read by shape, as above).
      if ('retryAfterMs' in error) (error as { retryDelayMs?: number }).retryDelayMs = ms;
      policy.onRetry?.(error, n, ms);
      await delay(ms, signal);
    }
  }
}
