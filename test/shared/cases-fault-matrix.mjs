// The fault matrix (issue 14) for the three wire dialects: every row of fault-matrix-table.mjs
// against OpenAI chat, Anthropic Messages and Gemini (with stream() for the stream rows). Each case asserts the typed error (or the
// answer after retries), the attempts the emulator saw, that nothing was cached, and that a second
// call, with the faults used up, sends a request and gets an answer. Runtime-neutral; Deno, Bun and
// the worker bundle run the subset in SUBSET (runtime time), Node, Chromium and workerd every row.
import { assert, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { FAULT_ROWS } from './fault-matrix-table.mjs';

/** The rows the slower runtimes run: one per kind of fault. */
export const SUBSET = new Set([
  '503 once, then an answer',
  '429 with retry-after-ms, which wins over Retry-After',
  '503 with x-should-retry: false',
  '401',
  'connection reset mid-body, then an answer',
  'connection refused (closed port)',
  'headers, then a stall past the timeout',
  'a 200 whose body is not UTF-8',
  'a 200 of the wrong shape',
  'a stream cut mid-event after text was shown',
  'an error event mid-stream',
  'a stall between stream events past idleTimeout',
  'a stream answered by a 200 carrying an error envelope',
]);

/** @param {any} sdk */
export function faultDialects(sdk) {
  /** @type {Array<[string, (endpoint: string, extra: object) => any]>} */
  return [
    [
      'openai',
      (endpoint, extra) =>
        new sdk.openai.OpenAIModel({ endpoint, apiKey: 'sk-test', model: 'gpt-4o-mini', ...extra }),
    ],
    [
      'anthropic',
      (endpoint, extra) =>
        new sdk.anthropic.AnthropicModel({
          endpoint,
          apiKey: 'sk-test',
          dangerouslyAllowBrowser: true,
          ...extra,
        }),
    ],
    [
      'gemini',
      (endpoint, extra) =>
        new sdk.google.GoogleModel({
          endpoint,
          apiKey: 'sk-test',
          model: 'gemini-2.5-flash',
          ...extra,
        }),
    ],
  ];
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function faultMatrixCases({ sdk, emulatorUrl, runtime }) {
  const full = ['node', 'browser', 'workers'].includes(runtime);
  const rows = FAULT_ROWS.filter((row) => full || SUBSET.has(row.id));
  return faultDialects(sdk).flatMap(([dialect, make]) =>
    rows.map(
      (row) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `fault matrix (${dialect}): ${row.id}`,
          () => runRow(sdk, emulatorUrl, dialect, make, row),
        ]),
    ),
  );
}

/**
 * @param {any} sdk @param {string} emulatorUrl @param {string} dialect
 * @param {(endpoint: string, extra: object) => any} make
 * @param {import('./fault-matrix-table.mjs').FaultRow} row
 */
async function runRow(sdk, emulatorUrl, dialect, make, row) {
  const faults = row.faults();
  const s = await scenario(emulatorUrl, { faults: faults === 'refused' ? [] : faults });
  // A refused connection never reaches the emulator: its first call goes to a closed port.
  const endpoint = faults === 'refused' ? await refusedEndpoint(emulatorUrl) : s.endpoint;
  let fetches = 0;
  /** @type {typeof fetch} */
  const counting = (input, init) => (fetches++, fetch(input, init));
  const store = sdk.cache.memoryStore();
  const opts = { retryDelay: 1, retryLimit: 2, cache: store, fetch: counting, ...row.opts };
  // A stream's answer is long enough that text arrives before its faults strike.
  const prompt = uniquePrompt(row.stream ? 'fault in a stream of many words and pieces' : 'fault');
  const call = (/** @type {any} */ model) =>
    row.stream ? model.stream(prompt).response : model.chat(prompt);
  const at = `${dialect} / ${row.id}`;
  const started = Date.now();
  if (row.error === undefined) {
    const answer = await call(make(endpoint, opts));
    assert(typeof answer.text === 'string' && answer.text.length > 0, `${at}: an answer`);
    equal(answer.cached, false, `${at}: not from the cache`);
  } else {
    const error = await rejects(call(make(endpoint, opts)));
    checkError(sdk, at, row, error);
  }
  const elapsed = Date.now() - started;
  if (row.expect?.maxElapsedMs !== undefined)
    assert(elapsed <= row.expect.maxElapsedMs, `${at}: took ${elapsed} ms`);
  const attempts = faults === 'refused' ? fetches : (await s.requests()).length;
  equal(attempts, row.attempts, `${at}: attempts`);
  if (row.error !== undefined) {
    equal((await store.keys()).length, 0, `${at}: the failure was cached`);
    // The faults are used up: the same call now reaches the emulator and is answered.
    const again = await call(make(s.endpoint, { ...opts, timeout: undefined }));
    equal(again.cached, false, `${at}: the second call came from the cache`);
    equal((await s.requests()).length, faults === 'refused' ? 1 : row.attempts + 1, `${at}: sent`);
  }
}

/**
 * @param {any} sdk @param {string} at
 * @param {import('./fault-matrix-table.mjs').FaultRow} row @param {any} error
 */
function checkError(sdk, at, row, error) {
  const Expected = sdk.core[/** @type {string} */ (row.error)];
  assert(error instanceof Expected, `${at}: ${row.error}, got ${error?.name}: ${error?.message}`);
  const x = row.expect ?? {};
  const inner = row.error === 'RetryError' ? error.errors : [error];
  if (row.error === 'RetryError') equal(error.errors.length, row.attempts, `${at}: errors kept`);
  for (const e of inner) {
    if (x.type) assert(e instanceof sdk.core[x.type], `${at}: ${x.type}, got ${e?.name}`);
    if (x.status !== undefined) equal(e.status, x.status, `${at}: status`);
    if (x.detail) assert(x.detail.test(e.message), `${at}: message ${e.message}`);
    if (x.bodyMax !== undefined) {
      assert(e.responseBody.length <= x.bodyMax, `${at}: body kept ${e.responseBody.length}`);
      assert(e.message.length <= 1_000, `${at}: message of ${e.message.length} characters`);
    }
  }
  const wait = x.retryAfterMs;
  if (typeof wait === 'number') equal(error.retryAfterMs, wait, `${at}: retryAfterMs`);
  if (Array.isArray(wait))
    assert(
      error.retryAfterMs >= wait[0] && error.retryAfterMs <= wait[1],
      `${at}: retryAfterMs ${error.retryAfterMs}`,
    );
  if (x.text) assert(error.text?.length > 0, `${at}: the text shown is kept`);
  if (x.idle) equal(error.idle, true, `${at}: idle`);
  const retryable = row.retryable ?? (row.error === 'RetryError' || row.retried);
  if (row.error !== 'RetryError' && row.error !== 'TimeoutError')
    equal(error.isRetryable, retryable, `${at}: isRetryable`);
}

/** An endpoint on a loopback port nothing listens on. @param {string} emulatorUrl */
async function refusedEndpoint(emulatorUrl) {
  const res = await fetch(`${emulatorUrl}/_closed_port`);
  const { port } = await res.json();
  const url = new URL(emulatorUrl);
  url.port = String(port);
  return url.origin;
}
