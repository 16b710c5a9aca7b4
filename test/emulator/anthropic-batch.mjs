// Anthropic Message Batches emulation: POST /v1/messages/batches, GET /v1/messages/batches/{id},
// GET /v1/messages/batches/{id}/results (JSONL at `results_url`). Shapes follow
// /work/shared/specs/anthropic-openapi.json (MessageBatch, MessageBatchIndividualResponse) and
// https://docs.anthropic.com/en/docs/build-with-claude/batch-processing: `custom_id` must match
// ^[a-zA-Z0-9_-]{1,64}$ and be unique, `params` are checked per request when it is processed (an
// invalid one ends `errored` with the same error /v1/messages gives), unprocessed requests end
// `expired` or `canceled`.
import { advance, cancelJob, createJob, findJob, randomId, tally } from './batch-jobs.mjs';
import { anthropicError, dialect, invalidRequest } from './anthropic-common.mjs';
import { messages } from './anthropic.mjs';

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_REQUESTS = 100_000;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRequests(ctx) {
  const b = ctx.body;
  if (!isObject(b) || !Array.isArray(b.requests))
    return invalidRequest('requests: Field required', ctx);
  if (b.requests.length === 0 || b.requests.length > MAX_REQUESTS)
    return invalidRequest(
      `requests: List should have at least 1 item and at most ${MAX_REQUESTS} items`,
      ctx,
    );
  const ids = new Set();
  for (const [i, r] of b.requests.entries()) {
    if (!isObject(r))
      return invalidRequest(`requests.${i}: Input should be a valid dictionary`, ctx);
    const extra = Object.keys(r).find((k) => k !== 'custom_id' && k !== 'params');
    if (extra) return invalidRequest(`requests.${i}.${extra}: Extra inputs are not permitted`, ctx);
    if (typeof r.custom_id !== 'string' || !CUSTOM_ID.test(r.custom_id))
      return invalidRequest(
        `requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`,
        ctx,
      );
    if (ids.has(r.custom_id))
      return invalidRequest(
        `Duplicate custom_id '${r.custom_id}': each request in a batch needs a unique custom_id.`,
        ctx,
      );
    ids.add(r.custom_id);
    if (!isObject(r.params)) return invalidRequest(`requests.${i}.params: Field required`, ctx);
    if (r.params.stream === true)
      return invalidRequest(
        `requests.${i}.params.stream: streaming is not supported in batches`,
        ctx,
      );
  }
  return null;
}

const iso = (ms) => new Date(ms).toISOString();

function batchObject(ctx, job) {
  const { ok, failed, unprocessed } = tally(job);
  const ended = job.ended;
  const prefix = ctx.scenario.id === 'default' ? '' : `/s/${ctx.scenario.id}`;
  return {
    id: job.id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : job.cancelling ? 'canceling' : 'in_progress',
    request_counts: {
      processing: ended ? 0 : unprocessed,
      succeeded: ok,
      errored: failed,
      canceled: ended && job.outcome === 'cancelled' ? unprocessed : 0,
      expired: ended && job.outcome === 'expired' ? unprocessed : 0,
    },
    ended_at: ended ? iso(Date.now()) : null,
    created_at: iso(job.createdAt),
    expires_at: iso(job.createdAt + 86_400_000),
    archived_at: null,
    cancel_initiated_at: job.cancelledAt
      ? iso(job.cancelledAt)
      : job.outcome === 'cancelled' && ended
        ? iso(Date.now())
        : null,
    results_url: ended
      ? `http://${ctx.headers.host}${prefix}/v1/messages/batches/${job.id}/results`
      : null,
  };
}

function resultLine(job, customId) {
  const r = job.results.get(customId);
  if (!r)
    return {
      custom_id: customId,
      result: { type: job.outcome === 'cancelled' ? 'canceled' : 'expired' },
    };
  if ((r.status ?? 200) < 300)
    return { custom_id: customId, result: { type: 'succeeded', message: r.json } };
  return {
    custom_id: customId,
    result: { type: 'errored', error: { type: 'error', error: r.json.error } },
  };
}

const BATCH_RE = /^\/v1\/messages\/batches\/([^/]+)$/;
const RESULTS_RE = /^\/v1\/messages\/batches\/([^/]+)\/results$/;
const CANCEL_RE = /^\/v1\/messages\/batches\/([^/]+)\/cancel$/;
const notFound = (ctx, id) =>
  anthropicError(404, 'not_found_error', `Message batch ${id} not found.`, ctx);

export const routes = [
  {
    method: 'POST',
    match: (p) => p === '/v1/messages/batches',
    dialect,
    handle: (ctx) => {
      const problem = checkRequests(ctx);
      if (problem) return problem;
      const lines = ctx.body.requests.map((r) => ({
        customId: r.custom_id,
        run: () =>
          messages({
            ...ctx,
            path: '/v1/messages',
            body: r.params,
            rawBody: JSON.stringify(r.params),
          }),
      }));
      const job = createJob(ctx, randomId('msgbatch_01', 22), lines);
      if (job.outcome === 'failed') job.outcome = 'expired'; // Anthropic batches never fail whole
      return { json: batchObject(ctx, job) };
    },
  },
  {
    method: 'GET',
    match: (p) => BATCH_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = BATCH_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      return job ? { json: batchObject(ctx, advance(job)) } : notFound(ctx, id);
    },
  },
  {
    // "Batches may be canceled any time before processing ends": `canceling`, then `ended` with
    // `canceled` results for the requests that had not run. An ended batch is answered as it is.
    method: 'POST',
    match: (p) => CANCEL_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = CANCEL_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      if (!job) return notFound(ctx, id);
      cancelJob(job);
      return { json: batchObject(ctx, job) };
    },
  },
  {
    method: 'GET',
    match: (p) => RESULTS_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = RESULTS_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      if (!job) return notFound(ctx, id);
      if (!job.ended)
        return invalidRequest(
          `Message batch ${id} has not ended: results are not available yet.`,
          ctx,
        );
      const body =
        job.lines.map((l) => JSON.stringify(resultLine(job, l.customId))).join('\n') + '\n';
      return { body, contentType: 'application/binary' };
    },
  },
];
