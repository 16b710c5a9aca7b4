import { APICallError, type APICallErrorInit } from '../core/errors/api-call-error.ts';
import { AuthenticationError } from '../core/errors/authentication-error.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { InvalidResponseError } from '../core/errors/invalid-response-error.ts';
import { RateLimitError } from '../core/errors/rate-limit-error.ts';
import { redact, redactError } from '../core/redact.ts';
import { capRetryAfter, parseRetryAfter } from '../core/retry-after.ts';
import type { ErrorDetail } from '../core/adapter.ts';
import type { SendRequestInit } from './send-request.ts';

/** The first string of `type`, `status` and `code`: what names the error. */
const typeOf = (e: Record<string, unknown>) =>
  [e.type, e.status, e.code].find((v) => typeof v === 'string') as string | undefined;

/**
 * Reads `error.message` and `error.type`/`status`/`code` as OpenAI, Anthropic and Google send them.
 * Bodies without that envelope keep the server's words too: vLLM before 0.10.1, lmdeploy and LightLLM
 * answer `{ object: "error", message, type, code }` (vllm-project/vllm#22099 changed it), FastAPI
 * servers `{ detail: "Not Found" }` or, for a 422, `{ detail: [{ loc, msg, type }] }`.
 */
function defaultErrorDetail(body: unknown): ErrorDetail {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const error = b.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    return { message: typeof e.message === 'string' ? e.message : undefined, type: typeOf(e) };
  }
  if (typeof b.message === 'string') return { message: b.message, type: typeOf(b) };
  const detail = b.detail;
  if (typeof detail === 'string') return { message: detail };
  const issues = Array.isArray(detail) ? (detail as { loc?: unknown; msg?: unknown }[]) : [];
  const said = issues
    .filter((d) => typeof d?.msg === 'string')
    .map((d) => (Array.isArray(d.loc) ? `${d.loc.join('.')}: ${d.msg}` : d.msg));
  return said.length ? { message: said.join('; ') } : {};
}

/** The default reading of an error body, with what the adapter's `errorDetail` reads laid over it. */
async function readDetail(init: SendRequestInit, body: unknown): Promise<ErrorDetail> {
  const detail = defaultErrorDetail(body);
  try {
    return { ...detail, ...(await init.errorDetail?.(body)) };
  } catch {
    // The adapter's reader could not load (offline): the default reading stands.
    return detail;
  }
}

function headersToObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => (out[key] = value));
  return out;
}

/**
 * The typed error for an HTTP error status: {@link AuthenticationError} for 401/403 (and for a key
 * the adapter's `errorDetail` says was refused under another status, as Gemini's 400
 * `API_KEY_INVALID`), {@link RateLimitError} for 429, {@link APICallError} otherwise, with the
 * provider's message and type, the request id, `Retry-After` (else the wait the body asks for, as
 * Google's `RetryInfo`), the rate-limit headers and OpenAI's `x-should-retry`. Secrets are redacted
 * from the text.
 */
export async function apiError(
  init: SendRequestInit,
  response: Response,
  text: string,
  latencyMs?: number,
): Promise<APICallError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML error page from a proxy or gateway: keep its title as the detail.
  }
  const detail = parsed === undefined ? {} : await readDetail(init, parsed);
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const status = response.status;
  const fallback = `${response.statusText || 'HTTP error'}${title ? ` (${title})` : ''}`;
  const errorInit: APICallErrorInit = {
    provider: init.provider,
    url: init.url,
    method: init.method,
    status,
    detail: redact(detail.message ?? fallback, init.secrets),
    responseBody: redact(text.slice(0, 4000), init.secrets),
    responseHeaders: headersToObject(response.headers),
    requestId:
      response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
    errorType: detail.type,
    retryAfterMs: parseRetryAfter(response.headers) ?? capRetryAfter(detail.retryAfterMs),
    rateLimit: init.rateLimit?.(Object.fromEntries(response.headers)),
    latencyMs,
  };
  // OpenAI's `x-should-retry` overrides the status-based decision.
  const shouldRetry = response.headers.get('x-should-retry');
  if (shouldRetry === 'true' || shouldRetry === 'false')
    errorInit.isRetryable = shouldRetry === 'true';
  else if (detail.isRetryable !== undefined) errorInit.isRetryable = detail.isRetryable;
  if (status === 401 || status === 403 || detail.keyRefused)
    return new AuthenticationError({
      ...errorInit,
      isRetryable: false,
      keyRefused: status === 401 || !!detail.keyRefused,
    });
  if (status === 429) return new RateLimitError(errorInit);
  return new APICallError(errorInit);
}

/**
 * The error for a 2xx body that is not JSON: an {@link InvalidResponseError} with the text, redacted
 * (`JSON.parse` quotes the text it failed on, which may be an echoed key).
 */
export function notJsonError(init: SendRequestInit, text: string, error: unknown) {
  return new InvalidResponseError({
    provider: init.provider,
    url: init.url,
    detail: 'the body is not valid JSON',
    body: redact(text, init.secrets),
    cause: redactError(error, init.secrets),
  });
}

/**
 * The error for a 2xx body that is an error envelope (`{ "error": … }`): an
 * {@link InvalidResponseError} (not retried: the server said it answered) with the server's message.
 */
export async function errorEnvelopeError(init: SendRequestInit, body: unknown, text: string) {
  const detail = await readDetail(init, body);
  const said = detail.message ?? detail.type ?? 'no message';
  return new InvalidResponseError({
    provider: init.provider,
    url: init.url,
    detail: redact(`the answer is an error, with HTTP 2xx: ${said}`, init.secrets),
    body: redact(text, init.secrets),
  });
}

/** The error for a caller's `fetch` that resolved to something other than a Response. */
export const notAResponseError = (got: unknown) =>
  new InvalidRequestError(
    `\`fetch\` must resolve to a Response; the fetch option's function resolved to ${got === null ? 'null' : typeof got}.`,
  );
