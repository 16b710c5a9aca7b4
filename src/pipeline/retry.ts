import { isLLMError } from '../core/errors/llm-error.ts';
import { lazy } from '../core/lazy.ts';

/** How a call retries. */
export interface RetryPolicy {
  /** How many times a failed attempt is retried. @default 2 */
  retryLimit: number;
  /** The first backoff in ms; it doubles per retry, with jitter, up to 8 s. @default 500 */
  retryDelay: number;
  /** Told about each failed attempt that will be retried, before the wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

// Backoff, Retry-After and RetryError load after the first retryable failure only.
const loadRetries = lazy(() => import('./retry-again.ts'));

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs, or the retries run out.
 * @param attempt - One try; receives the attempt number from 0.
 * @param policy - Limits and delays.
 * @param signal - Aborts the waits between attempts.
 * @returns The first successful result.
 * @throws The signal's reason once it aborted, whatever attempt was running; otherwise the error
 *   itself when the first attempt fails for good (or the retry code cannot load, offline), or a
 *   {@link RetryError} holding every attempt's error once more than one attempt was made.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await attempt(0);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (!(isLLMError(error) && error.isRetryable) || policy.retryLimit <= 0) throw error;
    // Offline (a NetworkError), the chunk may not load: the failure itself is then the answer.
    const more = await loadRetries().catch(() => {
      throw error;
    });
    return more.retryAgain(error, attempt, policy, signal);
  }
}
