// OpenAI Batch API emulation: POST /v1/files (multipart, purpose=batch, .jsonl), GET
// /v1/files/{id}/content, POST /v1/batches, GET /v1/batches/{id}. Shapes follow
// /work/shared/specs/openai-openapi.yaml (OpenAIFile, Batch, BatchRequestInput, BatchRequestOutput)
// and https://platform.openai.com/docs/guides/batch: input lines are checked the way OpenAI's
// validation step checks them (a bad file fails the whole batch with `errors.data[]`), each line is
// answered by the chat handler itself, expired or cancelled lines land in the error file.
import { advance, cancelJob, createJob, findJob, randomId, tally } from './batch-jobs.mjs';
import { badRequest, dialect, missing, apiError } from './openai-common.mjs';
import { chatCompletions } from './openai-chat.mjs';
import { completions } from './openai-completions.mjs';

const files = new Map(); // `${scenario}/${id}` -> file object + content
const ENDPOINTS = ['/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions'];
const PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'];
const HANDLERS = { '/v1/chat/completions': chatCompletions, '/v1/completions': completions };

const now = () => Math.floor(Date.now() / 1000);
const notFound = (what, id, param) =>
  apiError(404, `No such ${what}: '${id}'`, { param, code: null });

function saveFile(ctx, filename, purpose, content) {
  const file = {
    id: randomId('file-', 22),
    object: 'file',
    bytes: Buffer.byteLength(content),
    created_at: now(),
    filename,
    purpose,
    status: 'processed',
    status_details: null,
  };
  files.set(`${ctx.scenario.id}/${file.id}`, { ...file, content });
  return file;
}

async function upload(ctx) {
  const type = String(ctx.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) {
    return badRequest(
      `Invalid Content-Type header (${type || 'none'}), expected multipart/form-data.`,
    );
  }
  let form;
  try {
    form = await new Response(ctx.rawBody, { headers: { 'content-type': type } }).formData();
  } catch {
    return badRequest('Could not parse multipart form.');
  }
  const purpose = form.get('purpose');
  const file = form.get('file');
  if (purpose === null) return missing('purpose');
  if (file === null || typeof file === 'string') return missing('file');
  if (!PURPOSES.includes(purpose)) {
    return badRequest(
      `'${purpose}' is not one of ${PURPOSES.map((p) => `'${p}'`).join(', ')} - 'purpose'`,
      'purpose',
    );
  }
  if (purpose === 'batch' && !file.name.endsWith('.jsonl')) {
    return badRequest(
      'Invalid file format for Batch API. Must be .jsonl',
      'file',
      'invalid_file_format',
    );
  }
  return { json: saveFile(ctx, file.name, purpose, await file.text()) };
}

/** What OpenAI's validation step reports for an input file: `errors.data[]` entries. */
function validateLines(text, endpoint) {
  const errors = [];
  const lines = [];
  const ids = new Set();
  let model;
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    const fail = (code, message, param = null) => errors.push({ code, message, param, line });
    let item;
    try {
      item = JSON.parse(raw);
    } catch {
      return fail('invalid_json_line', 'This line is not parseable as valid JSON.');
    }
    if (typeof item?.custom_id !== 'string')
      return fail(
        'missing_required_parameter',
        'Missing required parameter: custom_id.',
        'custom_id',
      );
    if (ids.has(item.custom_id))
      return fail(
        'duplicate_custom_id',
        'The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each request in a batch.',
        'custom_id',
      );
    ids.add(item.custom_id);
    if (item.method !== 'POST')
      return fail('invalid_method', 'The method for this request must be POST.', 'method');
    if (item.url !== endpoint)
      return fail(
        'mismatched_endpoint',
        `The URL provided for this request does not match the batch endpoint ${endpoint}.`,
        'url',
      );
    if (typeof item.body !== 'object' || item.body === null || Array.isArray(item.body))
      return fail('missing_required_parameter', 'Missing required parameter: body.', 'body');
    if (model !== undefined && item.body.model !== model)
      return fail(
        'model_mismatch',
        'Requests must all use the same model. This request uses a different model than the others.',
        'body.model',
      );
    model = item.body.model;
    lines.push(item);
  });
  if (!lines.length && !errors.length)
    errors.push({
      code: 'empty_file',
      message: 'The batch input file is empty.',
      param: null,
      line: null,
    });
  return { errors, lines };
}

function batchObject(ctx, job) {
  const { ok, failed } = tally(job);
  const status = job.ended
    ? job.outcome
    : job.cancelling
      ? 'cancelling'
      : job.polls === 0
        ? 'validating'
        : 'in_progress';
  const seconds = (ms) => (ms ? Math.floor(ms / 1000) : null);
  return {
    ...job.object,
    status,
    cancelling_at: seconds(job.cancelledAt),
    cancelled_at: job.ended && job.cancelledAt ? now() : null,
    errors: job.errors.length ? { object: 'list', data: job.errors } : null,
    output_file_id: job.outputFile ?? null,
    error_file_id: job.errorFile ?? null,
    request_counts: { total: job.errors.length ? 0 : job.lines.length, completed: ok, failed },
  };
}

/** At the end: the output file (2xx lines) and the error file (the rest, expired ones included). */
function writeFiles(ctx, job) {
  const out = [];
  const err = [];
  for (const { customId } of job.lines) {
    const result = job.results.get(customId);
    const id = randomId('batch_req_', 24);
    if (!result) {
      const code = job.outcome === 'cancelled' ? 'batch_cancelled' : 'batch_expired';
      const message =
        code === 'batch_expired'
          ? 'This request could not be executed before the completion window expired.'
          : 'This request was cancelled before it was executed.';
      err.push({ id, custom_id: customId, response: null, error: { code, message } });
      continue;
    }
    const status = result.status ?? 200;
    const line = {
      id,
      custom_id: customId,
      response: { status_code: status, request_id: randomId('req_', 24), body: result.json },
      error: null,
    };
    (status < 300 ? out : err).push(line);
  }
  const jsonl = (items) => items.map((i) => JSON.stringify(i)).join('\n') + '\n';
  if (out.length)
    job.outputFile = saveFile(ctx, 'batch_output.jsonl', 'batch_output', jsonl(out)).id;
  if (err.length)
    job.errorFile = saveFile(ctx, 'batch_errors.jsonl', 'batch_output', jsonl(err)).id;
}

function createBatch(ctx) {
  const b = ctx.body ?? {};
  for (const name of ['input_file_id', 'endpoint', 'completion_window'])
    if (b[name] === undefined) return missing(name);
  if (!ENDPOINTS.includes(b.endpoint))
    return badRequest(
      `Invalid value: '${b.endpoint}'. Supported values are: ${ENDPOINTS.map((e) => `'${e}'`).join(', ')}.`,
      'endpoint',
      'invalid_value',
    );
  if (b.completion_window !== '24h')
    return badRequest(
      `Invalid value: '${b.completion_window}'. Supported values are: '24h'.`,
      'completion_window',
      'invalid_value',
    );
  const file = files.get(`${ctx.scenario.id}/${b.input_file_id}`);
  if (!file) return notFound('File', b.input_file_id, 'input_file_id');
  if (file.purpose !== 'batch')
    return badRequest(
      `The file ${file.id} has purpose '${file.purpose}'; batches need purpose 'batch'.`,
      'input_file_id',
    );
  const { errors, lines } = validateLines(file.content, b.endpoint);
  const handler = HANDLERS[b.endpoint];
  const id = randomId('batch_', 24);
  const runs = errors.length
    ? []
    : lines.map((item) => ({
        customId: item.custom_id,
        run: () =>
          handler
            ? handler({
                ...ctx,
                path: item.url,
                body: item.body,
                rawBody: JSON.stringify(item.body),
              })
            : badRequest(`The emulator does not run ${item.url} lines.`),
      }));
  const object = {
    id,
    object: 'batch',
    endpoint: b.endpoint,
    input_file_id: file.id,
    completion_window: '24h',
    created_at: now(),
    expires_at: now() + 86400,
    metadata: b.metadata ?? null,
  };
  const job = createJob(ctx, id, runs, { object, errors });
  // A file that fails validation fails the batch at the first poll: it never runs.
  if (errors.length) Object.assign(job, { outcome: 'failed', totalPolls: 1 });
  return { json: batchObject(ctx, job) };
}

const BATCH_RE = /^\/v1\/batches\/([^/]+)$/;
const CANCEL_RE = /^\/v1\/batches\/([^/]+)\/cancel$/;
const CONTENT_RE = /^\/v1\/files\/([^/]+)\/content$/;

export const routes = [
  { method: 'POST', match: (p) => p === '/v1/files', dialect, raw: true, handle: upload },
  {
    method: 'GET',
    match: (p) => CONTENT_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = CONTENT_RE.exec(ctx.path)[1];
      const file = files.get(`${ctx.scenario.id}/${id}`);
      if (!file) return notFound('File', id, 'id');
      return { body: file.content, contentType: 'application/octet-stream' };
    },
  },
  { method: 'POST', match: (p) => p === '/v1/batches', dialect, handle: createBatch },
  {
    // POST /v1/batches/{batch_id}/cancel (no body): the Batch, `cancelling`, then `cancelled` with
    // the finished requests in the output file. An ended batch is answered as it is (the API
    // reference does not document an error for it).
    method: 'POST',
    match: (p) => CANCEL_RE.test(p),
    dialect,
    handle: (ctx) => {
      const id = CANCEL_RE.exec(ctx.path)[1];
      const job = findJob(ctx, id);
      if (!job) return notFound('batch', id, 'batch_id');
      if (ctx.rawBody?.length) return badRequest('The cancel request takes no body.');
      cancelJob(job);
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
      if (!job) return notFound('batch', id, 'batch_id');
      const wasEnded = job.ended;
      advance(job);
      if (job.ended && !wasEnded && job.outcome !== 'failed') writeFiles(ctx, job);
      return { json: batchObject(ctx, job) };
    },
  },
];
