import type { BatchCounts, BatchState } from '../core/batch-adapter.ts';
import type { LLMError } from '../core/errors/llm-error.ts';
import type { JSONModelResponse, Message, ModelResponse } from '../core/types.ts';
import type { StandardSchemaV1 } from '../core/standard-schema.ts';
import type { CallOptions, ObjectOptions } from './options.ts';

/**
 * One request of a batch job: what `model.chat(input, options)` would be asked, or with `method`
 * `json` or `object`, what `model.json(input, options)` or `model.object(input, options)` would be.
 */
export interface BatchRequest {
  /** Your id for the request, unique within the job; results carry it. */
  id: string;
  input: string | readonly Message[];
  /** The call the request stands for. @default 'chat' */
  method?: 'chat' | 'json' | 'object';
  /**
   * Call options as for `chat`, `json` or `object` (sampling, `system`, tools, pass-through body
   * members; `schema`, `jsonSchema` and `schemaName` for `object`). Transport options (`signal`,
   * `timeout`, `retryLimit`, `headers`, `maxRepairs`) belong to the job, not to a request, and are
   * refused here.
   */
  options?: CallOptions &
    Partial<Pick<ObjectOptions<StandardSchemaV1>, 'schema' | 'jsonSchema' | 'schemaName'>>;
}

/** Options of `batch.submit`, `batch.status`, `batch.results` and `batch.cancel`. */
export interface BatchCallOptions {
  /** Cancels the job's HTTP requests and, in `results`, the wait for the job to end. */
  signal?: AbortSignal;
  /** `results`: the first wait between status polls, in ms; doubles per poll. @default 5000 */
  pollInterval?: number;
  /** `results`: the longest wait between polls, in ms. @default 60000 */
  maxPollInterval?: number;
  /**
   * `results`: the schema of the job's `object` requests, needed when they are read in another
   * process than the one that submitted them (a schema is code, and the job record is data).
   */
  schema?: StandardSchemaV1;
}

/** A submitted job. */
export interface BatchJob {
  /** The provider's job id (`batch_…`, `msgbatch_…`, `batches/…`), or `cached-…` when every request was answered from the cache and nothing was sent. */
  id: string;
  provider: string;
  model: string;
  /** How many requests the job has, cached ones included. */
  total: number;
  /** How many were answered from the cache and left out of the provider's job. */
  cached: number;
  /** How many were sent to the provider. */
  submitted: number;
}

/** A job's progress. `counts` include the cached requests as succeeded. */
export interface BatchStatus {
  id: string;
  state: BatchState;
  /** True once results can be read (`completed`, `failed`, `expired`, `cancelled`). */
  done: boolean;
  counts: BatchCounts & { total: number; cached: number };
  /** Why the whole job failed, when the provider said. */
  error?: string;
  /** The provider's job object, as sent (undefined for a job answered from the cache). */
  raw?: unknown;
}

/** The outcome of one request: its answer, or why it has none. */
export type BatchResult =
  | { id: string; response: ModelResponse | JSONModelResponse; error?: undefined }
  | { id: string; response?: undefined; error: LLMError };

/** `model.batch`: the provider's batch API behind one portable interface. */
export interface ModelBatch {
  /**
   * Answers what the cache holds, sends the rest as one provider job (about half price, done within
   * 24 h), and stores a job record in the cache store so `results` works from any process.
   * @param requests - `{ id, input, options }` per request.
   */
  submit(requests: readonly BatchRequest[], options?: BatchCallOptions): Promise<BatchJob>;
  /** Reads a job's state and counts (one request; no waiting). */
  status(id: string, options?: BatchCallOptions): Promise<BatchStatus>;
  /**
   * Waits for the job to end (polling with backoff; `signal` stops the wait), then yields every
   * request's result in submission order and writes the answers into the cache, so a later `chat`
   * of the same call is a cache hit.
   */
  results(id: string, options?: BatchCallOptions): AsyncIterable<BatchResult>;
  /**
   * Asks the provider to cancel the job and returns its state (`cancelling` until the requests in
   * progress finish, then `cancelled`). `results` still yields what finished before the cancel;
   * the rest are `BatchItemError`s with reason `cancelled`.
   */
  cancel(id: string, options?: BatchCallOptions): Promise<BatchStatus>;
}
