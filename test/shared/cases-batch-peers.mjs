// The batch requests `model.batch.submit()` sends, validated by the spec peers: Steady (OpenAI's
// /v1/files upload and /v1/batches), Prism (Anthropic's /v1/messages/batches, Gemini's
// batchGenerateContent). Each must pass with no violation; a negative control per new shape must
// fail, so a peer that stopped validating cannot pass.
import { assert, equal } from './assert.mjs';
import { uniquePrompt } from './emulator-client.mjs';

/** Request violations a peer reported for one answer (Steady's count, Prism's request entries). */
function violations(/** @type {Response} */ res) {
  const steady = res.headers.get('x-steady-error-count');
  if (steady !== null)
    return steady === '0' ? null : `${steady}: ${res.headers.get('x-steady-errors') ?? ''}`;
  const all = JSON.parse(res.headers.get('sl-violations') ?? '[]');
  const mine = all.filter((/** @type {any} */ v) => v.location?.[0] === 'request');
  return mine.length ? JSON.stringify(mine) : null;
}

/** A fetch that records each answer's path, status and violations. */
function recorder() {
  /** @type {{ url: string, status: number, violations: string | null }[]} */
  const seen = [];
  /** @type {typeof fetch} */
  const fetchIt = async (input, init) => {
    const res = await fetch(input, init);
    seen.push({ url: String(input), status: res.status, violations: violations(res) });
    return res;
  };
  const clean = (/** @type {string[]} */ paths) => {
    for (const path of paths) {
      const hit = seen.find((s) => s.url.endsWith(path));
      assert(hit, `no ${path} request reached the peer: ${JSON.stringify(seen)}`);
      equal(hit.violations, null, `violations for ${path}`);
      equal(hit.status, 200, `status for ${path}`);
    }
  };
  return { fetch: fetchIt, seen, clean };
}

/**
 * A fetch that answers the job creation itself (checked by the creation cases) with `job`, so a
 * cancel case sends the peer only what it checks, under a job id of the provider's form (Prism's
 * mock ids are the word "string").
 */
const created =
  (/** @type {typeof fetch} */ next, /** @type {string} */ path, /** @type {object} */ job) =>
  /** @type {typeof fetch} */ (input, init) =>
    String(input).endsWith(path) ? Promise.resolve(Response.json(job)) : next(input, init);

const MESSAGE_BATCH = {
  id: 'msgbatch_01peer',
  type: 'message_batch',
  processing_status: 'in_progress',
  request_counts: { processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
};

const requests = () => [
  { id: 'a', input: uniquePrompt('peer a'), options: { maxTokens: 20, temperature: 0.2 } },
  {
    id: 'b',
    input: [{ role: 'user', content: uniquePrompt('peer b') }],
    options: { system: 'Be brief.' },
  },
];

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function batchPeerCases({ sdk, steadyUrl, prismAnthropicUrl, prismGeminiUrl }) {
  const common = { cache: false, retryLimit: 0 };
  return [
    [
      'batch peers (Steady): the JSONL upload, the batch creation and the cancel match the OpenAI spec',
      async () => {
        const r = recorder();
        const model = new sdk.openai.OpenAIModel({
          ...common,
          endpoint: steadyUrl,
          apiKey: 'sk-steady',
          model: 'gpt-4o-mini',
          fetch: r.fetch,
        });
        const job = await model.batch.submit(requests());
        r.clean(['/v1/files', '/v1/batches']);
        await model.batch.cancel(job.id);
        r.clean(['/cancel']);
        // Negative control for the cancel: a GET where the spec has only POST.
        const badCancel = await fetch(`${steadyUrl}/v1/batches/batch_1/cancel`, {
          headers: { authorization: 'Bearer sk-steady' },
        });
        await badCancel.body?.cancel();
        assert(
          badCancel.status >= 400 || violations(badCancel) !== null,
          `Steady flags a GET cancel (${badCancel.status})`,
        );
        // Negative control: a completion window the spec does not list.
        const bad = await fetch(`${steadyUrl}/v1/batches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sk-steady' },
          body: JSON.stringify({
            input_file_id: 'file-1',
            endpoint: '/v1/chat/completions',
            completion_window: '48h',
          }),
        });
        await bad.body?.cancel();
        assert(violations(bad) !== null, 'Steady flags completion_window 48h');
        // Negative control for the multipart upload: a purpose the spec does not list.
        const form = new FormData();
        form.append('purpose', 'nonsense');
        form.append('file', new Blob(['{}\n']), 'in.jsonl');
        const badUpload = await fetch(`${steadyUrl}/v1/files`, {
          method: 'POST',
          headers: { authorization: 'Bearer sk-steady' },
          body: form,
        });
        await badUpload.body?.cancel();
        assert(violations(badUpload) !== null, 'Steady flags purpose nonsense');
      },
    ],
    [
      'batch peers (Prism, Anthropic): the message batch creation matches the spec',
      async () => {
        if (!prismAnthropicUrl) throw new Error('prismAnthropicUrl is not provided');
        const r = recorder();
        const model = new sdk.anthropic.AnthropicModel({
          ...common,
          endpoint: prismAnthropicUrl,
          apiKey: 'k',
          dangerouslyAllowBrowser: true,
          fetch: r.fetch,
        });
        await model.batch.submit(requests());
        r.clean(['/v1/messages/batches']);
        // Negative control: a custom_id outside ^[a-zA-Z0-9_-]{1,64}$.
        const bad = await fetch(`${prismAnthropicUrl}/v1/messages/batches`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': 'k',
            'anthropic-version': '2023-06-01',
            'anthropic-dangerous-direct-browser-access': 'true',
          },
          body: JSON.stringify({
            requests: [
              {
                custom_id: 'has space',
                params: {
                  model: 'claude-sonnet-4-6',
                  max_tokens: 5,
                  messages: [{ role: 'user', content: 'hi' }],
                },
              },
            ],
          }),
        });
        await bad.body?.cancel();
        equal(bad.status, 422, 'Prism refuses the custom_id');
      },
    ],
    [
      'batch peers (Prism, Gemini): batchGenerateContent matches the spec',
      async () => {
        if (!prismGeminiUrl) throw new Error('prismGeminiUrl is not provided');
        const r = recorder();
        const model = new sdk.google.GoogleModel({
          ...common,
          endpoint: prismGeminiUrl,
          apiKey: 'k',
          model: 'gemini-2.5-flash',
          fetch: r.fetch,
        });
        await model.batch.submit(requests());
        r.clean([':batchGenerateContent']);
        // Negative control: inline requests that are not a list.
        const bad = await fetch(
          `${prismGeminiUrl}/v1beta/models/gemini-2.5-flash:batchGenerateContent`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-goog-api-key': 'k' },
            body: JSON.stringify({
              batch: { displayName: 'x', inputConfig: { requests: { requests: 'not a list' } } },
            }),
          },
        );
        await bad.body?.cancel();
        equal(bad.status, 422, 'Prism refuses requests that are not a list');
      },
    ],
    [
      'batch peers (Prism, Anthropic): the cancel matches the spec',
      async () => {
        if (!prismAnthropicUrl) throw new Error('prismAnthropicUrl is not provided');
        const r = recorder();
        const model = new sdk.anthropic.AnthropicModel({
          ...common,
          endpoint: prismAnthropicUrl,
          apiKey: 'k',
          dangerouslyAllowBrowser: true,
          fetch: created(r.fetch, '/v1/messages/batches', MESSAGE_BATCH),
        });
        const job = await model.batch.submit(requests());
        await model.batch.cancel(job.id);
        r.clean([`/v1/messages/batches/${MESSAGE_BATCH.id}/cancel`]);
        // Negative control for the cancel: a GET where the spec has only POST.
        const bad = await fetch(`${prismAnthropicUrl}/v1/messages/batches/msgbatch_1/cancel`, {
          headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
        });
        await bad.body?.cancel();
        assert(bad.status >= 400, `Prism refuses a GET cancel (${bad.status})`);
      },
    ],
    [
      'batch peers (Prism, Gemini): batches.cancel matches the spec',
      async () => {
        if (!prismGeminiUrl) throw new Error('prismGeminiUrl is not provided');
        const r = recorder();
        const model = new sdk.google.GoogleModel({
          ...common,
          endpoint: prismGeminiUrl,
          apiKey: 'k',
          model: 'gemini-2.5-flash',
          fetch: created(r.fetch, ':batchGenerateContent', { name: 'batches/peer123' }),
        });
        const job = await model.batch.submit(requests());
        await model.batch.cancel(job.id);
        r.clean(['/v1beta/batches/peer123:cancel']);
        // Negative control for the cancel: a name outside ^batches/[^/]+$.
        const bad = await fetch(`${prismGeminiUrl}/v1beta/batches/a/b:cancel`, {
          method: 'POST',
          headers: { 'x-goog-api-key': 'k' },
        });
        await bad.body?.cancel();
        assert(bad.status >= 400, `Prism refuses the name (${bad.status})`);
      },
    ],
  ];
}
