import type { ErrorDetail } from '../core/adapter.ts';
import type { MaybePromise, RateLimitInfo } from '../core/types.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { NetworkError } from '../core/errors/network-error.ts';

/** One HTTP attempt. */
export interface SendRequestInit {
  provider: string;
  url: string;
  /** @default 'POST' */
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A JSON body; a `FormData` goes as it is (batch file uploads); none for GET. */
  body: unknown;
  /** Return the answer's text instead of parsing it (batch results are JSONL). */
  text?: boolean;
  /**
   * The answer is an API object that documents its own `error` member, read by the caller (a Gemini
   * batch operation): no `error` envelope check.
   */
  ownErrors?: boolean;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  /** Values that must never appear in an error (the key). */
  secrets: readonly (string | undefined)[];
  /** The adapter's error body reader (see `ProviderAdapter.errorDetail`). */
  errorDetail?: (body: unknown) => MaybePromise<ErrorDetail>;
  /** The provider's rate-limit header reader, for an error's `rateLimit`. */
  rateLimit?: (headers: Readonly<Record<string, string>>) => RateLimitInfo | undefined;
  /**
   * A streamed call: says whether a 2xx `Response` is a stream, returned with its body unread (the
   * caller's test stays out of the entry chunk); otherwise it is read as a whole answer.
   */
  stream?: (response: Response) => boolean;
}

/** A successful answer: the parsed body (the text with `text`), the headers, and how long the exchange took. */
export interface SentRequest {
  body: unknown;
  headers: Headers;
  latencyMs: number;
  /** A streamed call's answer, its body unread. */
  response?: Response;
}

// What reads an answer that is an error: loaded once the server answered with one.
const responseError = () => import('./response-error.ts');

/**
 * No answer arrived: the signal's reason once it aborted (for the caller to interpret), else a
 * NetworkError, built here because where the network is gone no code can be loaded.
 */
const noAnswer = (init: SendRequestInit, cause: unknown): unknown =>
  init.signal.aborted ? init.signal.reason : new NetworkError({ ...init, cause });

/**
 * POSTs JSON (or GETs, for batch jobs) and reads a JSON answer: the only place the SDK calls `fetch`. Failures become typed
 * errors; an abort propagates as the signal's reason for the caller to interpret. A network failure
 * is built here (where the network is gone, no code can be loaded); what reads an answer that is an
 * error loads on demand.
 * @returns The parsed body, with the headers and the round-trip time; for a stream, the `Response`
 *   whose body is the stream, unread (`body` undefined, `latencyMs` to the headers), unless the
 *   server answered with whole JSON.
 */
export async function sendRequest(init: SendRequestInit): Promise<SentRequest> {
  const started = Date.now();
  let response: Response;
  try {
    const { method = 'POST', body } = init;
    response = await init.fetch(init.url, {
      method,
      headers: init.headers,
      body: method === 'GET' ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal: init.signal,
    });
    // A caller's fetch that resolves to something else would fail below as a bare TypeError.
    if (typeof response?.status !== 'number') {
      throw (await responseError()).notAResponseError(response);
    }
  } catch (error) {
    // Our own errors (a missing global fetch) are not network failures and must not be retried.
    throw !init.signal.aborted && isLLMError(error) ? error : noAnswer(init, error);
  }
  // An error status is read as a whole, as for any call: a stream begins only with a 2xx. So is a
  // whole JSON answer (a server that ignored the stream flag, or a 200 carrying an error envelope).
  if (response.ok && init.stream?.(response)) {
    return {
      body: undefined,
      headers: response.headers,
      latencyMs: Date.now() - started,
      response,
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw noAnswer(init, error);
  }
  // The server answered, so the code that reads its errors can load now (not with the entry).
  const latencyMs = Date.now() - started;
  if (!response.ok) throw await (await responseError()).apiError(init, response, text, latencyMs);
  if (init.text) return { body: text, headers: response.headers, latencyMs };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw (await responseError()).notJsonError(init, text, error);
  }
  // A 2xx carrying an `error` envelope (proxies and some compatible servers answer so) is the
  // server's failure, not a malformed answer: its message is what the caller needs to see. A typed
  // API object (`object: "response"` with status failed) is left to its adapter.
  const b = body as { error?: unknown; object?: unknown } | null;
  if (!init.ownErrors && b?.error != null && b.object === undefined)
    throw await (await responseError()).errorEnvelopeError(init, body, text);
  return { body, headers: response.headers, latencyMs };
}
