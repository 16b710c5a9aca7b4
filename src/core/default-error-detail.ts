import type { ErrorDetail } from './adapter.ts';

/**
 * Reads `error.message` and `error.type`/`status`/`code` from an error body, as OpenAI, Anthropic and
 * Google send them: what the SDK reads when an adapter has no `errorDetail` of its own, and what such a
 * reader builds on.
 */
export function defaultErrorDetail(body: unknown): ErrorDetail {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  const type = [e.type, e.status, e.code].find((v) => typeof v === 'string') as string | undefined;
  return { message: typeof e.message === 'string' ? e.message : undefined, type };
}
