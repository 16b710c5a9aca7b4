import { isRetryableStatus } from './api-call-error.ts';
import { LLMError } from './llm-error.ts';

/** Why one request of a batch job has no answer. */
export type BatchItemFailure =
  /** The provider refused or failed the request (its status and error type are kept). */
  | 'errored'
  /** The job's completion window ran out before the request was processed. */
  | 'expired'
  /** The job was cancelled before the request was processed. */
  | 'cancelled'
  /** Nothing came back for it: the whole job failed, or its cached answer left the cache. */
  | 'missing';

/** One request of a batch job failed; the other requests' results are unaffected. */
export class BatchItemError extends LLMError {
  override readonly name: string = 'BatchItemError';
  override readonly isRetryable: boolean;
  readonly provider: string;
  /** The job's id. */
  readonly jobId: string;
  /** Your id of the request. */
  readonly requestId: string;
  readonly reason: BatchItemFailure;
  /** The HTTP status the provider gave the request, when it gave one. */
  readonly status: number | undefined;
  /** The provider's error type or code. */
  readonly errorType: string | undefined;

  constructor(init: {
    provider: string;
    jobId: string;
    requestId: string;
    reason: BatchItemFailure;
    message: string;
    status?: number;
    errorType?: string;
  }) {
    super(`${init.provider} batch ${init.jobId}, request ${init.requestId}: ${init.message}`);
    this.provider = init.provider;
    this.jobId = init.jobId;
    this.requestId = init.requestId;
    this.reason = init.reason;
    this.status = init.status;
    this.errorType = init.errorType;
    // Submitting an expired, cancelled or lost request again can succeed; an error, by its status.
    this.isRetryable =
      init.reason !== 'errored' || (init.status !== undefined && isRetryableStatus(init.status));
  }
}
