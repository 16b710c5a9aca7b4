// Keys (issue 16 items 1–3, issue 9 item 22), in every runtime: malformed keys are refused before
// any request and never quoted, runtime errors that quote a header are redacted, keys the caller did
// not pass go only to the provider's host over https on the default port, Vertex locations, projects
// and model names cannot change the host or path, and MissingKeyError reads well in each case.
import { assert, equal, rejects } from './assert.mjs';
import { named } from './fixtures.mjs';

const GEMINI_ANSWER = {
  candidates: [{ content: { parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
};
const OPENAI_ANSWER = { choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] };

/** A fetch that records each request and answers `body`, so no key ever leaves the test. */
function capture(body = OPENAI_ANSWER) {
  /** @type {Array<{ url: string, headers: Headers }>} */
  const sent = [];
  /** @type {typeof fetch} */
  const fetch = async (input, init) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch };
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function keysCases({ sdk, runtime }) {
  const { OpenAIModel } = sdk.openai;
  const { GoogleModel } = sdk.google;
  const hasKeyFiles = ['node', 'deno', 'bun'].includes(runtime);
  const openai = (/** @type {object} */ extra) => {
    const c = capture();
    return { c, model: new OpenAIModel({ cache: false, retryLimit: 0, fetch: c.fetch, ...extra }) };
  };
  return [
    [
      'keys: a malformed key is an InvalidRequestError naming where it came from, never its value',
      async () => {
        const bad = [
          [
            { apiKey: 'sk-new-1234\n# old: sk-old-5678' },
            'the apiKey option',
            'more than one line',
          ],
          [
            { env: { OPENAI_API_KEY: 'sk-new-1234 sk-old-5678' } },
            'the environment variable OPENAI_API_KEY',
            'a space',
          ],
          [
            { keyResolver: () => 'tok-1234\u0000' },
            'the keyResolver option',
            'a control character',
          ],
          [{ apiKey: 'sk-“quoted”-1234' }, 'the apiKey option', 'outside printable ASCII'],
        ];
        for (const [options, source, problem] of bad) {
          const { c, model } = openai(/** @type {object} */ (options));
          const e = await rejects(model.chat('hi'), named('InvalidRequestError'));
          assert(e.message.includes(`The key from ${source} `), e.message);
          assert(e.message.includes(/** @type {string} */ (problem)), e.message);
          assert(!/1234|5678/.test(e.message), `no key text: ${e.message}`);
          equal(c.sent.length, 0, 'nothing sent');
        }
        // Surrounding whitespace is not part of a key: a key read with its newline still works.
        const { c, model } = openai({ apiKey: '  sk-trimmed-1234\n' });
        await model.chat('hi');
        equal(c.sent[0]?.headers.get('authorization'), 'Bearer sk-trimmed-1234');
      },
    ],
    [
      'keys: an error the runtime raises with the key in it reaches the caller redacted',
      async () => {
        const key = 'sk-secret-4242';
        const model = new OpenAIModel({
          apiKey: key,
          cache: false,
          retryLimit: 0,
          // What runtimes do with a header value they refuse: quote it, here in a nested cause too.
          fetch: async (_url, init) => {
            const value = new Headers(init?.headers).get('authorization');
            throw new TypeError(`Headers.append: "${value}" is an invalid header value.`, {
              cause: new Error(`invalid value ${value}`),
            });
          },
        });
        const e = await rejects(model.chat('hi'), named('NetworkError'));
        const text = [
          e.message,
          e.stack,
          e.cause?.message,
          e.cause?.stack,
          e.cause?.cause?.message,
        ];
        assert(!text.join('\n').includes(key), `key leaked: ${text.join(' | ')}`);
        assert(e.message.includes('Bearer [redacted]'), e.message);
        equal(e.cause?.name, 'TypeError', 'the cause keeps its name');
        // A server that echoes the key instead of JSON: JSON.parse quotes it in its error.
        const echo = new OpenAIModel({
          apiKey: key,
          cache: false,
          retryLimit: 0,
          fetch: async () => new Response(key, { status: 200 }),
        });
        const bad = await rejects(echo.chat('hi'), named('InvalidResponseError'));
        const all = [bad.message, bad.responseBody, bad.cause?.message, bad.cause?.stack];
        assert(!all.join('\n').includes(key), `key leaked: ${all.join(' | ')}`);
      },
    ],
    [
      'keys: environment keys go only to the provider over https, on the default port',
      async () => {
        const env = { OPENAI_API_KEY: 'sk-env-1234' };
        for (const endpoint of ['http://api.openai.com/v1', 'https://api.openai.com:8443/v1']) {
          const { c, model } = openai({ endpoint, env });
          const e = await rejects(model.chat('hi'), named('MissingKeyError'));
          assert(e.message.includes('only sent over https to api.openai.com'), e.message);
          equal(c.sent.length, 0, `${endpoint}: nothing sent`);
        }
        const { c, model } = openai({ endpoint: 'https://api.openai.com:443/v1', env });
        await model.chat('hi');
        equal(c.sent[0]?.headers.get('authorization'), 'Bearer sk-env-1234', 'https, default port');
        const vertex = capture(GEMINI_ANSWER);
        const plain = new GoogleModel({
          vertex: true,
          projectId: 'my-project',
          endpoint: 'http://us-central1-aiplatform.googleapis.com',
          env: { VERTEX_ACCESS_TOKEN: 'ya29.env-1234' },
          cache: false,
          fetch: vertex.fetch,
        });
        await rejects(plain.chat('hi'), named('MissingKeyError'));
        equal(vertex.sent.length, 0, 'no Vertex token over http');
      },
    ],
    [
      'keys: MissingKeyError says what was looked at and what to do, in each case',
      async () => {
        // Runtimes with a filesystem also look in (and suggest) the key file.
        const openaiMessage = hasKeyFiles
          ? 'No API key for openai. Looked in the apiKey option, the environment variable ' +
            'OPENAI_API_KEY and the file ~/.alea/keys/openai. Pass `apiKey` or `keyResolver` to ' +
            'the model, set OPENAI_API_KEY, or write the key to ~/.alea/keys/openai.'
          : 'No API key for openai. Looked in the apiKey option and the environment variable ' +
            'OPENAI_API_KEY. Pass `apiKey` or `keyResolver` to the model, or set OPENAI_API_KEY.';
        const { model } = openai({ env: {} });
        equal((await rejects(model.chat('hi'), named('MissingKeyError'))).message, openaiMessage);
        const looked =
          'Looked in the apiKey option, the keyResolver option (it returned no key), the ' +
          'environment variable GEMINI_API_KEY';
        const googleMessage = hasKeyFiles
          ? `No API key for google. ${looked}, the environment variable GOOGLE_API_KEY and the ` +
            'file ~/.alea/keys/gemini. Pass `apiKey` or `keyResolver` to the model, set ' +
            'GEMINI_API_KEY or GOOGLE_API_KEY, or write the key to ~/.alea/keys/gemini.'
          : `No API key for google. ${looked} and the environment variable GOOGLE_API_KEY. Pass ` +
            '`apiKey` or `keyResolver` to the model, or set GEMINI_API_KEY or GOOGLE_API_KEY.';
        const gemini = new GoogleModel({ env: {}, cache: false, keyResolver: () => undefined });
        equal((await rejects(gemini.chat('hi'), named('MissingKeyError'))).message, googleMessage);
        const proxy = openai({
          endpoint: 'https://proxy.example/v1',
          env: { OPENAI_API_KEY: 'sk-env-1234' },
        });
        equal(
          (await rejects(proxy.model.chat('hi'), named('MissingKeyError'))).message,
          'No API key for openai at https://proxy.example/v1. Looked in the apiKey option. Keys from ' +
            `OPENAI_API_KEY${hasKeyFiles ? ' and ~/.alea/keys/openai' : ''} are only sent over ` +
            'https to api.openai.com, on the default port; pass `apiKey` or `keyResolver` to the ' +
            'model for this endpoint.',
        );
      },
    ],
    [
      'keys: a Vertex location, project or model name cannot change the host or the path',
      async () => {
        const vertex = (/** @type {object} */ extra) => {
          const c = capture(GEMINI_ANSWER);
          const options = { vertex: true, projectId: 'my-project', apiKey: 'ya29.tok-1234' };
          return {
            c,
            model: new GoogleModel({ ...options, cache: false, fetch: c.fetch, ...extra }),
          };
        };
        for (const location of ['evil.example#', 'evil.example/x', 'US-CENTRAL1', '']) {
          let error;
          try {
            vertex({ location });
          } catch (e) {
            error = e;
          }
          assert(named('InvalidRequestError')(error), `location ${location}: ${error}`);
          assert(/location/.test(/** @type {Error} */ (error).message), String(error));
        }
        for (const projectId of ['evil.example#', '../other', 'p', 'my-project/locations/x']) {
          const { c, model } = vertex({ projectId });
          const e = await rejects(model.chat('hi'), named('InvalidRequestError'));
          assert(/projectId/.test(e.message), e.message);
          equal(c.sent.length, 0, `${projectId}: nothing sent`);
        }
        for (const model of ['../../v1/evil', 'gemini/../x', 'a b', 'm:x']) {
          const v = vertex({ model });
          await rejects(v.model.chat('hi'), named('InvalidRequestError'));
          equal(v.c.sent.length, 0, `${model}: nothing sent`);
        }
        const paths = {
          'gemini-2.5-flash': 'publishers/google/models/gemini-2.5-flash',
          'publishers/anthropic/models/claude-x@20250101':
            'publishers/anthropic/models/claude-x@20250101',
          'meta/llama-4-maverick': 'publishers/meta/models/llama-4-maverick',
          'models/1234567890': 'models/1234567890',
        };
        for (const [model, path] of Object.entries(paths)) {
          const v = vertex({ model, location: 'europe-west4' });
          await v.model.chat('hi');
          equal(
            v.c.sent[0]?.url,
            `https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/europe-west4/${path}:generateContent`,
          );
        }
        const full = 'projects/other-proj/locations/global/endpoints/987654321';
        const endpointModel = vertex({ model: full, location: 'global' });
        await endpointModel.model.chat('hi');
        equal(
          endpointModel.c.sent[0]?.url,
          `https://aiplatform.googleapis.com/v1/${full}:generateContent`,
        );
        const gemini = capture(GEMINI_ANSWER);
        const tuned = new GoogleModel({
          model: 'tunedModels/my-tuned-1',
          apiKey: 'k-1234',
          cache: false,
          fetch: gemini.fetch,
        });
        await tuned.chat('hi');
        equal(
          gemini.sent[0]?.url,
          'https://generativelanguage.googleapis.com/v1beta/tunedModels/my-tuned-1:generateContent',
        );
      },
    ],
  ];
}
