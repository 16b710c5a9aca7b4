// GoogleModel request shapes for every runtime, validated by Prism against the prepared Gemini and
// Vertex specs (status 200, no `sl-violations`), with negative controls that must get 422.
import { assert, equal } from './assert.mjs';
import { googleHarness, personJsonSchema, personSchema, weatherTool } from './google-helpers.mjs';

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

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googlePrismCases(env) {
  const { prismGeminiUrl, prismVertexUrl, runtime } = env;
  const { gemini, vertex } = googleHarness(env);
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
    await m.chat(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image', url: 'https://example.com/cat.jpg' },
            { type: 'image', url: 'gs://bucket/raw', mediaType: 'image/webp' },
          ],
        },
      ],
      { temperature: 0.3, generationConfig: { candidateCount: 1, topK: 3, temperature: 0.7 } },
    );
    await m.chat('hi', { tools: [{ ...weatherTool, name: '_weather-v2' }], toolChoice: 'auto' });
    await m.chat('hi', { thinking: { type: 'enabled', budgetTokens: 1024 } });
    await m.chat('hi', { thinking: { type: 'disabled' } });
    const g3 = prism(api, { model: 'gemini-3-flash-preview' });
    await g3.m.chat('hi', { thinking: { level: 'high' } });
    // Levels a model lacks are mapped to ones it has (registry data); budgets fitted to the range.
    const pro3 = prism(api, { model: 'gemini-3-pro-preview' });
    await pro3.m.chat('hi', { thinking: { level: 'minimal' } });
    await pro3.m.chat('hi', { thinking: { type: 'disabled' } });
    const pro25 = prism(api, { model: 'gemini-2.5-pro' });
    await pro25.m.chat('hi', { thinking: { budgetTokens: 99999 } });
    // Prism's canned answer is a function call: json() and object() return it, without data.
    for (const out of [
      await m.json('Give JSON'),
      await m.object('A person', { schema: personSchema, jsonSchema: personJsonSchema }),
    ]) {
      assert(out.toolCalls?.length && out.data === undefined, 'tool calls, no data');
    }
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
    pro3.clean();
    pro25.clean();
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
          const file = { role: 'user', parts: [{ fileData: { fileUri: 5 } }] };
          equal(await rawPrism(api, { contents: [file] }), 422, `${api} fileUri number`);
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
