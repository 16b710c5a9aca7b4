import type {
  BatchLineError,
  BatchLineResult,
  BatchState,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from '../../core/batch-adapter.ts';
import { parseJsonl } from '../../core/parse-jsonl.ts';
import { readWire } from '../../core/read-wire.ts';

// OpenAI Batch API (https://platform.openai.com/docs/guides/batch, /docs/api-reference/batch):
// upload a JSONL file (`purpose=batch`) to /v1/files, create /v1/batches on it with
// `completion_window: "24h"`, poll /v1/batches/{id}, read `output_file_id` and `error_file_id`
// through /v1/files/{id}/content. Each input line is `{ custom_id, method, url, body }`; each output
// line `{ custom_id, response: { status_code, body }, error }`.

interface OpenAIBatch {
  id: string;
  status: string;
  output_file_id?: string | null;
  error_file_id?: string | null;
  request_counts?: { total: number; completed: number; failed: number } | null;
  errors?: { data?: { message?: string | null }[] | null } | null;
}
interface OpenAIBatchLine {
  custom_id: string;
  response?: { status_code: number; body: unknown } | null;
  error?: { code?: string | null; message?: string | null } | null;
}
const BATCH = {
  id: 'string',
  status: 'string',
  output_file_id: 'string?',
  error_file_id: 'string?',
  request_counts: 'object?',
  errors: 'object?',
};

const STATES: Record<string, BatchState> = {
  validating: 'pending',
  in_progress: 'running',
  finalizing: 'running',
  completed: 'completed',
  failed: 'failed',
  expired: 'expired',
  cancelling: 'cancelling',
  cancelled: 'cancelled',
};

/** A line's failure: a non-2xx answer, or an `error` such as `batch_expired`. */
function lineError(line: OpenAIBatchLine): BatchLineError {
  if (line.error) {
    const code = line.error.code ?? undefined;
    const reason =
      code === 'batch_expired' ? 'expired' : code === 'batch_cancelled' ? 'cancelled' : 'errored';
    return { reason, type: code, message: line.error.message ?? code ?? 'failed' };
  }
  const body = line.response?.body as { error?: { message?: string; type?: string } } | undefined;
  return {
    reason: 'errored',
    status: line.response?.status_code,
    type: body?.error?.type,
    message: body?.error?.message ?? `HTTP ${line.response?.status_code}`,
  };
}

/** A Batch object as portable state and counts. */
function readStatus(raw: unknown, provider: string, path: string): ProviderBatchStatus {
  const batch = readWire<OpenAIBatch>(raw, BATCH, provider, path);
  const counts = batch.request_counts
    ? readWire<{ total: number; completed: number; failed: number }>(
        batch.request_counts,
        { total: 'number', completed: 'number', failed: 'number' },
        provider,
        path,
      )
    : { total: 0, completed: 0, failed: 0 };
  const done = counts.completed + counts.failed;
  return {
    state: STATES[batch.status] ?? 'running',
    counts: {
      succeeded: counts.completed,
      failed: counts.failed,
      pending: Math.max(counts.total - done, 0),
    },
    error: batch.errors?.data?.map((e) => e.message).join('; ') || undefined,
    raw,
  };
}

/** The OpenAI batch adapter. */
export function openaiBatch(provider: string): ProviderBatchAdapter {
  return {
    async submit(lines, http) {
      const endpoint = lines[0]!.wire.path;
      const jsonl = lines
        .map(({ customId, wire }) =>
          JSON.stringify({ custom_id: customId, method: 'POST', url: wire.path, body: wire.body }),
        )
        .join('\n');
      const form = new FormData();
      form.append('purpose', 'batch');
      form.append('file', new Blob([jsonl], { type: 'application/jsonl' }), 'batch.jsonl');
      const file = readWire<{ id: string }>(
        await http({ method: 'POST', path: '/v1/files', body: form, upload: true }),
        { id: 'string' },
        provider,
        '/v1/files',
      );
      const body = { input_file_id: file.id, endpoint, completion_window: '24h' };
      const batch = await http({ method: 'POST', path: '/v1/batches', body });
      return readWire<OpenAIBatch>(batch, BATCH, provider, '/v1/batches').id;
    },

    async status(jobId, http) {
      const path = `/v1/batches/${encodeURIComponent(jobId)}`;
      return readStatus(await http({ method: 'GET', path }), provider, path);
    },

    // POST /v1/batches/{batch_id}/cancel, no body; answers the Batch, `cancelling` for up to 10
    // minutes, then `cancelled` with the finished requests in the output file (the OpenAPI spec).
    async cancel(jobId, http) {
      const path = `/v1/batches/${encodeURIComponent(jobId)}/cancel`;
      return readStatus(await http({ method: 'POST', path }), provider, path);
    },

    async results(_jobId, status, http) {
      const batch = status.raw as OpenAIBatch;
      const out: BatchLineResult[] = [];
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const path = `/v1/files/${encodeURIComponent(fileId)}/content`;
        const text = await http({ method: 'GET', path, text: true });
        for (const item of parseJsonl(text, provider, path)) {
          const line = readWire<OpenAIBatchLine>(
            item,
            { custom_id: 'string', response: 'object?', error: 'object?' },
            provider,
            path,
          );
          const ok = !line.error && line.response && line.response.status_code < 300;
          out.push(
            ok
              ? { customId: line.custom_id, body: line.response!.body }
              : { customId: line.custom_id, error: lineError(line) },
          );
        }
      }
      return out;
    },
  };
}
