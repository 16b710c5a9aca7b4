import { redact } from './redact.ts';

// Only failures need this (an answer an adapter refused): the call path loads it with the first one.

/**
 * Takes secrets out of an SDK error the pipeline just received from an adapter, in place: an
 * adapter that refuses a 2xx body quotes the body (which may echo the key) and knows no secrets.
 * @param error - Anything thrown by an adapter.
 * @param secrets - The values to hide.
 * @returns The same value, with its message, stack and `responseBody` redacted.
 */
export function scrubError<T>(error: T, secrets: readonly (string | undefined)[]): T {
  if (!(error instanceof Error)) return error;
  const e = error as unknown as Record<'message' | 'stack' | 'responseBody', unknown>;
  for (const field of ['message', 'stack', 'responseBody'] as const) {
    const text = e[field];
    if (typeof text === 'string') e[field] = redact(text, secrets);
  }
  return error;
}
