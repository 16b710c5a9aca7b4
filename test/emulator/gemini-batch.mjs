// Gemini API batch mode emulation (inline requests): POST /v1beta/models/{model}:batchGenerateContent
// and GET /v1beta/batches/{id}. Shapes follow /work/shared/specs/gemini-openapi.json
// (BatchGenerateContentRequest, GenerateContentBatch, InlinedRequest/InlinedResponse, BatchStats,
// Operation) and https://ai.google.dev/gemini-api/docs/batch-mode: `displayName` and `inputConfig`
// are required, unknown members are refused as the API refuses them, each request is answered by
// the generateContent handler itself (its errors become the line's google.rpc.Status), and only a
// SUCCEEDED job carries results.
import { advance, cancelJob, createJob, findJob, randomId, tally } from './batch-jobs.mjs';
import { dialect, googleError, invalidArgument } from './gemini-common.mjs';
import { generateContent } from './gemini.mjs';

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1beta';
const RPC_CODE = { 400: 3, 401: 16, 403: 7, 404: 5, 429: 8, 500: 13, 503: 14, 504: 4 };
const unknownName = (name, at) =>
  invalidArgument(
    `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
  );

function checkBatch(b) {
  if (!isObject(b) || !isObject(b.batch)) return invalidArgument('batch is required.');
  const batch = b.batch;
  const known = new Set(['displayName', 'model', 'inputConfig', 'priority']);
  const extra = Object.keys(batch).find((k) => !known.has(k));
  if (extra) return unknownName(extra, 'batch');
  if (typeof batch.displayName !== 'string' || !batch.displayName)
    return invalidArgument('batch.display_name is required.');
  const input = batch.inputConfig;
  if (!isObject(input)) return invalidArgument('batch.input_config is required.');
  if ((input.requests === undefined) === (input.fileName === undefined))
    return invalidArgument('batch.input_config must set exactly one of requests or file_name.');
  if (input.fileName !== undefined)
    return invalidArgument('The emulator runs inline requests only (input_config.requests).');
  const list = input.requests?.requests;
  if (!Array.isArray(list) || list.length === 0)
    return invalidArgument('batch.input_config.requests.requests must not be empty.');
  for (const [i, item] of list.entries()) {
    const at = `batch.input_config.requests.requests[${i}]`;
    if (!isObject(item)) return invalidArgument(`${at} must be an object.`);
    const bad = Object.keys(item).find((k) => k !== 'request' && k !== 'metadata');
    if (bad) return unknownName(bad, at);
    if (!isObject(item.request)) return invalidArgument(`${at}.request is required.`);
  }
  return null;
}

const STATE = {
  completed: 'SUCCEEDED',
  failed: 'FAILED',
  expired: 'EXPIRED',
  cancelled: 'CANCELLED',
};

function operation(job) {
  const { ok, failed, unprocessed } = tally(job);
  const state = job.ended ? STATE[job.outcome] : job.polls === 0 ? 'PENDING' : 'RUNNING';
  const op = {
    name: job.id,
    metadata: {
      '@type': `${TYPE}.GenerateContentBatch`,
      name: job.id,
      model: job.model,
      displayName: job.displayName,
      createTime: new Date(job.createdAt).toISOString(),
      updateTime: new Date().toISOString(),
      batchStats: {
        requestCount: String(job.lines.length),
        successfulRequestCount: String(ok),
        failedRequestCount: String(failed),
        pendingRequestCount: String(job.ended ? 0 : unprocessed),
      },
      state: `BATCH_STATE_${state}`,
    },
    done: job.ended,
  };
  if (job.ended && job.outcome === 'failed') op.error = { code: 13, message: 'Batch job failed.' };
  // google.longrunning: a cancelled operation ends with error code 1 (CANCELLED), no response.
  if (job.ended && job.outcome === 'cancelled') op.error = { code: 1, message: 'CANCELLED' };
  if (job.ended && job.outcome === 'completed') {
    op.response = {
      '@type': `${TYPE}.GenerateContentBatchOutput`,
      inlinedResponses: {
        inlinedResponses: job.lines.map(({ customId, metadata }) => {
          const r = job.results.get(customId);
          if ((r.status ?? 200) < 300) return { response: r.json, metadata };
          const status = r.status ?? 500;
          return {
            error: { code: RPC_CODE[status] ?? 2, message: r.json?.error?.message },
            metadata,
          };
        }),
      },
    };
  }
  return op;
}

const CREATE_RE = /^\/v1beta\/models\/([^/:]+):batchGenerateContent$/;
const GET_RE = /^\/v1beta\/(batches\/[^/:]+)$/;
const CANCEL_RE = /^\/v1beta\/(batches\/[^/:]+):cancel$/;

export const routes = [
  {
    method: 'POST',
    match: (p) => CREATE_RE.test(p),
    dialect,
    handle: (ctx) => {
      const model = decodeURIComponent(CREATE_RE.exec(ctx.path)[1]);
      const problem = checkBatch(ctx.body);
      if (problem) return problem;
      const { batch } = ctx.body;
      if (batch.model !== undefined && batch.model !== `models/${model}`)
        return invalidArgument(
          `batch.model (${batch.model}) does not match the path (models/${model}).`,
        );
      const lines = batch.inputConfig.requests.requests.map((item, i) => ({
        customId: `line-${i}`,
        metadata: item.metadata,
        run: () => generateContent({ ...ctx, body: item.request }, model, 'gemini'),
      }));
      const job = createJob(ctx, `batches/${randomId('', 20).toLowerCase()}`, lines, {
        model: `models/${model}`,
        displayName: batch.displayName,
      });
      return { json: operation(job) };
    },
  },
  {
    method: 'GET',
    match: (p) => GET_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = GET_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      if (!job) return googleError(404, `Batch ${id} not found.`);
      return { json: operation(advance(job)) };
    },
  },
  {
    // batches.cancel: Empty; "only available for batch jobs that are running or pending" (the
    // google-genai SDKs), so an ended one is FAILED_PRECONDITION. The state reads CANCELLED at once.
    method: 'POST',
    match: (p) => CANCEL_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = CANCEL_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      if (!job) return googleError(404, `Batch ${id} not found.`);
      if (!cancelJob(job))
        return googleError(
          400,
          `Batch ${id} has ended and cannot be cancelled.`,
          'FAILED_PRECONDITION',
        );
      advance(job);
      return { json: {} };
    },
  },
];
