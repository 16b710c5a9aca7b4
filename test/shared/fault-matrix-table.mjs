// The fault matrix (issue 14): one row per failure a provider, proxy or network can hand the SDK,
// with what the SDK must do about it. cases-fault-matrix.mjs runs every row against the three wire
// dialects; the README's "Failure handling" table is checked against `readme` by
// test/readme-failure-table.node.test.ts. Every call runs with `retryLimit: 2` unless `opts` says
// otherwise, so `attempts` is what the emulator (or, for a refused connection, fetch) saw.
// Rows with `stream: true` run `stream()` instead of `chat` (a cut mid-event, an error event, a stall
// between events, a 200 whose whole body is an error envelope where a stream was asked for).

const HTTP_DATE_PAST = 'Wed, 21 Oct 2015 07:28:00 GMT';
/** An HTTP date `s` seconds from now (second precision, as servers send it). @param {number} s */
const httpDateIn = (s) => new Date(Date.now() + s * 1000).toUTCString();
// Not UTF-8: 0xff/0xfe are never valid, 0xc3 starts a sequence that 0x28 does not continue.
const NOT_UTF8 = 'e9ff/sMoKA==';

/**
 * @typedef {{ status?: number, retryAfterMs?: number | [number, number], type?: string, errorType?: string, detail?: RegExp, bodyMax?: number, maxElapsedMs?: number, text?: boolean, idle?: boolean }} Expect
 * `text`: the error holds the text shown before the stream broke; `idle`: a TimeoutError of `idleTimeout`.
 * @typedef {{ id: string, readme?: string, readmeError?: string, readmeRetried?: string, faults: () => object[] | 'refused', opts?: Record<string, unknown>, stream?: boolean, error?: string, retried: boolean, retryable?: boolean, attempts: number, expect?: Expect }} FaultRow
 * `error` is the error's class name (undefined: the call succeeds); `retried` is what the README
 * states, and `retryable` the error's `isRetryable` when it differs (a broken stream is not retried
 * once text was shown, but calling again may work); `readme` marks the row that represents its
 * scenario in the README table, `readmeError` (default: `error`) and `readmeRetried` (default:
 * yes/no from `retried`) are its other cells. `stream` runs the row with `stream()`.
 */

/** @type {FaultRow[]} */
export const FAULT_ROWS = [
  // ---- HTTP statuses that are retried ----
  ...[408, 409, 500, 502, 503, 504, 529].map((status) => ({
    id: `${status} once, then an answer`,
    readme: status === 408 ? 'HTTP 408, 409, 500, 502, 503, 504, 529' : undefined,
    readmeError: '`APICallError`',
    faults: () => [{ status }],
    retried: true,
    attempts: 2,
  })),
  {
    id: '500 on every attempt',
    readme: '5xx on every attempt',
    readmeError: '`RetryError` holding each `APICallError`',
    faults: () => [{ status: 500, times: 3 }],
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'APICallError', status: 500 },
  },
  // ---- 429 and the delay the server asks for ----
  {
    id: '429 with Retry-After: 0, then an answer',
    readme: 'HTTP 429',
    readmeError: '`RateLimitError`',
    faults: () => [{ status: 429, headers: { 'retry-after': '0' } }],
    retried: true,
    attempts: 2,
  },
  {
    id: '429 on every attempt',
    faults: () => [{ status: 429, headers: { 'retry-after': '0' }, times: 3 }],
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'RateLimitError', status: 429 },
  },
  {
    id: '429 with Retry-After in seconds',
    readme: 'Retry-After (seconds, HTTP date) or retry-after-ms',
    readmeError: '`RateLimitError` with `retryAfterMs`; the retry waits that long',
    faults: () => [{ status: 429, headers: { 'retry-after': '3' } }],
    opts: { retryLimit: 0 },
    error: 'RateLimitError',
    retried: true,
    attempts: 1,
    expect: { status: 429, retryAfterMs: 3000 },
  },
  {
    id: '429 with Retry-After as an HTTP date 30 s ahead',
    faults: () => [{ status: 429, headers: { 'retry-after': httpDateIn(30) } }],
    opts: { retryLimit: 0 },
    error: 'RateLimitError',
    retried: true,
    attempts: 1,
    expect: { retryAfterMs: [27_000, 31_000] },
  },
  {
    id: '429 with Retry-After as a past HTTP date, then an answer at once',
    faults: () => [{ status: 429, headers: { 'retry-after': HTTP_DATE_PAST } }],
    opts: { retryDelay: 5_000 },
    retried: true,
    attempts: 2,
    expect: { maxElapsedMs: 2_500 },
  },
  {
    id: '429 with retry-after-ms, which wins over Retry-After',
    faults: () => [{ status: 429, headers: { 'retry-after-ms': '4321', 'retry-after': '100' } }],
    opts: { retryLimit: 0 },
    error: 'RateLimitError',
    retried: true,
    attempts: 1,
    expect: { retryAfterMs: 4321 },
  },
  {
    id: '429 with retry-after-ms: 5, then an answer',
    faults: () => [{ status: 429, headers: { 'retry-after-ms': '5' } }],
    opts: { retryDelay: 5_000 },
    retried: true,
    attempts: 2,
    expect: { maxElapsedMs: 2_500 },
  },
  {
    id: '429 with an absurd Retry-After (capped at 60 s)',
    readme: 'Retry-After absurd or negative',
    readmeError: '`retryAfterMs` capped to 0–60 s',
    faults: () => [{ status: 429, headers: { 'retry-after': '99999999' } }],
    opts: { retryLimit: 0 },
    error: 'RateLimitError',
    retried: true,
    attempts: 1,
    expect: { retryAfterMs: 60_000 },
  },
  {
    id: '429 with a negative retry-after-ms (no wait), then an answer',
    faults: () => [{ status: 429, headers: { 'retry-after-ms': '-500' } }],
    opts: { retryDelay: 5_000 },
    retried: true,
    attempts: 2,
    expect: { maxElapsedMs: 2_500 },
  },
  {
    id: '429 with an unreadable Retry-After (backoff instead), then an answer',
    faults: () => [{ status: 429, headers: { 'retry-after': 'soon' } }],
    retried: true,
    attempts: 2,
  },
  // ---- x-should-retry overrides the status ----
  {
    id: '400 with x-should-retry: true, then an answer',
    readme: '`x-should-retry: true` / `false`',
    readmeError: '`APICallError`',
    readmeRetried: 'as the header says',
    faults: () => [{ status: 400, headers: { 'x-should-retry': 'true' } }],
    retried: true,
    attempts: 2,
  },
  {
    id: '503 with x-should-retry: false',
    faults: () => [{ status: 503, headers: { 'x-should-retry': 'false' } }],
    error: 'APICallError',
    retried: false,
    attempts: 1,
    expect: { status: 503 },
  },
  // ---- statuses that are not retried ----
  ...[400, 404, 422].map((status) => ({
    id: `${status}`,
    readme: status === 400 ? 'HTTP 400, 404, 422 (other 4xx)' : undefined,
    readmeError: '`APICallError`',
    faults: () => [{ status }],
    error: 'APICallError',
    retried: false,
    attempts: 1,
    expect: { status },
  })),
  ...[401, 403].map((status) => ({
    id: `${status}`,
    readme: status === 401 ? 'HTTP 401, 403' : undefined,
    readmeError: '`AuthenticationError`',
    faults: () => [{ status }],
    error: 'AuthenticationError',
    retried: false,
    attempts: 1,
    expect: { status },
  })),
  // ---- the network ----
  {
    id: 'connection reset before the headers, then an answer',
    readme: 'Connection reset (before headers or mid-body)',
    readmeError: '`NetworkError`',
    faults: () => [{ drop: true }],
    retried: true,
    attempts: 2,
  },
  {
    id: 'connection reset before the headers on every attempt',
    faults: () => [{ drop: true, times: 3 }],
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'NetworkError' },
  },
  {
    id: 'connection reset mid-body, then an answer',
    faults: () => [{ cut: true }],
    retried: true,
    attempts: 2,
  },
  {
    id: 'connection refused (closed port)',
    readme: 'Connection refused',
    readmeError: '`RetryError` holding each `NetworkError`',
    faults: () => 'refused',
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'NetworkError' },
  },
  {
    id: 'headers, then a stall past the timeout',
    readme: 'No answer, or headers then a stalled body, past `timeout`',
    faults: () => [{ stall: true }],
    opts: { timeout: 400 },
    error: 'TimeoutError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'no answer past the timeout',
    faults: () => [{ hang: true }],
    opts: { timeout: 400 },
    error: 'TimeoutError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'a slow answer within the timeout',
    faults: () => [{ delayMs: 150 }],
    opts: { timeout: 5_000 },
    retried: false,
    attempts: 1,
  },
  // ---- bodies ----
  {
    id: 'an HTML error page from a proxy (502), then an answer',
    readme: 'HTML error page from a proxy (5xx)',
    readmeError: '`APICallError` with the page title',
    faults: () => [{ html: true, status: 502 }],
    retried: true,
    attempts: 2,
  },
  {
    id: 'an HTML error page from a proxy on every attempt',
    faults: () => [{ html: true, status: 502, times: 3 }],
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'APICallError', status: 502, detail: /502 Bad Gateway/ },
  },
  {
    id: 'a 200 with truncated JSON',
    readme: '200 with truncated JSON, an empty body or a non-UTF-8 body',
    faults: () => [{ malformedJson: true }],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'an empty 200',
    faults: () => [{ status: 200, body: '', contentType: 'application/json' }],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'a 200 whose body is not UTF-8',
    faults: () => [{ bytes: NOT_UTF8, contentType: 'application/json' }],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'a 500 whose body is not UTF-8, then an answer',
    faults: () => [{ status: 500, bytes: NOT_UTF8, contentType: 'application/json' }],
    retried: true,
    attempts: 2,
  },
  {
    id: 'a 200 carrying an error envelope',
    readme: '200 carrying an `error` envelope',
    readmeError: "`InvalidResponseError` with the server's message",
    faults: () => [
      { status: 200, json: { error: { message: 'upstream overloaded', type: 'server_error' } } },
    ],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
    expect: { detail: /upstream overloaded/ },
  },
  {
    id: 'a 200 of the wrong shape',
    readme: '200 of the wrong shape (no `choices`/`content`/`candidates`)',
    faults: () => [{ status: 200, json: { id: 'x', object: 'nothing', model: 'm' } }],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
  },
  {
    id: 'a huge (3 MB) 200 that is not JSON',
    readme: 'Huge body (the error keeps its first 2,000–4,000 characters)',
    readmeError: '`InvalidResponseError` (2xx) or `APICallError`',
    readmeRetried: 'as its status says',
    faults: () => [{ hugeBytes: 3_000_000, contentType: 'application/json' }],
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
    expect: { bodyMax: 4_000 },
  },
  {
    id: 'a huge (3 MB) 500 on every attempt',
    faults: () => [{ status: 500, hugeBytes: 3_000_000, times: 3 }],
    error: 'RetryError',
    retried: true,
    attempts: 3,
    expect: { type: 'APICallError', status: 500, bodyMax: 4_000 },
  },
  // ---- streams (stream()): after text was shown nothing is retried, and nothing is cached ----
  {
    id: 'a stream cut mid-event after text was shown',
    readme: 'Stream cut mid-event after text was shown',
    readmeError: '`StreamError` holding the text so far',
    // A pause after some text, then more, then the cut: a browser may drop bytes still buffered
    // when the connection breaks, but it read those before the pause.
    faults: () => [{ stallAfter: 4, stallMs: 300, cutAfter: 6, cutMidEvent: true }],
    stream: true,
    error: 'StreamError',
    retried: false,
    retryable: true,
    attempts: 1,
    expect: { text: true },
  },
  {
    id: 'an error event mid-stream',
    readme: 'Error event mid-stream',
    readmeError: "`StreamError` with the event's message and type",
    faults: () => [{ errorAfter: 4 }],
    stream: true,
    error: 'StreamError',
    retried: false,
    retryable: true,
    attempts: 1,
    expect: { text: true },
  },
  {
    id: 'a stall between stream events past idleTimeout',
    readme: 'Stall between stream events past `idleTimeout`',
    readmeError: '`TimeoutError` (`idle: true`)',
    faults: () => [{ stallAfter: 4 }],
    opts: { idleTimeout: 300 },
    stream: true,
    error: 'TimeoutError',
    retried: false,
    attempts: 1,
    expect: { idle: true },
  },
  {
    id: 'a stream answered by a 200 carrying an error envelope',
    faults: () => [
      { status: 200, json: { error: { message: 'upstream overloaded', type: 'server_error' } } },
    ],
    stream: true,
    error: 'InvalidResponseError',
    retried: false,
    attempts: 1,
    expect: { detail: /upstream overloaded/ },
  },
];

/**
 * The README's "Failure handling" table, as [scenario, error, retried] rows, from the matrix.
 * @returns {string[][]}
 */
export function failureTable() {
  return FAULT_ROWS.filter((row) => row.readme).map((row) => [
    /** @type {string} */ (row.readme),
    row.readmeError ?? `\`${row.error}\``,
    row.readmeRetried ?? (row.retried ? 'yes' : 'no'),
  ]);
}
