import * as v from 'valibot';
import type {
  BatchLineError,
  BatchLineResult,
  BatchState,
  ProviderBatchAdapter,
} from '../../core/batch-adapter.ts';
import { parseJsonl, readWire } from '../../core/read-wire.ts';

// OpenAI Batch API (https://platform.openai.com/docs/guides/batch, /docs/api-reference/batch):
// upload a JSONL file (`purpose=batch`) to /v1/files, create /v1/batches on it with
// `completion_window: "24h"`, poll /v1/batches/{id}, read `output_file_id` and `error_file_id`
// through /v1/files/{id}/content. Each input line is `{ custom_id, method, url, body }`; each output
// line `{ custom_id, response: { status_code, body }, error }`.

const batchSchema = v.object({
  id: v.string(),
  status: v.string(),
  output_file_id: v.nullish(v.string()),
  error_file_id: v.nullish(v.string()),
  request_counts: v.nullish(
    v.object({ total: v.number(), completed: v.number(), failed: v.number() }),
  ),
  errors: v.nullish(
    v.object({ data: v.nullish(v.array(v.object({ message: v.nullish(v.string()) }))) }),
  ),
});
const fileSchema = v.object({ id: v.string() });
const lineSchema = v.object({
  custom_id: v.string(),
  response: v.nullish(v.object({ status_code: v.number(), body: v.unknown() })),
  error: v.nullish(v.object({ code: v.nullish(v.string()), message: v.nullish(v.string()) })),
});

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
function lineError(line: v.InferOutput<typeof lineSchema>): BatchLineError {
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
      const file = readWire(
        fileSchema,
        await http({ method: 'POST', path: '/v1/files', body: form }),
        provider,
        '/v1/files',
      );
      const body = { input_file_id: file.id, endpoint, completion_window: '24h' };
      const batch = await http({ method: 'POST', path: '/v1/batches', body });
      return readWire(batchSchema, batch, provider, '/v1/batches').id;
    },

    async status(jobId, http) {
      const path = `/v1/batches/${encodeURIComponent(jobId)}`;
      const raw = await http({ method: 'GET', path });
      const batch = readWire(batchSchema, raw, provider, path);
      const counts = batch.request_counts ?? { total: 0, completed: 0, failed: 0 };
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
    },

    async results(_jobId, status, http) {
      const batch = status.raw as v.InferOutput<typeof batchSchema>;
      const out: BatchLineResult[] = [];
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const path = `/v1/files/${encodeURIComponent(fileId)}/content`;
        const text = await http({ method: 'GET', path, text: true });
        for (const item of parseJsonl(text, provider, path)) {
          const line = readWire(lineSchema, item, provider, path);
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
