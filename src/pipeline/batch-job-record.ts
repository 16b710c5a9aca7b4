import type { ModelCall } from '../core/adapter.ts';
import type { CacheStore } from '../core/cache-store.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { ModelResponse } from '../core/types.ts';
import { cacheKey } from './cache-key.ts';
import type { ModelContext } from './run-call.ts';

/** One request of a job, as the record keeps it. */
export interface RecordedRequest {
  /** The caller's id. */
  id: string;
  /** The cache key `chat` uses for the same call (undefined when the request skips the cache). */
  key?: string;
  /** `json` or `object` (absent for `chat`): the answer is checked and has `data`. */
  method?: 'json' | 'object';
  /** Answered from the cache at submit time; not sent. */
  cached?: true;
  /** The provider line's id (sent requests only). */
  customId?: string;
  /** The call as built (without its registry record): parses the answer and continues `messages`. */
  call?: ModelCall;
}

/** What `results` needs, from any process: the provider's job id and each request's cache key. */
export interface BatchJobRecord {
  v: 1;
  id: string;
  provider: string;
  model: string;
  endpoint: string;
  /** False for a job answered wholly from the cache: nothing was sent. */
  sent: boolean;
  createdAt: number;
  requests: RecordedRequest[];
}

/**
 * The record's key: the cache's own layout (so every store keeps it and `pruneCache` sees it),
 * in the model's group, under a hash no call can produce (method `batch-job`).
 */
async function recordKey(ctx: ModelContext, jobId: string): Promise<string> {
  return cacheKey({
    provider: ctx.adapter.provider,
    endpoint: ctx.endpoint,
    model: ctx.model,
    method: 'batch-job',
    path: jobId,
    body: null,
  });
}

/**
 * How long `pruneCache` keeps the record of a job whose results were not read: Anthropic keeps a
 * batch's results 29 days after its creation ("Retrieve Message Batch results"), and OpenAI's and
 * Gemini's jobs end within 24 hours, so no job is readable longer.
 */
const KEEP_OPEN_MS = 30 * 24 * 3_600_000;

/**
 * Stores a job record. The store contract holds result entries only, so the record travels as the
 * `raw` member of an empty result: every store (fs, IndexedDB, KV, unstorage) keeps it unchanged.
 * @param open - The job's results were not read yet: `pruneCache` keeps the record up to 30 days
 *   after submit, whatever its cutoff. Once read (the answers are cached), it is an ordinary entry.
 */
export async function saveJobRecord(
  ctx: ModelContext,
  store: CacheStore,
  record: BatchJobRecord,
  open: boolean,
) {
  const carrier = { text: '', choices: [], messages: [], cached: false, raw: record };
  await store.set(await recordKey(ctx, record.id), {
    v: 1,
    createdAt: record.createdAt,
    response: carrier as unknown as ModelResponse,
    ...(open && { keepUntil: record.createdAt + KEEP_OPEN_MS }),
  });
}

/** Loads a job record; a clear error when this model's store has none for the id. */
export async function loadJobRecord(
  ctx: ModelContext,
  store: CacheStore,
  jobId: string,
): Promise<BatchJobRecord> {
  if (typeof jobId !== 'string' || !jobId) {
    throw new InvalidRequestError(
      'batch.status() and batch.results() take the job id as a string.',
    );
  }
  const entry = await store.get(await recordKey(ctx, jobId));
  const record = (entry?.response as { raw?: BatchJobRecord } | undefined)?.raw;
  if (record?.v !== 1 || record.id !== jobId || !Array.isArray(record.requests)) {
    throw new InvalidRequestError(
      `No record of batch job ${JSON.stringify(jobId)} in the ${store.name} cache store of ` +
        `${ctx.adapter.provider} ${ctx.model}: status() and results() need the same cache store, ` +
        'model and endpoint as submit() (a shared fs, KV or unstorage store works across processes).',
    );
  }
  return record;
}
