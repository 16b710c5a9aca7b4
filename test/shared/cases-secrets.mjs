// The secrets sentinel (issue 14): one distinctive key through every provider and every error path
// (a 401 that echoes it, 4xx/5xx and 2xx bodies that quote it, a network error that quotes it, a
// malformed key), checking that it reaches no error text (message, stack, JSON, causes), warning,
// console line, cache key or cache value. The stores' own check (a successful and an echoed call
// per store: memory, fs, IndexedDB, KV, unstorage) is in test/conformance/cache-store-suite.mjs.
// Also: keys from the environment never go to a foreign host, one case per provider. Runtime-neutral.
import { assert, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { capturingConsole, describe } from './cases-key-leaks.mjs';

/** @param {any} sdk @returns {Array<[string, (endpoint: string, apiKey: string, extra: object) => any]>} */
const providers = (sdk) => [
  ['openai', (endpoint, apiKey, x) => new sdk.openai.OpenAIModel({ endpoint, apiKey, ...x })],
  ['xai', (endpoint, apiKey, x) => new sdk.xai.GrokModel({ endpoint, apiKey, ...x })],
  ['vllm', (endpoint, apiKey, x) => new sdk.vllm.VLLMModel({ endpoint, apiKey, ...x })],
  [
    'compatible',
    (endpoint, apiKey, x) =>
      new sdk.compat.OpenAICompatibleModel({ endpoint, apiKey, model: 'local-model', ...x }),
  ],
  [
    'anthropic',
    (endpoint, apiKey, x) =>
      new sdk.anthropic.AnthropicModel({ endpoint, apiKey, dangerouslyAllowBrowser: true, ...x }),
  ],
  [
    'gemini',
    (endpoint, apiKey, x) =>
      new sdk.google.GoogleModel({ endpoint, apiKey, model: 'gemini-2.5-flash', ...x }),
  ],
  [
    'vertex',
    (endpoint, apiKey, x) =>
      new sdk.google.GoogleModel({
        endpoint,
        apiKey,
        model: 'gemini-2.5-flash',
        vertex: true,
        projectId: 'proj-1',
        location: 'us-central1',
        ...x,
      }),
  ],
];

/**
 * The error paths: name, the scenario (built around the key), the key the model gets, and whether
 * the error must show that something was redacted (the server or runtime quoted the key).
 * @type {Array<[string, (key: string) => object, (key: string) => string, boolean]>}
 */
const PATHS = [
  ['a 401 that echoes the key', () => ({ echoKey: true }), (k) => k, true],
  [
    'a 400 whose body quotes the key',
    (k) => ({ faults: [{ status: 400, json: { error: { message: `bad key ${k}`, type: 'x' } } }] }),
    (k) => k,
    true,
  ],
  [
    'a 503 proxy page quoting the key, on every attempt',
    (k) => ({ faults: [{ status: 503, html: true, body: `<title>${k}</title>`, times: 3 }] }),
    (k) => k,
    true,
  ],
  [
    'a 200 error envelope quoting the key',
    (k) => ({ faults: [{ status: 200, json: { error: { message: `key ${k} revoked` } } }] }),
    (k) => k,
    true,
  ],
  [
    'a 200 of the wrong shape quoting the key',
    (k) => ({ faults: [{ status: 200, json: { id: k, object: 'unknown' } }] }),
    (k) => k,
    true,
  ],
  [
    'a 200 that is the key, not JSON',
    (k) => ({ faults: [{ status: 200, body: k, contentType: 'application/json' }] }),
    (k) => k,
    true,
  ],
  ['a network error that quotes the key', () => ({}), (k) => k, true],
  ['a malformed key (two lines)', () => ({}), (k) => `${k}\n${k}-old`, false],
];

/** A fetch that fails as a runtime refusing a header does: quoting every header value. */
const quotingFetch = /** @type {typeof fetch} */ (
  async (_input, init) => {
    const values = [...new Headers(init?.headers).values()].join(', ');
    throw new TypeError(`fetch failed: invalid header value in ${values}`, {
      cause: new Error(`socket: ${values}`),
    });
  }
);

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function secretsCases({ sdk, emulatorUrl }) {
  return [
    ...providers(sdk).map(
      ([name, make]) =>
        /** @type {[string, () => Promise<void>]} */ ([
          `secrets sentinel (${name}): no error path puts the key in an error, warning, log or cache`,
          async () => {
            for (const [path, config, keyOf, quoted] of PATHS) {
              const sentinel = `sk-SENTINEL-${crypto.randomUUID().replaceAll('-', '')}`;
              const s = await scenario(emulatorUrl, config(sentinel));
              const store = sdk.cache.memoryStore();
              /** @type {string[]} */
              const warnings = [];
              /** @type {any} */
              let error;
              const printed = await capturingConsole(async () => {
                const model = make(s.endpoint, keyOf(sentinel), {
                  cache: store,
                  retryDelay: 1,
                  onWarning: (/** @type {string} */ m) => warnings.push(m),
                  ...(path.startsWith('a network') ? { fetch: quotingFetch } : {}),
                });
                error = await rejects(model.chat('hi'));
              });
              const at = `${name}, ${path}`;
              assert(sdk.core.isLLMError(error), `${at}: an SDK error, got ${error?.name}`);
              const text = describe(error);
              if (quoted) assert(text.includes('[redacted]'), `${at}: nothing redacted: ${text}`);
              const keys = await store.keys();
              equal(keys.length, 0, `${at}: the failure was cached`);
              const where = {
                error: text,
                warnings: warnings.join('\n'),
                console: printed.join('\n'),
              };
              for (const [place, value] of Object.entries(where)) {
                assert(!value.includes(sentinel), `${at}: the key reached ${place}`);
                // A partial key is a leak too: the random part alone must not appear.
                assert(
                  !value.includes(sentinel.slice(12)),
                  `${at}: part of the key reached ${place}`,
                );
              }
            }
          },
        ]),
    ),
    ...foreignHostCases(sdk),
  ];
}

const GEMINI_ANSWER = { candidates: [{ content: { parts: [{ text: 'ok' }] } }] };

/**
 * A key from the environment is sent only to its provider's host: with a foreign endpoint the call
 * fails with a MissingKeyError and nothing is sent. (vLLM and compatible servers have no host of
 * their own: their environment keys go to the endpoint the caller configured.)
 * @param {any} sdk
 * @returns {Array<[string, () => Promise<void>]>}
 */
function foreignHostCases(sdk) {
  /** @type {Array<[string, string, (o: object) => any]>} */
  const rows = [
    ['openai', 'OPENAI_API_KEY', (o) => new sdk.openai.OpenAIModel(o)],
    ['xai', 'XAI_API_KEY', (o) => new sdk.xai.GrokModel(o)],
    [
      'anthropic',
      'ANTHROPIC_API_KEY',
      (o) => new sdk.anthropic.AnthropicModel({ dangerouslyAllowBrowser: true, ...o }),
    ],
    [
      'gemini',
      'GEMINI_API_KEY',
      (o) => new sdk.google.GoogleModel({ model: 'gemini-2.5-flash', ...o }),
    ],
    [
      'vertex',
      'VERTEX_ACCESS_TOKEN',
      (o) =>
        new sdk.google.GoogleModel({
          model: 'gemini-2.5-flash',
          vertex: true,
          projectId: 'proj-1',
          location: 'us-central1',
          ...o,
        }),
    ],
  ];
  return rows.map(([name, variable, make]) => [
    `secrets: ${variable} from the environment is never sent to a foreign host (${name})`,
    async () => {
      const sentinel = `sk-SENTINEL-env-${crypto.randomUUID()}`;
      /** @type {string[]} */
      const sent = [];
      /** @type {typeof fetch} */
      const fetch = async (input, init) => {
        sent.push(`${input} ${JSON.stringify([...new Headers(init?.headers)])} ${init?.body}`);
        return new Response(JSON.stringify(GEMINI_ANSWER), { status: 200 });
      };
      const common = { env: { [variable]: sentinel }, cache: false, retryLimit: 0, fetch };
      const foreign = make({ ...common, endpoint: 'https://llm-proxy.example.com/v1' });
      const error = await rejects(foreign.chat('hi'));
      equal(error?.name, 'MissingKeyError', `${name}: ${error?.message}`);
      assert(!describe(error).includes(sentinel), `${name}: the key is in the error`);
      equal(sent.length, 0, `${name}: a request went to the foreign host`);
      // The control: the same environment with the provider's own endpoint does send the key.
      await make(common)
        .chat('hi')
        .catch(() => {});
      assert(sent.length === 1 && sent[0].includes(sentinel), `${name}: own host gets the key`);
    },
  ]);
}
