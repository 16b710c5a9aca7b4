// Every request shape the OpenAI-family classes can send, validated by Steady against the official
// OpenAI spec (../shared/specs/openai-openapi.yaml): each call must get 200 with
// x-steady-error-count 0. Negative controls prove Steady is really validating.
import { assert, equal, rejects } from './assert.mjs';
import { recordingFetch } from './emulator-client.mjs';
import { answered } from './fixtures.mjs';
import * as v from 'valibot';

// vLLM's structured-output keys are not in OpenAI's spec: they are checked against the emulator in
// cases-openai.mjs and taken out here, so Steady validates the rest of the request.
const VLLM_ONLY = ['structured_outputs', 'guided_json'];

/** A fetch that strips vLLM-only members, remembering which it removed. */
function withoutVllmKeys(inner, removed) {
  return (input, init) => {
    const body = JSON.parse(init.body);
    for (const key of VLLM_ONLY) {
      if (key in body) {
        removed.push(key);
        delete body[key];
      }
    }
    return inner(input, { ...init, body: JSON.stringify(body) });
  };
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function steadyCases({ sdk, steadyUrl }) {
  const person = v.object({ name: v.string(), age: v.number() });
  const strictPerson = v.strictObject({ name: v.string(), age: v.number() });
  // Rewritten for strict mode (optional → nullable, constraints into descriptions), and a map of any
  // keys, which is sent without strict.
  const optionalPerson = v.object({
    name: v.pipe(v.string(), v.minLength(1)),
    age: v.optional(v.number()),
    tags: v.optional(v.array(v.object({ t: v.string() }))),
  });
  const scores = v.object({ scores: v.record(v.string(), v.number()) });
  const tools = [
    { name: 'lookup', description: 'Look up', parameters: v.object({ q: v.string() }) },
  ];
  const conversation = [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', url: 'https://example.com/a.png' },
      ],
    },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { q: 'a' } }],
    },
    { role: 'tool', toolCallId: 'call_1', content: 'a picture' },
  ];

  /** Runs calls with a recording fetch and checks Steady's verdict on every response. */
  async function validated(label, make, calls) {
    const rec = recordingFetch();
    const removed = [];
    const model = make(withoutVllmKeys(rec.fetch, removed));
    for (const call of calls) await call(model);
    assert(rec.responses.length === calls.length, `${label}: one request per call`);
    for (const r of rec.responses) {
      equal(r.status, 200, `${label} ${r.url}: status`);
      equal(r.headers.get('x-steady-error-count'), '0', `${label} ${r.url}: spec violations`);
    }
    return removed;
  }

  const common = (fetch) => ({
    endpoint: steadyUrl,
    apiKey: 'sk-steady',
    cache: false,
    fetch,
    retryLimit: 0,
  });
  const shapes = [
    (m) => m.chat('hi'),
    (m) =>
      m.chat('hi', {
        system: 'Be brief.',
        maxTokens: 50,
        temperature: 0.2,
        topP: 0.9,
        stop: ['\n'],
        seed: 7,
      }),
    (m) => m.chat('hi', { frequency_penalty: 0.5, presence_penalty: 0.1, user: 'u-1', n: 1 }),
    (m) => m.chat(conversation, { tools, toolChoice: 'auto' }),
    (m) => m.chat('hi', { tools, toolChoice: { name: 'lookup' } }),
    (m) => m.chat('hi', { tools, toolChoice: 'none' }),
    (m) => m.chat('hi', { tools, toolChoice: 'required' }),
    (m) => m.chat('hi', { n: 2 }),
    (m) =>
      m.chat([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'And this?' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', mediaType: 'image/png' },
          ],
        },
      ]),
    (m) => answered(m.json('Give JSON', { maxRepairs: 0 })),
    (m) => answered(m.object('a person', { schema: person, maxRepairs: 0 })),
    (m) =>
      answered(m.object('a person', { schema: strictPerson, schemaName: 'person', maxRepairs: 0 })),
    (m) => answered(m.object('a person', { schema: optionalPerson, maxRepairs: 0 })),
    (m) => answered(m.object('scores', { schema: scores, maxRepairs: 0 })),
    // complete() on a chat model is one user turn on Chat Completions (OpenAI); tools: [] is omitted.
    (m) => m.complete('Once upon', { maxTokens: 16 }),
    (m) => m.chat('hi', { tools: [], toolChoice: 'auto' }),
  ];

  /** A request body sent to Steady as is (with the model), for the negative controls. */
  const rawChat = (/** @type {object} */ body) =>
    fetch(`${steadyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ model: 'gpt-4o-mini', ...body }),
    });

  return [
    [
      'Steady: every OpenAIModel request shape conforms to the OpenAI spec',
      async () => {
        await validated(
          'openai',
          (fetch) => new sdk.openai.OpenAIModel({ model: 'gpt-4o-mini', ...common(fetch) }),
          shapes,
        );
        await validated(
          'openai instruct',
          (fetch) =>
            new sdk.openai.OpenAIModel({ model: 'gpt-3.5-turbo-instruct', ...common(fetch) }),
          [(m) => m.complete('Once upon', { maxTokens: 16, stop: 'END' })],
        );
        await validated(
          'openai reasoning',
          (fetch) => new sdk.openai.OpenAIModel({ model: 'o3-mini', ...common(fetch) }),
          [
            (m) => m.chat('hi', { maxTokens: 500, temperature: 0.3 }),
            (m) => m.chat('hi', { reasoning_effort: 'low' }),
            (m) => m.chat('hi', { stop: ['\n'], topP: 0.5, frequency_penalty: 1, logprobs: true }),
          ],
        );
        // A versioned base URL is used as given: Steady serves the spec's /v1 paths only.
        await validated(
          'openai at /v1/',
          (fetch) =>
            new sdk.openai.OpenAIModel({
              model: 'gpt-4o-mini',
              ...common(fetch),
              endpoint: `${steadyUrl}/v1/`,
            }),
          [(m) => m.chat('hi'), (m) => m.complete('Once upon')],
        );
      },
    ],
    [
      'Steady: GrokModel, VLLMModel and OpenAICompatibleModel request shapes conform',
      async () => {
        await validated(
          'xai',
          (fetch) => new sdk.xai.GrokModel({ model: 'grok-4.3', ...common(fetch) }),
          shapes,
        );
        await validated(
          'compat',
          (fetch) => new sdk.compat.OpenAICompatibleModel({ model: 'local', ...common(fetch) }),
          shapes,
        );
        const removed = await validated(
          'vllm',
          (fetch) => new sdk.vllm.VLLMModel({ model: 'llama', ...common(fetch) }),
          [...shapes, (m) => m.complete('Once upon')],
        );
        assert(removed.includes('structured_outputs'), 'vLLM sent structured_outputs');
        const legacy = await validated(
          'vllm 0.11',
          (fetch) =>
            new sdk.vllm.VLLMModel({ model: 'llama', serverVersion: '0.11.0', ...common(fetch) }),
          [(m) => answered(m.object('a person', { schema: person, maxRepairs: 0 }))],
        );
        equal(legacy.join(), 'guided_json', 'legacy vLLM sent guided_json only');
      },
    ],
    [
      'Steady negative controls: violations are reported',
      async () => {
        const raw = await rawChat({});
        equal(raw.status, 400, 'missing messages is rejected');
        await raw.body?.cancel();
        const rec = recordingFetch();
        const m = new sdk.openai.OpenAIModel({ model: 'gpt-4o-mini', ...common(rec.fetch) });
        // Steady serves the call while counting the violation: the SDK reads that answer.
        await m.chat('hi', { temperature: 7 });
        assert(
          Number(rec.responses[0].headers.get('x-steady-error-count')) >= 1,
          'temperature 7 is flagged',
        );
        // The structured-output member, tool choices and content parts are validated too (the SDK
        // checks these itself, so they go raw). Steady refuses a malformed member outright and serves an
        // unknown enum value, counting the violation either way.
        for (const [label, extra, status] of [
          [
            "strict: 'yes'",
            {
              response_format: {
                type: 'json_schema',
                json_schema: { name: 'p', schema: { type: 'object' }, strict: 'yes' },
              },
            },
            400,
          ],
          [
            'tool_choice "sometimes"',
            { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'sometimes' },
            200,
          ],
          [
            'an image part',
            { messages: [{ role: 'user', content: [{ type: 'image', url: 'x' }] }] },
            400,
          ],
        ]) {
          const bad = await rawChat({ messages: [{ role: 'user', content: 'hi' }], ...extra });
          equal(bad.status, status, `${label}: status`);
          assert(Number(bad.headers.get('x-steady-error-count')) >= 1, `${label} is flagged`);
          await bad.body?.cancel();
        }
        const error = await rejects(m.chat('hi', { n: 'many' }));
        assert(
          error instanceof sdk.core.APICallError && error.status === 400,
          `bad n: ${error?.message}`,
        );
      },
    ],
  ];
}
