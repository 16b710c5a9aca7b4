import { isRetryableStatus } from './is-retryable-status.ts';
import { LLMError } from './llm-error.ts';
import type { RateLimitInfo } from '../types.ts';

/** What an {@link APICallError} knows about the failed call. */
export interface APICallErrorInit {
  /** The provider key, such as `openai`. */
  provider: string;
  /** The URL that was called (it never carries a key). */
  url: string;
  /** The HTTP method. @default 'POST' */
  method?: string;
  /** The HTTP status. */
  status: number;
  /** The provider's message, or the status text. */
  detail: string;
  /** The raw response body, with any key text redacted. */
  responseBody?: string;
  /** The response headers. */
  responseHeaders?: Record<string, string>;
  /** The provider's request id (`x-request-id`, `request-id`). */
  requestId?: string;
  /** The provider's error type or code (`invalid_request_error`, `overloaded_error`). */
  errorType?: string;
  /** The delay the provider asked for (`retry-after-ms` or `Retry-After`), capped at 60 s. */
  retryAfterMs?: number;
  /** The provider's rate-limit headers, normalised (see `response.rateLimit`). */
  rateLimit?: RateLimitInfo;
  /** Milliseconds from sending the request to reading the error. */
  latencyMs?: number;
  /** Overrides the default retry decision taken from the status. */
  isRetryable?: boolean;
  cause?: unknown;
}

export { isRetryableStatus };

/** The provider answered with an HTTP error status. */
export class APICallError extends LLMError {
  override readonly name: string = 'APICallError';
  override readonly isRetryable: boolean;
  readonly provider: string;
  readonly url: string;
  readonly status: number;
  readonly responseBody: string | undefined;
  readonly responseHeaders: Record<string, string>;
  readonly requestId: string | undefined;
  readonly errorType: string | undefined;
  /** The delay the provider asked for before a retry, when it gave one. */
  readonly retryAfterMs: number | undefined;
  /** The provider's rate-limit state with this answer, when it sent the headers. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** Milliseconds from sending the request to reading the error. */
  readonly latencyMs: number | undefined;
  /**
   * The delay the SDK waited after this error before trying again (`retryAfterMs` when the provider
   * gave one, else the backoff); undefined when no retry followed.
   */
  retryDelayMs: number | undefined;

  constructor(init: APICallErrorInit) {
    const id = init.requestId ? ` [request id ${init.requestId}]` : '';
    super(
      `${init.provider} ${init.status}: ${init.detail} (${init.method ?? 'POST'} ${init.url})${id}`,
      init,
    );
    this.provider = init.provider;
    this.url = init.url;
    this.status = init.status;
    this.responseBody = init.responseBody;
    this.responseHeaders = init.responseHeaders ?? {};
    this.requestId = init.requestId;
    this.errorType = init.errorType;
    this.retryAfterMs = init.retryAfterMs;
    this.rateLimit = init.rateLimit;
    this.latencyMs = init.latencyMs;
    this.retryDelayMs = undefined;
    this.isRetryable = init.isRetryable ?? isRetryableStatus(init.status);
  }
}
