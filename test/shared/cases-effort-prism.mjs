// The Anthropic and Gemini requests that `effort` and `serviceTier` produce, validated by Prism
// against ../shared/specs/anthropic-openapi.json and the prepared Gemini and Vertex specs: 200 and no
// request violation for each, with negative controls (422) for the new members, so a validator that
// skipped them could not pass.
import { assert, equal } from './assert.mjs';
import { personSchema, personJsonSchema } from './fixtures.mjs';

/** A Gemini answer for requests Prism accepted (Prism's generated bodies are random). */
const GEMINI_ANSWER = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
  usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
};

/**
 * A fetch that records Prism's verdict on each request (status, and the `sl-violations` entries about
 * the request) and, when `answer` is given, replaces Prism's generated body with it.
 * @param {object} [answer]
 */
function prismRecorder(answer) {
  /** @type {{ status: number, violations: string | null, body: any }[]} */
  const seen = [];
  /** @type {typeof fetch} */
  const fetchVia = async (input, init) => {
    const res = await fetch(input, init);
    const all = JSON.parse(res.headers.get('sl-violations') ?? '[]');
    const mine = all.filter((/** @type {any} */ v) => v.location?.[0] === 'request');
    seen.push({
      status: res.status,
      violations: mine.length ? JSON.stringify(mine) : null,
      body: JSON.parse(String(init?.body)),
    });
    if (!answer || res.status !== 200) return res;
    await res.body?.cancel();
    return new Response(JSON.stringify(answer), {
      headers: { 'content-type': 'application/json' },
    });
  };
  const clean = () => {
    assert(seen.length > 0, 'no request reached Prism');
    for (const s of seen) {
      equal(s.violations, null, `Prism violations for ${JSON.stringify(s.body).slice(0, 300)}`);
      equal(s.status, 200, `Prism status for ${JSON.stringify(s.body).slice(0, 300)}`);
    }
  };
  return { fetch: fetchVia, seen, clean };
}

/**
 * @param {{ sdk: any, prismAnthropicUrl?: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function effortPrismCases({
  sdk,
  prismAnthropicUrl,
  prismGeminiUrl,
  prismVertexUrl,
  runtime,
}) {
  const need = (/** @type {string | undefined} */ url, /** @type {string} */ what) => {
    if (!url) throw new Error(`${runtime}: ${what} is not provided`);
    return url;
  };
  const status = async (
    /** @type {string} */ url,
    /** @type {object} */ headers,
    /** @type {object} */ body,
  ) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    await res.body?.cancel();
    return res.status;
  };

  return [
    [
      'anthropic/prism: effort and service tier requests pass the spec; bad values are refused',
      async () => {
        const url = need(prismAnthropicUrl, 'prismAnthropicUrl');
        const rec = prismRecorder();
        const claude = (/** @type {string} */ model) =>
          new sdk.anthropic.AnthropicModel({
            model,
            endpoint: url,
            apiKey: 'k',
            cache: false,
            fetch: rec.fetch,
            retryLimit: 0,
            maxRepairs: 0,
            dangerouslyAllowBrowser: true,
          });
        await claude('claude-sonnet-4-6').chat('x', { effort: 'high', serviceTier: 'priority' });
        await claude('claude-opus-4-5').chat('x', { effort: 'xhigh', serviceTier: 'standard' });
        await claude('claude-sonnet-4-5').chat('x', { effort: 'medium' });
        await claude('claude-sonnet-4-6').chat('x', { effort: 'none' });
        await claude('claude-sonnet-4-6')
          .object('a person', { schema: personSchema, jsonSchema: personJsonSchema, effort: 'low' })
          .catch(() => undefined);
        rec.clean();
        const merged = rec.seen.at(-1)?.body.output_config;
        assert(merged?.effort === 'low' && merged.format, 'effort and format in one output_config');
        const headers = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
        const base = {
          model: 'claude-sonnet-4-6',
          max_tokens: 16,
          messages: [{ role: 'user', content: 'x' }],
        };
        equal(await status(`${url}/v1/messages`, headers, base), 200, 'control');
        equal(
          await status(`${url}/v1/messages`, headers, { ...base, service_tier: 'flex' }),
          422,
          'service_tier flex is not in the spec',
        );
        equal(
          await status(`${url}/v1/messages`, headers, {
            ...base,
            output_config: { effort: 'extreme' },
          }),
          422,
          'an unknown effort level',
        );
      },
    ],
    [
      'google/prism: effort and service tier requests pass the Gemini and Vertex specs; bad values are refused',
      async () => {
        const geminiUrl = need(prismGeminiUrl, 'prismGeminiUrl');
        const vertexUrl = need(prismVertexUrl, 'prismVertexUrl');
        const rec = prismRecorder(GEMINI_ANSWER);
        const gemini = (/** @type {string} */ model, extra = {}) =>
          new sdk.google.GoogleModel({
            model,
            endpoint: geminiUrl,
            apiKey: 'k',
            cache: false,
            fetch: rec.fetch,
            retryLimit: 0,
            ...extra,
          });
        await gemini('gemini-3-flash-preview').chat('x', {
          effort: 'minimal',
          serviceTier: 'flex',
        });
        await gemini('gemini-3-pro-preview').chat('x', {
          effort: 'medium',
          serviceTier: 'priority',
        });
        await gemini('gemini-2.5-flash').chat('x', { effort: 'high' });
        await gemini('gemini-2.5-pro').chat('x', { effort: 'none' });
        await gemini('gemini-3-pro-preview', {
          endpoint: vertexUrl,
          vertex: true,
          projectId: 'proj-1',
          location: 'us-central1',
        }).chat('x', { effort: 'max', serviceTier: 'flex' });
        rec.clean();
        equal(rec.seen[0].body.serviceTier, 'flex', 'serviceTier sent');
        equal(rec.seen.at(-1)?.body.serviceTier, undefined, 'not on Vertex');
        const headers = { 'x-goog-api-key': 'k' };
        const path = `${geminiUrl}/v1beta/models/gemini-3-flash-preview:generateContent`;
        const base = { contents: [{ role: 'user', parts: [{ text: 'x' }] }] };
        equal(await status(path, headers, { ...base, serviceTier: 'flex' }), 200, 'control');
        equal(await status(path, headers, { ...base, serviceTier: 'turbo' }), 422, 'unknown tier');
        equal(
          await status(path, headers, {
            ...base,
            generationConfig: { thinkingConfig: { thinkingLevel: 'EXTREME' } },
          }),
          422,
          'unknown thinking level',
        );
      },
    ],
  ];
}
