import type {
  BatchLineResult,
  BatchState,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from '../../core/batch-adapter.ts';
import { parseJsonl } from '../../core/parse-jsonl.ts';
import { readWire } from '../../core/read-wire.ts';

// Anthropic Message Batches (https://docs.anthropic.com/en/docs/build-with-claude/batch-processing,
// API reference "Create/Retrieve a Message Batch", "Retrieve Message Batch results"): POST
// /v1/messages/batches with `requests: [{ custom_id, params }]` (custom_id `^[a-zA-Z0-9_-]{1,64}$`),
// poll GET /v1/messages/batches/{id} until `processing_status: "ended"`, then read the JSONL at
// `results_url`: `{ custom_id, result: { type: succeeded|errored|canceled|expired, … } }`.

interface MessageBatch {
  id: string;
  processing_status: string;
  request_counts: Record<'processing' | 'succeeded' | 'errored' | 'canceled' | 'expired', number>;
  cancel_initiated_at?: string | null;
  results_url?: string | null;
}
interface ResultLine {
  custom_id: string;
  result: {
    type: string;
    message?: unknown;
    error?: { error?: { type?: string; message?: string } };
  };
}
const BATCH = {
  id: 'string',
  processing_status: 'string',
  request_counts: 'object',
  cancel_initiated_at: 'string?',
  results_url: 'string?',
};
const PROVIDER = 'anthropic';
const COUNTS = {
  processing: 'number',
  succeeded: 'number',
  errored: 'number',
  canceled: 'number',
  expired: 'number',
};

/** Anthropic's error types and the statuses they come with (docs: "Errors", HTTP errors). */
const STATUS_OF: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

function stateOf(batch: MessageBatch): BatchState {
  if (batch.processing_status === 'in_progress') return 'running';
  if (batch.processing_status === 'canceling') return 'cancelling';
  if (batch.cancel_initiated_at) return 'cancelled';
  return batch.request_counts.expired > 0 ? 'expired' : 'completed';
}

/** A MessageBatch as portable state and counts. */
function readStatus(raw: unknown, path: string): ProviderBatchStatus {
  const batch = readWire<MessageBatch>(raw, BATCH, PROVIDER, path);
  const c = readWire<MessageBatch['request_counts']>(batch.request_counts, COUNTS, PROVIDER, path);
  return {
    state: stateOf(batch),
    counts: {
      succeeded: c.succeeded,
      failed: c.errored + c.canceled + c.expired,
      pending: c.processing,
    },
    raw,
  };
}

/** The Anthropic batch adapter; `headers` carry `anthropic-version` (and the browser opt-in). */
export function anthropicBatch(headers: Record<string, string>): ProviderBatchAdapter {
  const provider = PROVIDER;
  return {
    headers,
    async submit(lines, http) {
      const path = '/v1/messages/batches';
      const requests = lines.map(({ customId, wire }) => ({
        custom_id: customId,
        params: wire.body,
      }));
      const raw = await http({ method: 'POST', path, body: { requests } });
      return readWire<MessageBatch>(raw, BATCH, provider, path).id;
    },

    async status(jobId, http) {
      const path = `/v1/messages/batches/${encodeURIComponent(jobId)}`;
      return readStatus(await http({ method: 'GET', path }), path);
    },

    // POST /v1/messages/batches/{id}/cancel answers the MessageBatch, `canceling` until requests in
    // progress finish; results then hold them and `canceled` for the rest ("Cancel a Message Batch").
    async cancel(jobId, http) {
      const path = `/v1/messages/batches/${encodeURIComponent(jobId)}/cancel`;
      return readStatus(await http({ method: 'POST', path }), path);
    },

    async results(jobId, status, http) {
      const path =
        (status.raw as { results_url?: string | null }).results_url ??
        `/v1/messages/batches/${encodeURIComponent(jobId)}/results`;
      const text = await http({ method: 'GET', path, text: true });
      return parseJsonl(text, provider, path).map((item): BatchLineResult => {
        const line = readWire<ResultLine>(
          item,
          { custom_id: 'string', result: 'object' },
          provider,
          path,
        );
        const { custom_id: customId, result } = line;
        if (result.type === 'succeeded') return { customId, body: result.message };
        if (result.type === 'expired' || result.type === 'canceled') {
          const reason = result.type === 'expired' ? 'expired' : 'cancelled';
          return { customId, error: { reason, message: `the request was ${result.type}.` } };
        }
        const type = result.error?.error?.type;
        const message = result.error?.error?.message ?? `the request ${result.type}.`;
        return {
          customId,
          error: { reason: 'errored', type, status: type ? STATUS_OF[type] : undefined, message },
        };
      });
    },
  };
}
