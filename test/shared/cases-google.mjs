// GoogleModel cases for every runtime (vitest node/Chromium/workerd, Deno, Bun, the worker bundle):
// behaviour of the Gemini API against the loopback emulator (test/emulator/gemini.mjs): chat, endpoints,
// json and object, safety blocks and errors. Thinking, tools, Vertex AI and the Prism spec checks have
// their own files (cases-google-*.mjs).
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named, personJsonSchema, personSchema } from './google-helpers.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleCases(env) {
  const { GoogleModel, control, scenario, gemini } = googleHarness(env);
  return [
    [
      'google: chat maps roles, system and sampling; the key goes in x-goog-api-key, never the URL',
      async () => {
        const s = await scenario({ requireAuth: true });
        const r = await gemini(s.endpoint).chat(
          [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Hello there' },
            { role: 'assistant', content: 'Hi.' },
            { role: 'user', content: 'How are you' },
          ],
          { temperature: 0.2, topP: 0.8, maxTokens: 50, stop: 'END', seed: 3, safetySettings: [] },
        );
        equal(r.text, 'Echo: How are you');
        equal(r.provider, 'google');
        equal(r.model, 'gemini-2.5-flash');
        equal(r.finishReason, 'stop');
        assert(typeof r.id === 'string' && r.id.length > 0, 'responseId → id');
        equal(r.usage.inputTokens, 8, 'input tokens (system + all turns)');
        equal(r.usage.outputTokens, 4);
        equal(r.usage.totalTokens, 12);
        const [req] = await s.requests();
        equal(req.path, '/v1beta/models/gemini-2.5-flash:generateContent');
        equal(req.headers['x-goog-api-key'], 'test-key');
        equal(req.headers.authorization, undefined);
        deepEqual(req.body.systemInstruction, { parts: [{ text: 'Be brief.' }] });
        deepEqual(
          req.body.contents.map((/** @type {any} */ c) => c.role),
          ['user', 'model', 'user'],
        );
        deepEqual(req.body.generationConfig, {
          maxOutputTokens: 50,
          temperature: 0.2,
          topP: 0.8,
          stopSequences: ['END'],
          seed: 3,
        });
        deepEqual(req.body.safetySettings, [], 'unknown options pass through');
        equal(r.messages.at(-1).role, 'assistant');
      },
    ],
    [
      'google: candidates become choices; MAX_TOKENS is length; endpoints and Vertex detection',
      async () => {
        const s = await scenario();
        const r = await gemini(s.endpoint).complete('one two three four', {
          maxTokens: 2,
          generationConfig: { candidateCount: 2 },
        });
        equal(r.choices.length, 2);
        equal(r.text, 'Echo: one');
        equal(r.finishReason, 'length');
        equal(r.rawFinishReason, 'MAX_TOKENS');
        equal(new GoogleModel().endpoint, 'https://generativelanguage.googleapis.com');
        equal(new GoogleModel().model, 'gemini-3.1-pro-preview');
        equal(
          new GoogleModel({ vertex: true, location: 'global' }).endpoint,
          'https://aiplatform.googleapis.com',
        );
        equal(
          new GoogleModel({ vertex: true, location: 'europe-west4' }).endpoint,
          'https://europe-west4-aiplatform.googleapis.com',
        );
        const regional = new GoogleModel({
          endpoint: 'https://asia-east1-aiplatform.googleapis.com/v1',
        });
        equal(regional.vertex, true);
        equal(regional.location, 'asia-east1');
        // A versioned endpoint is used as given (the request goes to …/v1/projects/…, see
        // cases-openai-wire.mjs for the URL rule).
        equal(regional.endpoint, 'https://asia-east1-aiplatform.googleapis.com/v1');
        const global = new GoogleModel({ endpoint: 'https://aiplatform.googleapis.com' });
        equal(global.vertex, true, 'the bare Vertex host is Vertex AI');
        equal(global.location, 'global');
        const other = new GoogleModel({ endpoint: 'https://eu-aiplatform.googleapis.com.example' });
        equal(other.vertex, false, 'a host that only starts like Vertex is not Vertex AI');
      },
    ],
    [
      'google: json and object ask for application/json with responseJsonSchema',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint);
        const j = await m.json('Give me JSON');
        deepEqual(j.data, { echo: 'Give me JSON' });
        const o = await m.object('A person', {
          schema: personSchema,
          jsonSchema: personJsonSchema,
        });
        equal(typeof o.data.name, 'string');
        equal(typeof o.data.age, 'number');
        const [jr, or] = await s.requests();
        deepEqual(jr.body.generationConfig, { responseMimeType: 'application/json' });
        equal(or.body.generationConfig.responseMimeType, 'application/json');
        const { $schema: _ignored, ...sent } = personJsonSchema;
        deepEqual(or.body.generationConfig.responseJsonSchema, sent, 'schema sent without $schema');
      },
    ],
    [
      'google: a blocked prompt or a withheld answer is a ContentFilterError; partial text is content_filter',
      async () => {
        const s = await scenario({ reply: { blockReason: 'PROHIBITED_CONTENT' } });
        const m = gemini(s.endpoint);
        const e = await rejects(m.chat('bad'), named('ContentFilterError'));
        equal(e.blockedBy, 'prompt');
        equal(e.reason, 'PROHIBITED_CONTENT');
        equal(e.isRetryable, false);
        assert(e.safetyRatings.length > 0, 'ratings kept');
        equal((await s.requests()).length, 1, 'not retried');
        await control(s.id, { reply: { finishReason: 'SAFETY' } });
        const w = await rejects(m.chat('bad'), named('ContentFilterError'));
        equal(w.blockedBy, 'response');
        equal(w.reason, 'SAFETY');
        // An escalation rule withholds the answer too: never an empty success.
        await control(s.id, { reply: { finishReason: 'ESCALATION' } });
        const x = await rejects(m.chat('escalated'), named('ContentFilterError'));
        equal([x.blockedBy, x.reason].join(), 'response,ESCALATION');
        await control(s.id, { reply: { finishReason: 'RECITATION', text: 'Partial answer' } });
        const r = await m.chat('ok');
        equal(r.finishReason, 'content_filter');
        equal(r.rawFinishReason, 'RECITATION');
        equal(r.text, 'Partial answer');
      },
    ],
    [
      'google: Google error bodies become typed errors; env keys never go to other hosts',
      async () => {
        const s = await scenario({ faults: [{ status: 400 }, { status: 429 }] });
        const m = gemini(s.endpoint, { retryLimit: 1 });
        const e = await rejects(m.chat('x'), named('APICallError'));
        equal(e.status, 400);
        equal(e.errorType, 'INVALID_ARGUMENT');
        equal((await s.requests()).length, 1, 'a 400 is not retried');
        equal((await m.chat('y')).text, 'Echo: y', 'a 429 (RESOURCE_EXHAUSTED) is retried');
        equal((await s.requests()).length, 3);
        // Gemini refuses a wrong key with 400 INVALID_ARGUMENT and the ErrorInfo reason
        // API_KEY_INVALID: an AuthenticationError (it was an APICallError, which `instanceof
        // AuthenticationError` never caught), and a key resolver is told to drop the key.
        /** @type {string[]} */
        const dropped = [];
        const keyResolver = Object.assign(() => 'bad-key', {
          invalidate: (/** @type {string} */ key) => dropped.push(key),
        });
        const bad = await rejects(
          gemini(s.endpoint, { apiKey: undefined, keyResolver }).chat('x'),
          named('AuthenticationError'),
        );
        assert(/API key not valid/.test(bad.message), bad.message);
        equal(bad.status, 400, 'the status Gemini sent');
        equal(bad.isRetryable, false);
        equal(bad.keyRefused, true);
        equal(dropped.join(), 'bad-key', 'the resolver was told');
        const envOnly = new GoogleModel({
          endpoint: s.endpoint,
          cache: false,
          env: { GEMINI_API_KEY: 'env-secret' },
        });
        const missing = await rejects(envOnly.chat('x'), named('MissingKeyError'));
        assert(!missing.message.includes('env-secret'), 'key not in the message');
        equal((await s.requests()).length, 4, 'no request without a key');
      },
    ],
    [
      'google: a Vertex token from the environment goes to the Vertex host in use, never to a proxy',
      async () => {
        /** @type {string[]} */
        const sent = [];
        /** @type {typeof fetch} */
        const fetch = async (input, init) => {
          sent.push(`${input} ${new Headers(init?.headers).get('authorization')}`);
          const parts = [{ text: 'ok' }];
          return Response.json({ candidates: [{ content: { parts }, finishReason: 'STOP' }] });
        };
        const env = { VERTEX_ACCESS_TOKEN: 'ya29.env-1234', VERTEX_PROJECT_ID: 'my-project' };
        const options = { env, fetch, cache: false };
        // The endpoint's host, not the host of the location given (which names the request path).
        const endpoint = 'https://europe-west4-aiplatform.googleapis.com';
        await new GoogleModel({ ...options, endpoint, location: 'us-central1' }).chat('hi');
        assert(sent[0]?.startsWith(`${endpoint}/v1/projects/my-project/locations/us-central1/`));
        assert(sent[0]?.endsWith(' Bearer ya29.env-1234'), sent[0]);
        const proxy = new GoogleModel({
          ...options,
          vertex: true,
          endpoint: 'https://proxy.example',
        });
        await rejects(proxy.chat('hi'), named('MissingKeyError'));
        equal(sent.length, 1, 'nothing sent to the proxy');
      },
    ],
  ];
}
