// Every provider's environment variables, through the `env` option (a Worker's `env`, or any object):
// key variables in their documented order, sent only to the provider's own host (so those cases
// record the request with a `fetch` of their own instead of sending it), and Vertex AI's project,
// location and token. Runtime-neutral: runs in all five runtimes, none of which sees a real key
// (test/support/hermetic-env.mjs).
import { deepEqual, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { named } from './fixtures.mjs';

const OPENAI_BODY = { choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] };
const GEMINI_BODY = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
};

/** A fetch that records each request's URL and credentials and answers `body`. */
function recorder(/** @type {object} */ body) {
  /** @type {Array<{ url: string, auth: string | null, key: string | null }>} */
  const seen = [];
  /** @type {typeof fetch} */
  const fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    seen.push({
      url: String(input),
      auth: headers.get('authorization'),
      key: headers.get('x-goog-api-key'),
    });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch };
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function providerEnvCases({ sdk, emulatorUrl }) {
  const { GrokModel } = sdk.xai;
  const { GoogleModel } = sdk.google;
  const common = { cache: false, retryLimit: 0 };

  return [
    [
      'env: OPENAI_API_KEY, XAI_API_KEY before GROK_API_KEY, GEMINI_API_KEY before GOOGLE_API_KEY',
      async () => {
        const o = recorder(OPENAI_BODY);
        const openaiEnv = { OPENAI_API_KEY: 'sk-env' };
        await new sdk.openai.OpenAIModel({ ...common, env: openaiEnv, fetch: o.fetch }).chat('hi');
        const x = recorder(OPENAI_BODY);
        const both = { XAI_API_KEY: 'xai-key', GROK_API_KEY: 'grok-key' };
        await new GrokModel({ ...common, env: both, fetch: x.fetch }).chat('hi');
        await new GrokModel({ ...common, env: { GROK_API_KEY: 'grok-key' }, fetch: x.fetch }).chat(
          'hi',
        );
        deepEqual(
          [...o.seen, ...x.seen].map((r) => [new URL(r.url).host, r.auth]),
          [
            ['api.openai.com', 'Bearer sk-env'],
            ['api.x.ai', 'Bearer xai-key'],
            ['api.x.ai', 'Bearer grok-key'],
          ],
        );
        const g = recorder(GEMINI_BODY);
        const gemini = (/** @type {object} */ e) =>
          new GoogleModel({ ...common, model: 'gemini-2.5-flash', env: e, fetch: g.fetch });
        await gemini({ GEMINI_API_KEY: 'gem-key', GOOGLE_API_KEY: 'goog-key' }).chat('hi');
        await gemini({ GOOGLE_API_KEY: 'goog-key' }).chat('hi');
        deepEqual(
          g.seen.map((r) => [new URL(r.url).host, r.key, r.auth]),
          [
            ['generativelanguage.googleapis.com', 'gem-key', null],
            ['generativelanguage.googleapis.com', 'goog-key', null],
          ],
        );
        // The same variables are not sent to another host.
        const s = await scenario(emulatorUrl);
        const elsewhere = new GrokModel({ ...common, endpoint: s.endpoint, env: both });
        await rejects(elsewhere.chat('hi'), named('MissingKeyError'));
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      'env: VLLM_API_KEY and OPENAI_COMPATIBLE_API_KEY are sent to the configured server',
      async () => {
        const s = await scenario(emulatorUrl);
        await new sdk.vllm.VLLMModel({
          ...common,
          endpoint: s.endpoint,
          env: { VLLM_API_KEY: 'vllm-key', OPENAI_COMPATIBLE_API_KEY: 'compat-key' },
        }).chat('hi');
        await new sdk.compat.OpenAICompatibleModel({
          ...common,
          model: 'local',
          endpoint: s.endpoint,
          env: { OPENAI_COMPATIBLE_API_KEY: 'compat-key', VLLM_API_KEY: 'vllm-key' },
        }).chat('hi');
        deepEqual(
          (await s.requests()).map((q) => q.headers.authorization),
          ['Bearer vllm-key', 'Bearer compat-key'],
        );
      },
    ],
    [
      'env: VERTEX_ACCESS_TOKEN, VERTEX_PROJECT_ID and VERTEX_LOCATION_ID; the default location is us-central1, global has no prefix',
      async () => {
        const r = recorder(GEMINI_BODY);
        const vertex = (/** @type {object} */ options) =>
          new GoogleModel({
            ...common,
            vertex: true,
            model: 'gemini-2.5-flash',
            fetch: r.fetch,
            ...options,
          });
        const token = { VERTEX_ACCESS_TOKEN: 'ya29.env-token' };
        const byDefault = vertex({ env: { ...token, VERTEX_PROJECT_ID: 'env-proj' } });
        equal(byDefault.location, 'us-central1', 'default location');
        await byDefault.chat('hi');
        await vertex({
          env: { ...token, VERTEX_PROJECT_ID: 'proj-1', VERTEX_LOCATION_ID: 'asia-east1' },
        }).chat('hi');
        await vertex({ projectId: 'proj-1', location: 'global', env: token }).chat('hi');
        const path = (/** @type {string} */ project, /** @type {string} */ location) =>
          `/v1/projects/${project}/locations/${location}/publishers/google/models/gemini-2.5-flash:generateContent`;
        deepEqual(
          r.seen.map((q) => [q.url, q.auth, q.key]),
          [
            [
              `https://us-central1-aiplatform.googleapis.com${path('env-proj', 'us-central1')}`,
              'Bearer ya29.env-token',
              null,
            ],
            [
              `https://asia-east1-aiplatform.googleapis.com${path('proj-1', 'asia-east1')}`,
              'Bearer ya29.env-token',
              null,
            ],
            [
              `https://aiplatform.googleapis.com${path('proj-1', 'global')}`,
              'Bearer ya29.env-token',
              null,
            ],
          ],
        );
        // An environment token never goes to another endpoint (a proxy, the emulator).
        const s = await scenario(emulatorUrl);
        const proxy = new GoogleModel({
          ...common,
          vertex: true,
          projectId: 'proj-1',
          endpoint: s.endpoint,
          env: token,
        });
        await rejects(proxy.chat('hi'), named('MissingKeyError'));
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
  ];
}
