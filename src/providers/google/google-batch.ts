import type {
  BatchLineResult,
  BatchState,
  ProviderBatchAdapter,
} from '../../core/batch-adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import { readWire } from '../../core/read-wire.ts';
import type { geminiPath } from './vertex-url.ts';

// Gemini API batch mode (https://ai.google.dev/gemini-api/docs/batch-mode, API reference
// "Batch API"): POST models/{model}:batchGenerateContent with the requests inline
// (`batch.inputConfig.requests.requests[]: { request, metadata }`, up to 20 MB in all; larger jobs
// need a file upload, which this client does not do), answered with an Operation named
// `batches/{id}`; poll GET batches/{id} (`metadata.state`, `metadata.batchStats`); inline results
// come back in order in `response.inlinedResponses.inlinedResponses[]: { response | error, metadata }`.

type Count = string | number | null | undefined;
interface Operation {
  name: string;
  metadata?: {
    state?: string | null;
    batchStats?: {
      successfulRequestCount?: Count;
      failedRequestCount?: Count;
      pendingRequestCount?: Count;
    } | null;
  } | null;
  error?: { message?: string | null } | null;
}
interface InlinedResponse {
  response?: unknown;
  error?: { code?: number | null; message?: string | null } | null;
  metadata?: { key?: string | null } | null;
}
const OPERATION = { name: 'string', metadata: 'object?', error: 'object?' };

const STATES: Record<string, BatchState> = {
  PENDING: 'pending',
  RUNNING: 'running',
  SUCCEEDED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
};
/** google.rpc.Code values and their HTTP statuses (google/rpc/code.proto). */
const HTTP_OF: Record<number, number> = {
  3: 400,
  4: 504,
  5: 404,
  7: 403,
  8: 429,
  13: 500,
  14: 503,
  16: 401,
};

const count = (n: Count) => Number(n ?? 0) || 0;

function jobPath(jobId: string): string {
  if (!/^batches\/[A-Za-z0-9_-]+$/.test(jobId)) {
    throw new InvalidRequestError(
      `${JSON.stringify(jobId)} is not a Gemini batch id: they look like batches/abc123.`,
    );
  }
  return `/v1beta/${jobId}`;
}

/**
 * The Gemini API batch adapter (inline requests).
 * @param pathOf - The adapter's `geminiPath`, passed in rather than imported: this on-demand chunk
 *   would otherwise import the adapter's chunk, which a bundler would then split off the page's
 *   entry (one more script on every first call).
 */
export function googleBatch(pathOf: typeof geminiPath): ProviderBatchAdapter {
  const provider = 'google';
  return {
    async submit(lines, http, model) {
      const path = await pathOf(model, 'batchGenerateContent');
      const requests = lines.map(({ customId, wire }) => ({
        request: wire.body,
        metadata: { key: customId },
      }));
      const name = /^(models|tunedModels)\//.test(model) ? model : `models/${model}`;
      const body = {
        batch: {
          displayName: 'alea-llm-client',
          model: name,
          inputConfig: { requests: { requests } },
        },
      };
      const op = await http({ method: 'POST', path, body });
      return readWire<Operation>(op, OPERATION, provider, path).name;
    },

    async status(jobId, http) {
      const path = jobPath(jobId);
      const raw = await http({ method: 'GET', path });
      const op = readWire<Operation>(raw, OPERATION, provider, path);
      // The REST reference names the states BATCH_STATE_*; some responses use JOB_STATE_*.
      const state = (op.metadata?.state ?? '').replace(/^(BATCH|JOB)_STATE_/, '');
      const stats = op.metadata?.batchStats;
      return {
        state: STATES[state] ?? 'pending',
        counts: {
          succeeded: count(stats?.successfulRequestCount),
          failed: count(stats?.failedRequestCount),
          pending: count(stats?.pendingRequestCount),
        },
        error: op.error?.message ?? undefined,
        raw,
      };
    },

    // POST batches/{id}:cancel answers Empty; the cancel is asynchronous and a cancelled operation
    // ends with `error.code` 1 (CANCELLED) and no results (google.longrunning, "batches.cancel").
    async cancel(jobId, http) {
      const path = `${jobPath(jobId)}:cancel`;
      await http({ method: 'POST', path });
      return this.status(jobId, http);
    },

    async results(jobId, status) {
      type Output = { inlinedResponses?: { inlinedResponses?: unknown } };
      const op = status.raw as { response?: Output; metadata?: { output?: Output } };
      const list =
        op.response?.inlinedResponses?.inlinedResponses ??
        op.metadata?.output?.inlinedResponses?.inlinedResponses ??
        [];
      if (!Array.isArray(list)) return [];
      const url = jobPath(jobId);
      const fields = { metadata: 'object?', error: 'object?' };
      return list.flatMap((raw): BatchLineResult[] => {
        const item = readWire<InlinedResponse>(raw, fields, provider, url);
        const customId = item.metadata?.key;
        if (!customId) return [];
        if (!item.error) return [{ customId, body: item.response }];
        const code = item.error.code ?? undefined;
        const message = item.error.message ?? 'the request failed.';
        return [
          {
            customId,
            error: { reason: 'errored', status: code ? HTTP_OF[code] : undefined, message },
          },
        ];
      });
    },
  };
}
