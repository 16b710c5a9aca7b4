import { APICallError, type APICallErrorInit } from './errors/api-call-error.ts';
import { AuthenticationError } from './errors/authentication-error.ts';
import { InvalidResponseError } from './errors/invalid-response-error.ts';
import { isLLMError } from './errors/llm-error.ts';
import { NetworkError } from './errors/network-error.ts';
import { RateLimitError } from './errors/rate-limit-error.ts';
import { redact, redactError } from './redact.ts';
import { parseRetryAfter } from './retry-after.ts';

/** One HTTP attempt. */
export interface SendRequestInit {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  /** Values that must never appear in an error (the key). */
  secrets: readonly (string | undefined)[];
  errorDetail?: (body: unknown) => { message?: string; type?: string };
}

/** Reads `error.message` and `error.type`/`status`/`code` as OpenAI, Anthropic and Google send them. */
function defaultErrorDetail(body: unknown): { message?: string; type?: string } {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  const type = [e.type, e.status, e.code].find((v) => typeof v === 'string') as string | undefined;
  return { message: typeof e.message === 'string' ? e.message : undefined, type };
}

function headersToObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => (out[key] = value));
  return out;
}

function apiError(init: SendRequestInit, response: Response, text: string): APICallError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML error page from a proxy or gateway: keep its title as the detail.
  }
  const detail = parsed === undefined ? {} : (init.errorDetail ?? defaultErrorDetail)(parsed);
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const status = response.status;
  const fallback = `${response.statusText || 'HTTP error'}${title ? ` (${title})` : ''}`;
  const errorInit: APICallErrorInit = {
    provider: init.provider,
    url: init.url,
    status,
    detail: redact(detail.message ?? fallback, init.secrets),
    responseBody: redact(text.slice(0, 4000), init.secrets),
    responseHeaders: headersToObject(response.headers),
    requestId:
      response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
    errorType: detail.type,
    retryAfterMs: parseRetryAfter(response.headers),
  };
  // OpenAI's `x-should-retry` overrides the status-based decision.
  const shouldRetry = response.headers.get('x-should-retry');
  if (shouldRetry === 'true' || shouldRetry === 'false')
    errorInit.isRetryable = shouldRetry === 'true';
  if (status === 401 || status === 403)
    return new AuthenticationError({ ...errorInit, isRetryable: false });
  if (status === 429) return new RateLimitError(errorInit);
  return new APICallError(errorInit);
}

/**
 * POSTs JSON and reads a JSON answer: the only place the SDK calls `fetch`. Failures become typed
 * errors; an abort propagates as the signal's reason for the caller to interpret.
 * @returns The parsed body.
 */
export async function sendRequest(init: SendRequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await init.fetch(init.url, {
      method: 'POST',
      headers: init.headers,
      body: JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal.aborted) throw init.signal.reason;
    // Our own errors (a missing global fetch) are not network failures and must not be retried.
    if (isLLMError(error)) throw error;
    throw new NetworkError({
      provider: init.provider,
      url: init.url,
      cause: error,
      secrets: init.secrets,
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (init.signal.aborted) throw init.signal.reason;
    throw new NetworkError({
      provider: init.provider,
      url: init.url,
      cause: error,
      secrets: init.secrets,
    });
  }
  if (!response.ok) throw apiError(init, response, text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidResponseError({
      provider: init.provider,
      url: init.url,
      detail: 'the body is not valid JSON',
      body: redact(text, init.secrets),
      // JSON.parse quotes the text it failed on, which may be an echoed key.
      cause: redactError(error, init.secrets),
    });
  }
}
