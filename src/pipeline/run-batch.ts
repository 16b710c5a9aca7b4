import type {
  BatchLine,
  BatchLineResult,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from '../core/batch-adapter.ts';
import type { CacheStore } from '../core/cache-store.ts';
import { delay } from '../core/delay.ts';
import { BatchItemError } from '../core/errors/batch-item-error.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
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
import type { CallKit } from './call-kit.ts';
import type { CallPlan, ModelContext } from './run-call.ts';
import { batchOutput, checksOf, objectChecks } from './batch-output.ts';
import { lineResult } from './batch-line-result.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import { waitForBatch, isEnded } from './wait-for-batch.ts';

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
  kit: CallKit,
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
  const checks = new Map<string, OutputCheck>();
  const recorded: RecordedRequest[] = [];
  const lines: BatchLine[] = [];
  for (const [index, request] of requests.entries()) {
    checkRequest(request, index, ids);
    const callOptions = request.options ?? {};
    const { method, output, check } = await batchOutput(request);
    const messages = await kit.normalizeMessages(request.input, callOptions.system);
    const call = await kit.buildCall(ctx, method, messages, output, callOptions);
    // The plan json() or object() runs: the same cache key, and hits re-validated the same way.
    const plan: CallPlan = { method, call, options: callOptions, check };
    const ignore = callOptions.ignoreCache ?? ctx.options.ignoreCache ?? false;
    const store = ignore ? undefined : ctx.store;
    const { wire, key } = await kit.prepare(ctx, plan, store);
    if (method === 'object') checks.set(request.id, check!);
    const typed = method === 'chat' ? {} : { method };
    if (store && key && (await kit.readCache(ctx, store, key, plan))) {
      recorded.push({ id: request.id, key, cached: true, ...typed });
      continue;
    }
    const customId = `r${index}`;
    const { spec: _spec, ...plain } = call;
    recorded.push({ id: request.id, key, customId, call: plain, ...typed });
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
  await saveJobRecord(ctx, recordStore(ctx), record, record.sent);
  if (checks.size) objectChecks(ctx).set(id, checks);
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
export function batchStatus(
  kit: CallKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): Promise<BatchStatus> {
  return jobCall(kit, ctx, id, options, 'status');
}

/**
 * Cancels a job at the provider; a job answered wholly from the cache has nothing to cancel and
 * stays `completed`. Results of the requests finished before the cancel stay readable.
 */
export function cancelBatch(
  kit: CallKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): Promise<BatchStatus> {
  return jobCall(kit, ctx, id, options, 'cancel');
}

/** Sends `operation` for a job that went to the provider and reads the portable state it answers. */
async function jobCall(
  kit: CallKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions,
  operation: 'status' | 'cancel',
): Promise<BatchStatus> {
  const record = await loadJobRecord(ctx, recordStore(ctx), id);
  if (!record.sent) return portableStatus(record, undefined);
  const batch = await providerBatch(ctx);
  const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
  return portableStatus(record, await batch[operation](id, http(operation)));
}

/** Waits for the job, then yields each request's result in submission order. */
export async function* batchResults(
  kit: CallKit,
  ctx: ModelContext,
  id: string,
  options: BatchCallOptions = {},
): AsyncGenerator<BatchResult> {
  const record = await loadJobRecord(ctx, recordStore(ctx), id);
  const checks = await checksOf(ctx, record, options.schema);
  const lines = new Map<string, BatchLineResult>();
  let ended: ProviderBatchStatus | undefined;
  if (record.sent) {
    const batch = await providerBatch(ctx);
    const http = await batchHttp(kit, ctx, batch, options.signal ?? neverAborted());
    ended = await waitForBatch(batch, id, http('status'), options, delay);
    for (const line of await batch.results(id, ended, http('results')))
      lines.set(line.customId, line);
  }
  for (const request of record.requests) {
    if (!request.cached) {
      const line = lines.get(request.customId!);
      yield await lineResult(kit, ctx, record, request, line, ended, checks.get(request.id));
      continue;
    }
    const plan: CallPlan = {
      method: request.method ?? 'chat',
      call: { extra: {} } as never,
      options: {},
      check: checks.get(request.id),
    };
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
  // Every result was read and the answers are cached: `pruneCache` may now drop the record by age.
  if (record.sent) await saveJobRecord(ctx, recordStore(ctx), record, false);
}
