import type { ModelCall } from '../core/adapter.ts';
import type {
  BatchLine,
  BatchLineResult,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from '../core/batch-adapter.ts';
import type { CacheStore } from '../core/cache-store.ts';
import { BatchItemError } from '../core/errors/batch-item-error.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';
import { memoryStore } from '../cache/memory-store.ts';
import { batchHttp } from './batch-http.ts';
import {
  loadJobRecord,
  saveJobRecord,
  type BatchJobRecord,
  type RecordedRequest,
} from './batch-job-record.ts';
import type {
  BatchCallOptions,
  BatchJob,
  BatchRequest,
  BatchResult,
  BatchStatus,
} from './batch-types.ts';
import type { BatchKit } from './batch-kit.ts';
import type { CallPlan, ModelContext } from './run-call.ts';
import { waitForBatch, isEnded } from './wait-for-batch.ts';

/** Batch jobs cost half the listed price at OpenAI, Anthropic and Google (see the README). */
const BATCH_PRICE_FACTOR = 0.5;
/** Options that steer one HTTP call; a batch request is not one. */
const TRANSPORT_OPTIONS = ['signal', 'timeout', 'retryLimit', 'maxRepairs', 'headers'] as const;

// Without a cache store (`cache: false`) job records live with the model, for this process only.
const ownStores = new WeakMap<ModelContext, CacheStore>();
function recordStore(ctx: ModelContext): CacheStore {
  if (ctx.store) return ctx.store;
  let store = ownStores.get(ctx);
  if (!store) ownStores.set(ctx, (store = memoryStore()));
  return store;
}

async function providerBatch(ctx: ModelContext): Promise<ProviderBatchAdapter> {
  const batch = await ctx.adapter.loadBatch?.();
  if (!batch) {
    throw new UnsupportedFeatureError({
      provider: ctx.adapter.provider,
      feature: 'batch',
      detail: `${ctx.endpoint} has no batch API the client supports (OpenAI, Anthropic and the Gemini API have).`,
    });
  }
  return batch;
}

const neverAborted = () => new AbortController().signal;

function checkRequest(request: BatchRequest, index: number, ids: Set<string>) {
  if (typeof request?.id !== 'string' || !request.id) {
    throw new InvalidRequestError(`batch request ${index} needs an \`id\` (a non-empty string).`);
  }
  if (ids.has(request.id)) {
    throw new InvalidRequestError(`batch request id ${JSON.stringify(request.id)} is used twice.`);
  }
  ids.add(request.id);
  for (const name of TRANSPORT_OPTIONS) {
    if (request.options?.[name] !== undefined) {
      throw new InvalidRequestError(
        `batch request ${JSON.stringify(request.id)}: \`${name}\` applies to one HTTP call, and a ` +
          `batch is one job: set it on the model or in submit()/results() options instead.`,
      );
    }
  }
}

/** Builds each request as `chat` would, answers cached ones, sends the rest as one job. */
export async function submitBatch(
  kit: BatchKit,
  ctx: ModelContext,
  requests: readonly BatchRequest[],
  options: BatchCallOptions = {},
): Promise<BatchJob> {
  if (!Array.isArray(requests) || requests.length === 0) {
    throw new InvalidRequestError(
      'batch.submit() takes a non-empty array of { id, input, options }.',
    );
  }
  const ids = new Set<string>();
  const recorded: RecordedRequest[] = [];
  const lines: BatchLine[] = [];
  for (const [index, request] of requests.entries()) {
    checkRequest(request, index, ids);
    const callOptions = request.options ?? {};
    const messages = kit.normalizeMessages(request.input, callOptions.system);
    const call = await kit.buildCall(ctx, 'chat', messages, { type: 'text' }, callOptions);
    const plan: CallPlan = { method: 'chat', call, options: callOptions };
    const ignore = callOptions.ignoreCache ?? ctx.options.ignoreCache ?? false;
    const store = ignore ? undefined : ctx.store;
    const { wire, key } = await kit.prepare(ctx, plan, store);
    if (store && key && (await kit.readCache(ctx, store, key, plan))) {
      recorded.push({ id: request.id, key, cached: true });
      continue;
    }
    const customId = `r${index}`;
    const { spec: _spec, ...plain } = call;
    recorded.push({ id: request.id, key, customId, call: plain });
    lines.push({ customId, wire });
  }
  let id = `cached-${crypto.randomUUID()}`;
  if (lines.length) {
    const batch = await providerBatch(ctx);
    const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
    id = await batch.submit(lines, http('submit'), ctx.model);
  }
  const record: BatchJobRecord = {
    v: 1,
    id,
    provider: ctx.adapter.provider,
    model: ctx.model,
    endpoint: ctx.endpoint,
    sent: lines.length > 0,
    createdAt: Date.now(),
    requests: recorded,
  };
  await saveJobRecord(ctx, recordStore(ctx), record);
  const cached = recorded.length - lines.length;
  return {
    id,
    provider: ctx.adapter.provider,
    model: ctx.model,
    total: recorded.length,
    cached,
    submitted: lines.length,
  };
}

/** A job's state as the caller sees it: cached requests count as succeeded. */
function portableStatus(
  record: BatchJobRecord,
  status: ProviderBatchStatus | undefined,
): BatchStatus {
  const total = record.requests.length;
  const cached = record.requests.filter((r) => r.cached).length;
  if (!status) {
    const counts = { total, cached, succeeded: total, failed: 0, pending: 0 };
    return { id: record.id, state: 'completed', done: true, counts };
  }
  const { succeeded, failed, pending } = status.counts;
  return {
    id: record.id,
    state: status.state,
    done: isEnded(status),
    counts: { total, cached, succeeded: succeeded + cached, failed, pending },
    error: status.error,
    raw: status.raw,
  };
}

/** A job's state; cached requests count as succeeded. */
export async function batchStatus(
  kit: BatchKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): Promise<BatchStatus> {
  const record = await loadJobRecord(ctx, recordStore(ctx), id);
  if (!record.sent) return portableStatus(record, undefined);
  const batch = await providerBatch(ctx);
  const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
  return portableStatus(record, await batch.status(id, http('status')));
}

/**
 * Cancels a job at the provider; a job answered wholly from the cache has nothing to cancel and
 * stays `completed`. Results of the requests finished before the cancel stay readable.
 */
export async function cancelBatch(
  kit: BatchKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): Promise<BatchStatus> {
  const record = await loadJobRecord(ctx, recordStore(ctx), id);
  if (!record.sent) return portableStatus(record, undefined);
  const batch = await providerBatch(ctx);
  const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
  return portableStatus(record, await batch.cancel(id, http('cancel')));
}

/** The result of a sent request from its provider line (or the lack of one). */
async function lineResult(
  kit: BatchKit,
  ctx: ModelContext,
  record: BatchJobRecord,
  request: RecordedRequest,
  line: BatchLineResult | undefined,
  ended: ProviderBatchStatus | undefined,
): Promise<BatchResult> {
  const failure = (reason: BatchItemError['reason'], message: string, more = {}) => ({
    id: request.id,
    error: new BatchItemError({
      provider: record.provider,
      jobId: record.id,
      requestId: request.id,
      reason,
      message,
      ...more,
    }),
  });
  if (!line) {
    // A cancelled or expired job without a line for it: the request never ran (Gemini returns no
    // results at all for such jobs).
    const state = ended?.state;
    if (state === 'cancelled' || state === 'expired')
      return failure(state, `the job was ${state} before the request ran.`);
    const why = state === 'failed' && ended?.error && `the job failed: ${ended.error}`;
    return failure('missing', why || 'the provider returned no result for it.');
  }
  if (line.error) {
    const { reason, message, status, type } = line.error;
    return failure(reason, message, { status, errorType: type });
  }
  const call: ModelCall = { ...request.call! };
  call.spec =
    ctx.options.registry?.getModelDetails(call.model) ?? (await ctx.adapter.loadSpec?.(call.model));
  const url = kit.apiUrl(ctx.endpoint, '/');
  try {
    const parsed = await ctx.adapter.parseResponse(line.body, call, url);
    const response = await kit.toModelResponse({
      provider: ctx.adapter.provider,
      model: ctx.model,
      asked: call,
      answered: call,
      parsed,
      usage: parsed.usage,
      raw: line.body,
      priceFactor: BATCH_PRICE_FACTOR,
    });
    if (ctx.store && request.key) {
      await kit.writeCache(ctx, ctx.store, request.key, response, neverAborted());
    }
    return { id: request.id, response };
  } catch (error) {
    if (!isLLMError(error)) throw error;
    return { id: request.id, error };
  }
}

/** Waits for the job, then yields each request's result in submission order. */
export async function* batchResults(
  kit: BatchKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): AsyncGenerator<BatchResult> {
  const record = await loadJobRecord(ctx, recordStore(ctx), id);
  const lines = new Map<string, BatchLineResult>();
  let ended: ProviderBatchStatus | undefined;
  if (record.sent) {
    const batch = await providerBatch(ctx);
    const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
    ended = await waitForBatch(batch, id, http('status'), options, kit.delay);
    for (const line of await batch.results(id, ended, http('results')))
      lines.set(line.customId, line);
  }
  for (const request of record.requests) {
    if (!request.cached) {
      yield await lineResult(kit, ctx, record, request, lines.get(request.customId!), ended);
      continue;
    }
    const plan: CallPlan = { method: 'chat', call: { extra: {} } as never, options: {} };
    const hit =
      ctx.store && request.key && (await kit.readCache(ctx, ctx.store, request.key, plan));
    yield hit
      ? { id: request.id, response: hit }
      : {
          id: request.id,
          error: new BatchItemError({
            provider: record.provider,
            jobId: record.id,
            requestId: request.id,
            reason: 'missing',
            message: 'it was answered from the cache at submit time, and that entry is gone now.',
          }),
        };
  }
}
