// A server that echoes the key it rejected must not make the SDK leak it. The emulator's `echoKey`
// scenario option (test/emulator/server.mjs) makes every dialect answer 401 (Gemini API: 400
// API_KEY_INVALID) with the full key in its body; each case checks that the key reaches no error
// text, `responseBody`, `JSON.stringify(error)`, stack, warning, console output or cache entry, and
// first proves, with a raw request, that the emulator really echoes it. Runtime-neutral.
import { assert, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';

const CONSOLE_LEVELS = /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug', 'trace']);

/**
 * Runs `fn` with every console method recording instead of printing.
 * @param {() => Promise<void>} fn
 * @returns {Promise<string[]>} what was printed, one string per call
 */
export async function capturingConsole(fn) {
  /** @type {string[]} */
  const printed = [];
  const saved = CONSOLE_LEVELS.map((level) => console[level]);
  for (const level of CONSOLE_LEVELS)
    console[level] = (...args) => void printed.push(args.map((a) => describe(a)).join(' '));
  try {
    await fn();
  } finally {
    CONSOLE_LEVELS.forEach((level, i) => (console[level] = saved[i]));
  }
  return printed;
}

/** Every text a value can show: its string form, JSON, stack, and those of its causes. @param {unknown} v */
export function describe(v, depth = 0) {
  if (depth > 4 || v === null || typeof v !== 'object') return String(v);
  const e = /** @type {any} */ (v);
  let json;
  try {
    json = JSON.stringify(e);
  } catch {
    json = '';
  }
  const nested = [e.cause, e.lastError, ...(Array.isArray(e.errors) ? e.errors : [])]
    .filter((x) => x !== undefined)
    .map((x) => describe(x, depth + 1));
  return [String(e), e.message, e.stack, e.responseBody, json, ...nested].join('\n');
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function keyLeakCases({ sdk, emulatorUrl }) {
  const common = { cache: false, retryDelay: 1 };
  /**
   * name, model factory, the raw request that shows the echo, and the status the dialect answers.
   * @type {Array<[string, (endpoint: string, key: string, extra: object) => any, (endpoint: string, key: string) => Promise<Response>, number]>}
   */
  const dialects = [
    [
      'openai',
      (endpoint, apiKey, extra) => new sdk.openai.OpenAIModel({ endpoint, apiKey, ...extra }),
      (endpoint, key) =>
        post(`${endpoint}/v1/chat/completions`, { authorization: `Bearer ${key}` }),
      401,
    ],
    [
      'anthropic',
      (endpoint, apiKey, extra) =>
        new sdk.anthropic.AnthropicModel({
          endpoint,
          apiKey,
          dangerouslyAllowBrowser: true,
          ...extra,
        }),
      (endpoint, key) =>
        post(`${endpoint}/v1/messages`, { 'x-api-key': key, 'anthropic-version': '2023-06-01' }),
      401,
    ],
    [
      'gemini',
      (endpoint, apiKey, extra) =>
        new sdk.google.GoogleModel({ endpoint, apiKey, model: 'gemini-2.5-flash', ...extra }),
      (endpoint, key) =>
        post(`${endpoint}/v1beta/models/gemini-2.5-flash:generateContent`, {
          'x-goog-api-key': key,
        }),
      400,
    ],
    [
      'vertex',
      (endpoint, apiKey, extra) =>
        new sdk.google.GoogleModel({
          endpoint,
          apiKey,
          model: 'gemini-2.5-flash',
          vertex: true,
          projectId: 'proj-1',
          location: 'us-central1',
          ...extra,
        }),
      (endpoint, key) =>
        post(
          `${endpoint}/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent`,
          { authorization: `Bearer ${key}` },
        ),
      401,
    ],
  ];

  return dialects.map(([name, make, raw, status]) => [
    `key leaks (${name}): a rejected key the server echoes reaches no error, warning, log or cache`,
    async () => {
      const key = `sk-leak-${crypto.randomUUID().replaceAll('-', '')}`;
      const s = await scenario(emulatorUrl, { echoKey: true });
      /** @type {string[]} */
      const warnings = [];
      const store = sdk.cache.memoryStore();
      /** @type {any} */
      let error;
      const printed = await capturingConsole(async () => {
        const model = make(s.endpoint, key, {
          ...common,
          cache: store,
          onWarning: (/** @type {string} */ m) => warnings.push(m),
        });
        error = await rejects(model.chat('hi'));
      });
      assert(error instanceof sdk.core.APICallError, `${name}: got ${error?.name}`);
      equal(error.status, status, `${name}: status`);
      assert(
        error.responseBody.includes('[redacted]'),
        `${name}: the echoed key is redacted in the body`,
      );
      const texts = { error: describe(error), warnings: warnings.join('\n'), console: printed };
      for (const [where, text] of Object.entries(texts))
        assert(!String(text).includes(key), `${name}: the key reached ${where}`);
      equal((await store.keys()).length, 0, `${name}: the failure was not cached`);
      // The control: the same request sent raw gets the key back, so the checks above can fail.
      const res = await raw(s.endpoint, key);
      equal(res.status, status, `${name}: raw status`);
      assert((await res.text()).includes(key), `${name}: the emulator echoes the key`);
    },
  ]);
}

/** @param {string} url @param {Record<string, string>} headers */
const post = (url, headers) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  });
