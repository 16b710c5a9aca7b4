import type { ErrorDetail } from '../../core/adapter.ts';

// The `error.details[]` of a google.rpc.Status this reads (https://cloud.google.com/apis/design/errors).
type Detail = {
  '@type'?: unknown;
  retryDelay?: unknown;
  reason?: unknown;
  violations?: { quotaId?: unknown }[];
};

// ErrorInfo reasons of a key Google does not take: Gemini answers them with 400 INVALID_ARGUMENT.
const REFUSED_KEY = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED']);

/** A protobuf Duration as JSON (`"32s"`, `"1.5s"`, `"32.537749406s"`) in ms. */
const durationMs = (d: unknown) =>
  typeof d === 'string' && /^\d+(\.\d+)?s$/.test(d) ? Number(d.slice(0, -1)) * 1000 : undefined;

/**
 * Reads what a Google error body (a google.rpc.Status) says beyond its message and status, which
 * the SDK reads as for any provider. A `RetryInfo`'s `retryDelay` is the wait before a retry (Gemini's 429 and
 * 503 carry it in the body only, with no `Retry-After` header); a `QuotaFailure` on a daily quota
 * (`…PerDay…`) is not retried, since no retry within a call can meet it; an `ErrorInfo` reason
 * `API_KEY_INVALID`/`API_KEY_EXPIRED` (sent with 400), or the status `UNAUTHENTICATED`, is a refused
 * key. Loaded (with google-answer-problem.ts) only for an answer that is an error.
 */
export function googleErrorDetail(body: unknown): ErrorDetail {
  const detail: ErrorDetail = {};
  const error = (body as { error?: { details?: unknown; status?: unknown } } | null)?.error;
  const details = Array.isArray(error?.details) ? (error.details as Detail[]) : [];
  for (const d of details) {
    if (typeof d !== 'object' || d === null || typeof d['@type'] !== 'string') continue;
    const kind = d['@type'].slice(d['@type'].lastIndexOf('.') + 1);
    if (kind === 'RetryInfo') detail.retryAfterMs ??= durationMs(d.retryDelay);
    if (kind === 'ErrorInfo' && REFUSED_KEY.has(d.reason as string)) detail.keyRefused = true;
    if (
      kind === 'QuotaFailure' &&
      Array.isArray(d.violations) &&
      d.violations.some((v) => /PerDay/.test(String(v?.quotaId)))
    )
      detail.isRetryable = false;
  }
  if (error?.status === 'UNAUTHENTICATED') detail.keyRefused = true;
  return detail;
}
