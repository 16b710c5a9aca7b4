// stream() request bodies validated by the spec peers: Steady (OpenAI spec) for the OpenAI family,
// Prism for the Messages API and Gemini/Vertex streamGenerateContent. The peers do not speak SSE, so
// the recording fetch keeps their verdict on the request and answers a canned stream of the dialect;
// negative controls prove the peers validate the stream members and paths. streamResponses() bodies
// (POST /v1/responses with stream: true) go to Steady the same way.
import * as v from 'valibot';
import { assert, equal } from './assert.mjs';
import { weatherTool } from './fixtures.mjs';

const sse = (/** @type {Array<[string | null, object | string]>} */ events) =>
  events
    .map(([name, data]) => {
      const line = `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
      return name ? `event: ${name}\n${line}` : line;
    })
    .join('');

/** One short answer ("ok") per dialect, as each provider streams it. */
const CANNED = {
  openai: (() => {
    const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
    return sse([
      [null, { ...chunk, choices: [{ index: 0, delta: { role: 'assistant', content: 'ok' } }] }],
      [null, { ...chunk, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }],
      [null, { ...chunk, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } }],
      [null, '[DONE]'],
    ]);
  })(),
  anthropic: sse([
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [],
          stop_reason: null,
          usage: { input_tokens: 1, output_tokens: 0 },
        },
      },
    ],
    [
      'content_block_start',
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ],
    [
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'ok' } },
    ],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'message_delta',
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } },
    ],
    ['message_stop', { type: 'message_stop' }],
  ]),
  responses: (() => {
    const response = {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: 'm',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'ok', annotations: [] }],
        },
      ],
      usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
    };
    const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const events = /** @type {Array<[string, object]>} */ ([
      ['response.created', { response: { ...response, status: 'in_progress', output: [] } }],
      ['response.output_text.delta', { ...at, delta: 'ok' }],
      ['response.completed', { response }],
    ]);
    return sse(events.map(([type, data], i) => [type, { type, sequence_number: i, ...data }]));
  })(),
  google: sse([
    [
      null,
      {
        candidates: [{ content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
      },
    ],
  ]),
};

/**
 * A fetch that sends to the peer, keeps its verdict (status, request violations) and the body, and
 * answers the dialect's canned stream when the peer accepted the request.
 * @param {keyof typeof CANNED} dialect
 */
function peerFetch(dialect) {
  /** @type {{ url: string, status: number, violations: string | null, body: any }[]} */
  const seen = [];
  /** @type {typeof fetch} */
  const recording = async (input, init) => {
    const res = await fetch(input, init);
    const steady = res.headers.get('x-steady-error-count');
    const prism = JSON.parse(res.headers.get('sl-violations') ?? '[]').filter(
      (/** @type {any} */ x) => x.location?.[0] !== 'response',
    );
    const violations =
      steady !== null
        ? steady === '0'
          ? null
          : steady
        : prism.length
          ? JSON.stringify(prism)
          : null;
    seen.push({
      url: String(input),
      status: res.status,
      violations,
      body: JSON.parse(String(init?.body)),
    });
    await res.body?.cancel();
    if (res.status !== 200) return new Response('{}', { status: res.status });
    return new Response(CANNED[dialect], { headers: { 'content-type': 'text/event-stream' } });
  };
  const clean = (/** @type {string} */ label) => {
    assert(seen.length > 0, `${label}: no request reached the peer`);
    for (const s of seen) {
      const what = `${label} ${JSON.stringify(s.body).slice(0, 300)}`;
      equal(s.violations, null, `violations for ${what}`);
      equal(s.status, 200, `status for ${what}`);
    }
  };
  return { fetch: recording, seen, clean };
}

/** Reads a stream to its end; the canned "ok" cannot satisfy every call (objects), which is fine. */
async function settle(/** @type {any} */ stream) {
  try {
    for await (const _ of stream);
    return await stream.response;
  } catch {
    return undefined;
  }
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamPeerCases({
  sdk,
  steadyUrl,
  prismAnthropicUrl,
  prismGeminiUrl,
  prismVertexUrl,
  runtime,
}) {
  const person = v.object({ name: v.string(), age: v.number() });
  /** The streamed shapes every class sends: plain, with options, tools, a tool choice, an object. */
  const shapes = [
    (/** @type {any} */ m) => m.stream('hi'),
    (/** @type {any} */ m) =>
      m.stream(
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hi' },
        ],
        {
          maxTokens: 50,
          temperature: 0.2,
          stop: ['END'],
        },
      ),
    (/** @type {any} */ m) => m.stream('Weather in Paris?', { tools: [weatherTool] }),
    (/** @type {any} */ m) =>
      m.stream('Weather in Paris?', {
        tools: [weatherTool],
        toolChoice: { name: weatherTool.name },
      }),
    (/** @type {any} */ m) => m.streamObject('a person', { schema: person, maxRepairs: 0 }),
  ];
  /** Runs every shape, checks the first answered "ok" through the stream, and the peer's verdicts. */
  const validated = async (/** @type {string} */ label, /** @type {any} */ m, peer) => {
    const first = await settle(shapes[0](m));
    equal(first?.text, 'ok', `${label}: the canned stream was read`);
    for (const shape of shapes.slice(1)) await settle(shape(m));
    peer.clean(label);
    for (const s of peer.seen)
      assert(
        s.body.stream === true || /:streamGenerateContent\?alt=sse$/.test(s.url),
        `${label}: streamed`,
      );
    return peer.seen;
  };
  const common = { cache: false, retryLimit: 0, dangerouslyAllowBrowser: true };

  return [
    [
      'Steady: stream() bodies (stream: true, stream_options.include_usage) conform for every OpenAI-family class',
      async () => {
        const classes = [
          [
            'openai',
            (/** @type {any} */ o) => new sdk.openai.OpenAIModel({ model: 'gpt-4o-mini', ...o }),
          ],
          ['xai', (/** @type {any} */ o) => new sdk.xai.GrokModel({ model: 'grok-4.3', ...o })],
          [
            'compat',
            (/** @type {any} */ o) =>
              new sdk.compat.OpenAICompatibleModel({ model: 'local', ...o }),
          ],
        ];
        for (const [label, make] of classes) {
          const peer = peerFetch('openai');
          const seen = await validated(
            label,
            make({ endpoint: steadyUrl, apiKey: 'sk-steady', fetch: peer.fetch, ...common }),
            peer,
          );
          for (const s of seen)
            equal(s.body.stream_options?.include_usage, true, `${label}: include_usage`);
        }
        // Negative control: Steady checks the stream members of the body.
        const bad = await fetch(`${steadyUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: JSON.stringify({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'hi' }],
            stream: true,
            stream_options: { include_usage: 'yes' },
          }),
        });
        await bad.body?.cancel();
        assert(
          Number(bad.headers.get('x-steady-error-count')) >= 1 || bad.status === 400,
          'include_usage "yes" is flagged',
        );
      },
    ],
    [
      'Steady: streamResponses() bodies (stream: true, no stream_options) conform for OpenAI, xAI and compatible servers',
      async () => {
        const classes = [
          [
            'openai',
            (/** @type {any} */ o) => new sdk.openai.OpenAIModel({ model: 'gpt-5', ...o }),
          ],
          ['xai', (/** @type {any} */ o) => new sdk.xai.GrokModel({ model: 'grok-4.3', ...o })],
          [
            'compat',
            (/** @type {any} */ o) =>
              new sdk.compat.OpenAICompatibleModel({ model: 'local', responses: true, ...o }),
          ],
        ];
        for (const [label, make] of classes) {
          const peer = peerFetch('responses');
          const m = make({
            endpoint: steadyUrl,
            apiKey: 'sk-steady',
            fetch: peer.fetch,
            ...common,
          });
          const first = await settle(m.streamResponses('hi'));
          equal(first?.text, 'ok', `${label}: the canned stream was read`);
          await settle(
            m.streamResponses('Weather in Paris?', {
              instructions: 'Be brief.',
              maxTokens: 100,
              tools: [weatherTool],
              toolChoice: { name: weatherTool.name },
            }),
          );
          await settle(m.streamResponses('a person', { schema: person, maxRepairs: 0 }));
          peer.clean(`${label} streamResponses`);
          for (const s of peer.seen) {
            assert(/\/v1\/responses$/.test(s.url), `${label}: ${s.url}`);
            equal(s.body.stream, true, `${label}: stream: true`);
            equal(s.body.stream_options, undefined, `${label}: no stream_options`);
          }
        }
        // Negative control: Steady checks the stream flag of a Responses body.
        const bad = await fetch(`${steadyUrl}/v1/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: JSON.stringify({ model: 'gpt-5', input: 'hi', stream: 'yes' }),
        });
        await bad.body?.cancel();
        assert(
          Number(bad.headers.get('x-steady-error-count')) >= 1 || bad.status === 400,
          'stream "yes" is flagged',
        );
      },
    ],
    [
      'Prism: stream() bodies (stream: true) conform to the Anthropic spec',
      async () => {
        if (!prismAnthropicUrl) throw new Error(`${runtime}: prismAnthropicUrl is not provided`);
        const peer = peerFetch('anthropic');
        const m = new sdk.anthropic.AnthropicModel({
          model: 'claude-sonnet-4-5',
          endpoint: prismAnthropicUrl,
          apiKey: 'k',
          fetch: peer.fetch,
          ...common,
        });
        await validated('anthropic', m, peer);
        await settle(
          m.stream('think', { thinking: { type: 'enabled', budgetTokens: 1024 }, maxTokens: 2048 }),
        );
        peer.clean('anthropic thinking');
        const bad = await fetch(`${prismAnthropicUrl}/v1/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': 'k',
            'anthropic-version': '2023-06-01',
          },
          body: JSON.stringify({
            model: 'claude-sonnet-4-5',
            max_tokens: 10,
            messages: [{ role: 'user', content: 'hi' }],
            stream: 'yes',
          }),
        });
        await bad.body?.cancel();
        equal(bad.status, 422, 'stream "yes" is refused');
      },
    ],
    [
      'Prism: stream() requests go to :streamGenerateContent?alt=sse and conform to the Gemini and Vertex specs',
      async () => {
        for (const [api, url] of [
          ['gemini', prismGeminiUrl],
          ['vertex', prismVertexUrl],
        ]) {
          if (!url) throw new Error(`${runtime}: the ${api} Prism URL is not provided`);
          const peer = peerFetch('google');
          const extra =
            api === 'vertex' ? { vertex: true, projectId: 'proj-1', location: 'europe-west4' } : {};
          const m = new sdk.google.GoogleModel({
            model: 'gemini-2.5-flash',
            endpoint: url,
            apiKey: 'k',
            fetch: peer.fetch,
            ...extra,
            ...common,
          });
          await validated(api, m, peer);
          await settle(m.stream('think', { thinking: { type: 'enabled', budgetTokens: 1024 } }));
          peer.clean(`${api} thinking`);
          // Negative control on the streaming path itself: a malformed body there is refused.
          const path =
            api === 'gemini'
              ? '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'
              : '/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse';
          const bad = await fetch(`${url}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-goog-api-key': 'k',
              authorization: 'Bearer t',
            },
            body: JSON.stringify({ contents: 'hi' }),
          });
          await bad.body?.cancel();
          equal(bad.status, 422, `${api}: contents as a string is refused on the streaming path`);
          if (api === 'vertex') {
            // The prepared spec allows alt=sse (the discovery document omits it): other values stay refused.
            const ok = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
            const headers = { 'content-type': 'application/json', authorization: 'Bearer t' };
            const alt = await fetch(`${url}${path.replace('alt=sse', 'alt=csv')}`, {
              method: 'POST',
              headers,
              body: ok,
            });
            await alt.body?.cancel();
            equal(alt.status, 422, 'vertex: alt=csv is refused');
          }
        }
      },
    ],
  ];
}
