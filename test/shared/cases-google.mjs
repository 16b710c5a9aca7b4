// GoogleModel cases for every runtime (vitest node/Chromium/workerd, Deno, Bun, the worker bundle):
// behaviour against the loopback emulator (test/emulator/gemini.mjs) for the Gemini API and Vertex AI,
// the service-account resolver against the emulated OAuth token endpoint (a key pair generated here
// with WebCrypto), and every request shape validated by Prism against the prepared Gemini and Vertex
// specs (status 200, no `sl-violations`), with negative controls that must get 422.
import { assert, deepEqual, equal, rejects } from './assert.mjs';

const personSchema = {
  '~standard': {
    version: 1,
    vendor: 'cases',
    validate: (/** @type {any} */ v) =>
      v && typeof v.name === 'string' && typeof v.age === 'number'
        ? { value: v }
        : { issues: [{ message: 'expected { name: string, age: number }' }] },
  },
};
const personJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
};
const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const named = (/** @type {string} */ name) => (/** @type {any} */ e) => e?.name === name;

/** A Gemini answer for requests Prism accepted (Prism's generated bodies are random). */
const CANNED = {
  candidates: [
    {
      content: {
        role: 'model',
        parts: [
          { text: 'thought', thought: true },
          {
            functionCall: { name: 'get_weather', args: { city: 'Paris' } },
            thoughtSignature: 'c2ln',
          },
        ],
      },
      finishReason: 'STOP',
    },
  ],
  usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
};

/** A PKCS #8 PEM and a public JWK from a fresh WebCrypto RSA key pair. */
async function keyPair() {
  const pair = /** @type {CryptoKeyPair} */ (
    await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )
  );
  const der = new Uint8Array(
    /** @type {ArrayBuffer} */ (await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  );
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const body = btoa(bin).replace(/.{64}/g, '$&\n');
  const pem = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
  return { pem, jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
}

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleCases({ sdk, emulatorUrl, prismGeminiUrl, prismVertexUrl, runtime }) {
  const { GoogleModel, serviceAccountKeyResolver } = sdk.google;
  let n = 0;
  const control = (/** @type {string} */ id, /** @type {object} */ cfg) =>
    fetch(`${emulatorUrl}/_control/${id}`, { method: 'POST', body: JSON.stringify(cfg) });
  const scenario = async (/** @type {object} */ cfg = {}) => {
    const id = `goog-${runtime}-${Date.now().toString(36)}-${++n}`;
    await control(id, cfg);
    return {
      id,
      endpoint: `${emulatorUrl}/s/${id}`,
      /** @returns {Promise<any[]>} */
      requests: async () => (await (await fetch(`${emulatorUrl}/_control/${id}`)).json()).requests,
    };
  };
  const gemini = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new GoogleModel({
      endpoint,
      model: 'gemini-2.5-flash',
      apiKey: 'test-key',
      cache: false,
      retryDelay: 1,
      ...extra,
    });
  const vertex = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    gemini(endpoint, { vertex: true, projectId: 'proj-1', location: 'europe-west4', ...extra });

  /** A model whose fetch sends to Prism, records status and violations, and answers CANNED on 200. */
  const prism = (/** @type {'gemini' | 'vertex'} */ api, /** @type {object} */ extra = {}) => {
    const url = api === 'gemini' ? prismGeminiUrl : prismVertexUrl;
    if (!url) throw new Error(`${runtime}: the ${api} Prism URL is not provided`);
    /** @type {{ status: number, violations: string | null, body: any }[]} */
    const seen = [];
    /** @type {typeof fetch} */
    const recording = async (input, init) => {
      const res = await fetch(input, init);
      const body = JSON.parse(String(init?.body));
      // sl-violations also lists Prism's own generated response breaking the spec: keep the request's.
      const all = JSON.parse(res.headers.get('sl-violations') ?? '[]');
      const mine = all.filter((/** @type {any} */ v) => v.location?.[0] !== 'response');
      seen.push({
        status: res.status,
        violations: mine.length ? JSON.stringify(mine) : null,
        body,
      });
      if (res.status !== 200) return res;
      await res.body?.cancel();
      return new Response(JSON.stringify(CANNED), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const options = { fetch: recording, retryLimit: 0, maxRepairs: 0, ...extra };
    const m = api === 'gemini' ? gemini(url, options) : vertex(url, options);
    const clean = () => {
      assert(seen.length > 0, 'no request reached Prism');
      for (const s of seen) {
        equal(s.violations, null, `Prism violations for ${JSON.stringify(s.body).slice(0, 300)}`);
        equal(s.status, 200, `Prism status for ${JSON.stringify(s.body).slice(0, 300)}`);
      }
    };
    return { m, seen, clean };
  };
  /** Every request shape the class sends, against one Prism. */
  const allShapes = async (/** @type {'gemini' | 'vertex'} */ api) => {
    const { m, clean, seen } = prism(api);
    await m.chat(
      [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          ],
        },
        { role: 'assistant', content: 'A pixel.' },
        { role: 'user', content: 'And this?' },
      ],
      { temperature: 0.5, topP: 0.9, maxTokens: 64, stop: ['END'], seed: 7 },
    );
    await m.complete('Once upon a time');
    await m.chat('hi', { thinking: { type: 'enabled', budgetTokens: 1024 } });
    await m.chat('hi', { thinking: { type: 'disabled' } });
    const g3 = prism(api, { model: 'gemini-3-flash-preview' });
    await g3.m.chat('hi', { thinking: { level: 'high' } });
    await rejects(m.json('Give JSON'), named('OutputValidationError'), 'canned text is not JSON');
    await rejects(
      m.object('A person', { schema: personSchema, jsonSchema: personJsonSchema }),
      named('OutputValidationError'),
    );
    const r = await m.chat('Weather in Paris?', {
      tools: [weatherTool],
      toolChoice: { name: 'get_weather' },
    });
    equal(r.toolCalls?.[0]?.signature, 'c2ln', 'signature kept');
    await m.chat(
      [...r.messages, { role: 'tool', toolCallId: r.toolCalls[0].id, content: '{"temp":21}' }],
      {
        tools: [weatherTool],
        toolChoice: 'none',
      },
    );
    await m.chat('x', { tools: [weatherTool], toolChoice: 'required' });
    const shapes = seen.map((s) => JSON.stringify(s.body));
    assert(
      shapes.some((s) => s.includes('"responseJsonSchema"')),
      'object request sent',
    );
    assert(
      shapes.some((s) => s.includes('"functionResponse"')),
      'tool result sent',
    );
    assert(
      shapes.some((s) => s.includes('"thoughtSignature":"c2ln"')),
      'signature sent back',
    );
    clean();
    g3.clean();
  };
  const rawPrism = async (/** @type {'gemini' | 'vertex'} */ api, /** @type {object} */ body) => {
    const res =
      api === 'gemini'
        ? await fetch(`${prismGeminiUrl}/v1beta/models/gemini-2.5-flash:generateContent`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-goog-api-key': 'k' },
            body: JSON.stringify(body),
          })
        : await fetch(
            `${prismVertexUrl}/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
              body: JSON.stringify(body),
            },
          );
    await res.body?.cancel();
    return res.status;
  };

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
        equal(regional.endpoint, 'https://asia-east1-aiplatform.googleapis.com');
      },
    ],
    [
      'google/vertex: project/location path, Bearer token, env fallbacks, a missing project fails before any request',
      async () => {
        const s = await scenario({ requireAuth: true });
        const r = await vertex(s.endpoint, { apiKey: 'vertex-token' }).chat('Hi');
        equal(r.text, 'Echo: Hi');
        let [req] = await s.requests();
        equal(
          req.path,
          '/v1/projects/proj-1/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent',
        );
        equal(req.headers.authorization, 'Bearer vertex-token');
        equal(req.headers['x-goog-api-key'], undefined);
        const fromEnv = gemini(s.endpoint, {
          vertex: true,
          env: { VERTEX_PROJECT_ID: 'env-proj', VERTEX_LOCATION_ID: 'asia-east1' },
        });
        await fromEnv.chat('Hi');
        req = (await s.requests())[1];
        equal(
          req.path,
          '/v1/projects/env-proj/locations/asia-east1/publishers/google/models/gemini-2.5-flash:generateContent',
        );
        const noProject = gemini(s.endpoint, { vertex: true, env: { VERTEX_PROJECT_ID: '' } });
        const e = await rejects(noProject.chat('Hi'), named('InvalidRequestError'));
        assert(/projectId|VERTEX_PROJECT_ID/.test(e.message), e.message);
        equal((await s.requests()).length, 2, 'no request for the missing project');
        const unauth = await rejects(
          gemini(s.endpoint, { vertex: true, projectId: 'p', apiKey: 'bad-key' }).chat('Hi'),
          named('AuthenticationError'),
        );
        equal(unauth.status, 401);
        equal(unauth.errorType, 'UNAUTHENTICATED');
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
      'google: thinking budget → thinkingConfig; thought parts → thinking; thoughtsTokenCount → reasoningTokens',
      async () => {
        const s = await scenario({ reply: { thought: 'Let me think it over' } });
        const r = await gemini(s.endpoint).chat('Why', {
          thinking: { type: 'enabled', budgetTokens: 1024 },
        });
        equal(r.thinking, 'Let me think it over');
        equal(r.text, 'Echo: Why');
        equal(r.usage.reasoningTokens, 5);
        equal(r.usage.outputTokens, 2 + 5, 'thoughts are billed as output');
        const sig = r.messages.at(-1).reasoning;
        equal(sig[0].text, 'Let me think it over');
        equal(sig[1].text, '');
        assert(typeof sig[1].signature === 'string', 'text signature kept');
        const [req] = await s.requests();
        deepEqual(req.body.generationConfig, {
          thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
        });
        equal(req.body.thinking, undefined, 'thinking is mapped, not passed through');
        await gemini(s.endpoint).chat(r.messages.concat({ role: 'user', content: 'More' }));
        const parts = (await s.requests())[1].body.contents[1].parts;
        deepEqual(parts[0], { text: 'Let me think it over', thought: true });
        equal(parts[1].thoughtSignature, sig[1].signature, 'signature sent back unchanged');
      },
    ],
    [
      'google: thinking levels for Gemini 3, budgets for 2.5, disabled, and bad input before any request',
      async () => {
        const s = await scenario();
        await gemini(s.endpoint, { model: 'gemini-3-flash-preview' }).chat('a', {
          thinking: { level: 'low' },
        });
        await gemini(s.endpoint).chat('b', { thinking: { type: 'disabled' } });
        const w = await gemini(s.endpoint).chat('c', { thinking: { level: 'high' } });
        await gemini(s.endpoint).chat('d', { thinking: { type: 'adaptive' } });
        const reqs = await s.requests();
        deepEqual(reqs[0].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingLevel: 'LOW',
        });
        deepEqual(reqs[1].body.generationConfig.thinkingConfig, { thinkingBudget: 0 });
        deepEqual(reqs[2].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingBudget: 24576,
        });
        assert(
          w.warnings?.some((/** @type {string} */ x) => /level/.test(x)),
          'level→budget warning',
        );
        deepEqual(reqs[3].body.generationConfig.thinkingConfig, {
          includeThoughts: true,
          thinkingBudget: -1,
        });
        await rejects(
          gemini(s.endpoint).chat('e', { thinking: { budgetTokens: 'lots' } }),
          named('InvalidRequestError'),
        );
        await rejects(
          gemini(s.endpoint).chat('e', { thinking: { level: 'ultra' } }),
          named('InvalidRequestError'),
        );
        equal((await s.requests()).length, 4, 'bad thinking sends nothing');
        // The emulator rejects a level on 2.5 like Google: proves the level table matters.
        const e = await rejects(
          gemini(s.endpoint).chat('f', {
            generationConfig: { thinkingConfig: { thinkingLevel: 'LOW' } },
          }),
          named('APICallError'),
        );
        equal(e.errorType, 'INVALID_ARGUMENT');
      },
    ],
    [
      'google: tool calls round-trip with thought signatures and functionResponse by name (Gemini 3)',
      async () => {
        const s = await scenario({
          reply: { toolCalls: [{ name: 'get_weather', args: { city: 'Paris' } }] },
        });
        const m = gemini(s.endpoint, { model: 'gemini-3-flash-preview' });
        const r1 = await m.chat('Weather in Paris?', { tools: [weatherTool] });
        equal(r1.finishReason, 'tool_calls');
        const call = r1.toolCalls[0];
        equal(call.name, 'get_weather');
        deepEqual(call.arguments, { city: 'Paris' });
        assert(typeof call.id === 'string' && call.id.length > 0, 'synthesised id');
        assert(typeof call.signature === 'string', 'signature kept');
        const [req1] = await s.requests();
        deepEqual(req1.body.tools, [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: weatherTool.description,
                parametersJsonSchema: weatherTool.parameters,
              },
            ],
          },
        ]);
        await control(s.id, {});
        const history = [
          ...r1.messages,
          { role: 'tool', toolCallId: call.id, content: '{"temp":21}' },
        ];
        const r2 = await m.chat(history, { tools: [weatherTool] });
        equal(r2.text, 'Echo: Result of get_weather: {"temp":21}');
        const [req2] = await s.requests();
        equal(req2.body.contents[1].parts[0].thoughtSignature, call.signature);
        deepEqual(req2.body.contents[2], {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { temp: 21 } } }],
        });
        // Negative control: without the signature the emulator answers 400, as Gemini 3 does.
        const stripped = history.map((msg) =>
          msg.role === 'assistant'
            ? {
                ...msg,
                toolCalls: msg.toolCalls.map((/** @type {any} */ c) => ({
                  ...c,
                  signature: undefined,
                })),
              }
            : msg,
        );
        const e = await rejects(m.chat(stripped, { tools: [weatherTool] }), named('APICallError'));
        assert(/thought_signature/.test(e.message), e.message);
      },
    ],
    [
      'google: toolChoice maps to functionCallingConfig; unknown names fail before any request',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint);
        const forced = await m.chat('x', {
          tools: [weatherTool],
          toolChoice: { name: 'get_weather' },
        });
        equal(forced.toolCalls?.[0]?.name, 'get_weather', 'ANY makes the emulator call the tool');
        await m.chat('y', { tools: [weatherTool], toolChoice: 'none' });
        await m.chat('z', { tools: [weatherTool], toolChoice: 'required' });
        const reqs = await s.requests();
        deepEqual(reqs[0].body.toolConfig, {
          functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
        });
        deepEqual(reqs[1].body.toolConfig, { functionCallingConfig: { mode: 'NONE' } });
        deepEqual(reqs[2].body.toolConfig, { functionCallingConfig: { mode: 'ANY' } });
        await rejects(
          m.chat('w', { tools: [weatherTool], toolChoice: { name: 'nope' } }),
          named('InvalidRequestError'),
        );
        const orphan = [
          { role: 'user', content: 'q' },
          { role: 'tool', toolCallId: 'unknown', content: '1' },
        ];
        await rejects(m.chat(orphan), named('InvalidRequestError'));
        equal((await s.requests()).length, 3);
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
        const bad = await rejects(
          gemini(s.endpoint, { apiKey: 'bad-key' }).chat('x'),
          named('APICallError'),
        );
        assert(/API key not valid/.test(bad.message), bad.message);
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
      'google/vertex: serviceAccountKeyResolver signs an RS256 JWT, exchanges it, caches and shares the token',
      async () => {
        const { pem, jwk } = await keyPair();
        const tok = await scenario({ reply: { publicKey: jwk } });
        const v = await scenario({ requireAuth: true });
        const resolver = serviceAccountKeyResolver(
          JSON.stringify({
            type: 'service_account',
            client_email: 'sa@proj-1.iam.gserviceaccount.com',
            private_key: pem,
            private_key_id: 'kid-1',
            token_uri: `${tok.endpoint}/token`,
          }),
        );
        const m = vertex(v.endpoint, { apiKey: undefined, keyResolver: resolver });
        await Promise.all([m.chat('a'), m.chat('b')]);
        await m.chat('c');
        const tokenReqs = await tok.requests();
        equal(tokenReqs.length, 1, 'one exchange for three calls (cached, de-duplicated)');
        const calls = await v.requests();
        equal(calls.length, 3);
        assert(
          /^Bearer ya29\.emu-/.test(calls[0].headers.authorization),
          'token from the endpoint',
        );
        equal(calls[2].headers.authorization, calls[0].headers.authorization);
        // The form body is kept raw by the emulator: check the JWT header and claims the SDK signed.
        const form = new URLSearchParams(String(tokenReqs[0].body));
        equal(form.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
        const [h, c] = String(form.get('assertion')).split('.');
        const decode = (/** @type {string} */ x) =>
          JSON.parse(atob(x.replace(/-/g, '+').replace(/_/g, '/')));
        deepEqual(decode(h), { alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
        const claims = decode(c);
        equal(claims.iss, 'sa@proj-1.iam.gserviceaccount.com');
        equal(claims.aud, `${tok.endpoint}/token`);
        equal(claims.scope, 'https://www.googleapis.com/auth/cloud-platform');
        equal(claims.exp - claims.iat, 3600);
      },
    ],
    [
      'google/vertex: a token exchange failure is an AuthenticationError without secrets, never cached; expiry refreshes',
      async () => {
        const { pem } = await keyPair();
        const other = await keyPair();
        const tok = await scenario({ reply: { publicKey: other.jwk } });
        const key = { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem };
        const resolver = serviceAccountKeyResolver(key, {
          tokenUrl: `${tok.endpoint}/token`,
          refreshMarginSeconds: 0,
        });
        const e = await rejects(
          Promise.resolve(resolver({ provider: 'google', endpoint: 'x' })),
          named('AuthenticationError'),
        );
        assert(/Invalid JWT Signature/.test(e.message), e.message);
        assert(
          !e.message.includes('PRIVATE KEY') && !e.message.includes('eyJ'),
          'no key or assertion in the message',
        );
        const { jwk } = await keyPair();
        await control(tok.id, { reply: { publicKey: jwk } });
        await rejects(
          Promise.resolve(resolver({ provider: 'google', endpoint: 'x' })),
          named('AuthenticationError'),
          'still the wrong key',
        );
        await control(tok.id, {
          reply: {
            publicKey: await crypto.subtle.exportKey('jwk', await importPublic(pem)),
            expiresIn: 0,
          },
        });
        const t1 = await resolver({ provider: 'google', endpoint: 'x' });
        const t2 = await resolver({ provider: 'google', endpoint: 'x' });
        assert(t1 !== t2 && /^ya29\./.test(String(t2)), 'an expired token is renewed');
        equal(
          (await tok.requests()).length,
          2,
          'the failure was not cached; each expired token renewed',
        );
        await rejects(
          async () => serviceAccountKeyResolver('{not json'),
          named('InvalidRequestError'),
        );
        const pkcs1 = serviceAccountKeyResolver(
          {
            client_email: 'a@b',
            private_key: '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----',
          },
          { tokenUrl: `${tok.endpoint}/token` },
        );
        const k = await rejects(
          Promise.resolve(pkcs1({ provider: 'google', endpoint: 'x' })),
          named('InvalidRequestError'),
        );
        assert(/PKCS #8/.test(k.message), k.message);
      },
    ],
    [
      'google/prism: chat, thinking, json, object and tool requests pass the Gemini API spec',
      async () => allShapes('gemini'),
    ],
    [
      'google/prism: chat, thinking, json, object and tool requests pass the Vertex AI spec',
      async () => allShapes('vertex'),
    ],
    [
      'google/prism: negative controls get 422 on both specs (the validators are live)',
      async () => {
        for (const api of /** @type {const} */ (['gemini', 'vertex'])) {
          const ok = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };
          equal(await rawPrism(api, ok), 200, `${api} valid`);
          equal(
            await rawPrism(api, {
              ...ok,
              generationConfig: { thinkingConfig: { thinkingLevel: 'ULTRA' } },
            }),
            422,
            `${api} ULTRA`,
          );
          equal(await rawPrism(api, { contents: 'hi' }), 422, `${api} contents string`);
          equal(
            await rawPrism(api, {
              ...ok,
              toolConfig: { functionCallingConfig: { mode: 'SOMETIMES' } },
            }),
            422,
            `${api} mode`,
          );
        }
      },
    ],
  ];
}

/** Derives the public key of a PKCS #8 PEM by importing it extractable and re-exporting as JWK. */
async function importPublic(/** @type {string} */ pem) {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const priv = await crypto.subtle.importKey(
    'pkcs8',
    der,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['sign'],
  );
  const jwk = /** @type {JsonWebKey} */ (await crypto.subtle.exportKey('jwk', priv));
  return crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['verify'],
  );
}
