import type { WireRequest } from './adapter.ts';

/** One request of a provider batch: our own id for it, and the request as `chat` would send it. */
export interface BatchLine {
  /** The batch-local id (`r0`, `r1`, …): fits every provider's `custom_id` rule. */
  customId: string;
  wire: WireRequest;
}

/** How a provider's batch job stands, mapped to portable states. */
export type BatchState =
  /** Accepted, not started (OpenAI `validating`, Gemini `PENDING`). */
  | 'pending'
  /** Being processed (OpenAI `in_progress`/`finalizing`, Anthropic `in_progress`, Gemini `RUNNING`). */
  | 'running'
  /** Cancellation asked for, not finished yet. */
  | 'cancelling'
  /** Ended normally: results are ready (some lines may still have failed). */
  | 'completed'
  /** The whole job failed (for example OpenAI refused the input file): no results. */
  | 'failed'
  /** The completion window (24 h) ran out; results hold what finished before. */
  | 'expired'
  /** Cancelled; results hold what finished before. */
  | 'cancelled';

/** Request counts of a provider job. */
export interface BatchCounts {
  succeeded: number;
  failed: number;
  pending: number;
}

/** A provider job's state as the batch adapter read it. */
export interface ProviderBatchStatus {
  state: BatchState;
  counts: BatchCounts;
  /** Why the whole job failed, when the provider said. */
  error?: string;
  /** The provider's job object, as sent. */
  raw: unknown;
}

/** The outcome of one line: the answer body (as `parseResponse` takes it) or the provider's error. */
export interface BatchLineResult {
  customId: string;
  body?: unknown;
  error?: BatchLineError;
}

/** Why one line of a batch has no answer. */
export interface BatchLineError {
  /** `errored` (the provider refused or failed the request), `expired`, `cancelled`. */
  reason: 'errored' | 'expired' | 'cancelled';
  /** The HTTP status the request would have had, when the provider gives one. */
  status?: number;
  /** The provider's error type or code. */
  type?: string;
  message: string;
}

/** One HTTP exchange with the provider, made for the batch adapter by the pipeline (keys, retries). */
export interface BatchHttpRequest {
  method: 'GET' | 'POST';
  /** A path under the endpoint (`/v1/batches`), or an absolute URL the provider handed out. */
  path: string;
  /** A JSON body, or a `FormData` for an upload. */
  body?: unknown;
  /** Read the answer as text (JSONL) instead of JSON. */
  text?: boolean;
  /** The upload of a job's input file (OpenAI): hooks see it as `batch.upload`. */
  upload?: boolean;
}

/** Sends a {@link BatchHttpRequest}; returns the parsed JSON, or the text when asked. */
export type BatchHttp = (request: BatchHttpRequest) => Promise<unknown>;

/**
 * A provider's batch API, loaded on first use of `model.batch`: turns built requests into a job,
 * reads its state, and reads its results. Pure mapping; keys, retries, caching and polling live in
 * the pipeline.
 */
export interface ProviderBatchAdapter {
  /** Headers every batch request needs (Anthropic's `anthropic-version`). */
  readonly headers?: Record<string, string>;
  /** Creates the job; returns the provider's job id. */
  submit(lines: BatchLine[], http: BatchHttp, model: string): Promise<string>;
  status(jobId: string, http: BatchHttp): Promise<ProviderBatchStatus>;
  /**
   * Asks the provider to cancel a job; returns its state after the ask (`cancelling` while
   * requests in progress finish). Results of the requests finished before stay readable.
   */
  cancel(jobId: string, http: BatchHttp): Promise<ProviderBatchStatus>;
  /** Reads the results of an ended job. Lines the provider reports nothing for are left out. */
  results(jobId: string, status: ProviderBatchStatus, http: BatchHttp): Promise<BatchLineResult[]>;
}
