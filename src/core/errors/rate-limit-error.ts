import { APICallError } from './api-call-error.ts';

/**
 * The provider answered 429. Retried by default, after `retryAfterMs` when the provider gave a delay
 * (capped at 60 s), else with exponential backoff. Carries `rateLimit` (the provider's headers,
 * normalised), `requestId`, `latencyMs`, and `retryDelayMs`: the delay honoured before the next try.
 */
export class RateLimitError extends APICallError {
  override readonly name: string = 'RateLimitError';
}
