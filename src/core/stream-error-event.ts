import { isRetryableStatus } from './errors/is-retryable-status.ts';
import { StreamError } from './errors/stream-error.ts';

// Error types that name a passing condition of the server, not a fault of the request.
const PASSING =
  /overloaded|api_error|server_error|rate_limit|too_many|internal|unavailable|exhausted|timeout/i;
// An account out of quota or credit (OpenAI's `insufficient_quota`, with the code
// `credit_balance_exhausted`): asking again cannot help until someone pays.
const UNPAID = /insufficient_quota|credit|billing/i;

/**
 * The {@link StreamError} for an error a provider sends inside a stream after its 200: OpenAI's
 * `data: {"error": {...}}`, Anthropic's `event: error` and Google's `{"error": {code, status}}` all
 * carry `{ message, type | status | code }`. Retryable when the status or type names a passing
 * condition (overloaded, rate limit, server error), never when one names an unpaid account
 * (`insufficient_quota`).
 * @param provider - For the message.
 * @param url - The streamed URL.
 * @param error - The event's `error` member.
 */
export function streamErrorEvent(provider: string, url: string, error: unknown): StreamError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const names = [e.type, e.status, e.code].filter((v): v is string => typeof v === 'string');
  const type = names[0];
  const status = typeof e.code === 'number' ? e.code : undefined;
  return new StreamError({
    provider,
    url,
    detail:
      typeof e.message === 'string' ? e.message : `the provider sent ${JSON.stringify(error)}`,
    errorType: type,
    isRetryable: names.some((n) => UNPAID.test(n))
      ? false
      : status !== undefined
        ? isRetryableStatus(status)
        : PASSING.test(type ?? 'api_error'),
  });
}
