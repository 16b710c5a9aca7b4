// The providers' batch APIs through `model.batch` (issue 13), against the emulator's three flows:
// OpenAI (file upload + /v1/batches), Anthropic (/v1/messages/batches + results_url) and Gemini
// (batchGenerateContent + batches/{id}). Each flow: a request already in the cache is answered from
// it and left out of the job, the job advances over polls, per-request errors come back as
// BatchItemError, and the answers land in the cache under the key `chat` uses.
import { assert, equal, rejects } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { personJsonSchema, personSchema } from './fixtures.mjs';

/** A schema no generated person passes: the answer fits the JSON Schema, not this. */
const centenarian = {
  '~standard': {
    version: 1,
    vendor: 'cases',
    validate: (/** @type {any} */ v) =>
      v?.age > 1000 ? { value: v } : { issues: [{ message: 'age must be over 1000' }] },
  },
};

/** Collects an async iterable. @param {AsyncIterable<any>} it */
async function collect(it) {
  const out = [];
  for await (const item of it) out.push(item);
  return out;
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function batchCases({ sdk, emulatorUrl }) {
  const fast = { pollInterval: 1, maxPollInterval: 5 };
  const providers = [
    {
      name: 'OpenAI',
      make: (/** @type {any} */ o) =>
        new sdk.openai.OpenAIModel({ model: 'gpt-4o-mini', apiKey: 'sk-test', ...o }),
      create: (/** @type {any[]} */ log) =>
        log.filter((r) => r.path.endsWith('/v1/batches') && r.method === 'POST'),
      sentPrompts: (/** @type {any[]} */ log) => {
        const upload = log.find((r) => r.path.endsWith('/v1/files'));
        return upload ? [upload] : [];
      },
      badOptions: { n: 0 },
      cancel: { path: /\/v1\/batches\/batch_\w+\/cancel$/, state: 'cancelling', keeps: true },
    },
    {
      name: 'Anthropic',
      make: (/** @type {any} */ o) =>
        new sdk.anthropic.AnthropicModel({
          model: 'claude-sonnet-4-6',
          apiKey: 'sk-ant-test',
          dangerouslyAllowBrowser: true,
          ...o,
        }),
      create: (/** @type {any[]} */ log) =>
        log.filter((r) => r.path.endsWith('/v1/messages/batches') && r.method === 'POST'),
      badOptions: { seed_value: 1 },
      cancel: {
        path: /\/v1\/messages\/batches\/msgbatch_\w+\/cancel$/,
        state: 'cancelling',
        keeps: true,
      },
    },
    {
      name: 'Gemini',
      make: (/** @type {any} */ o) =>
        new sdk.google.GoogleModel({ model: 'gemini-2.5-flash', apiKey: 'gm-test', ...o }),
      create: (/** @type {any[]} */ log) =>
        log.filter((r) => r.path.endsWith(':batchGenerateContent')),
      badOptions: { n: 2 },
      // A cancelled Gemini operation ends at once, with error CANCELLED and no results.
      cancel: { path: /\/v1beta\/batches\/\w+:cancel$/, state: 'cancelled', keeps: false },
    },
  ];
  /** @type {Array<[string, () => Promise<void>]>} */
  const cases = [];
  for (const p of providers) {
    cases.push([
      `batch (${p.name}): cached requests are left out, the job advances, results fill the cache`,
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 3 } });
        const store = sdk.cache.memoryStore();
        const model = p.make({ endpoint: sc.endpoint, cache: store });
        const [a, b, c] = [
          uniquePrompt('batch a'),
          uniquePrompt('batch b'),
          uniquePrompt('batch c'),
        ];
        const early = await model.chat(a, { maxTokens: 50 });
        const job = await model.batch.submit([
          { id: 'first', input: a, options: { maxTokens: 50 } },
          { id: 'second', input: b },
          { id: 'third', input: [{ role: 'user', content: c }], options: { system: 'Be brief.' } },
        ]);
        equal(job.total, 3, 'total');
        equal(job.cached, 1, 'one answered from the cache');
        equal(job.submitted, 2, 'two sent');
        equal(p.create(await sc.requests()).length, 1, 'one job created');

        const states = [];
        for (let i = 0; i < 3; i++) states.push((await model.batch.status(job.id)).state);
        equal(states.at(-1), 'completed', `ends completed: ${states}`);
        assert(states[0] !== 'completed', `progress over time: ${states}`);
        const last = await model.batch.status(job.id);
        equal(last.counts.total, 3, 'counts.total');
        equal(last.counts.cached, 1, 'counts.cached');
        equal(last.counts.succeeded, 3, 'counts.succeeded');

        const results = await collect(model.batch.results(job.id, fast));
        equal(results.map((r) => r.id).join(), 'first,second,third', 'submission order');
        equal(results[0].response.text, early.text, 'cached answer');
        equal(results[0].response.cached, true, 'marked cached');
        for (const r of results.slice(1)) {
          assert(r.response && !r.error, `${r.id} answered: ${r.error}`);
          equal(r.response.cached, false, `${r.id} fresh`);
          equal(r.response.provider, model.provider, 'provider');
          // README "Batch jobs": a batch answer costs the registry's price × 0.5.
          const spec = sdk.registry.getModelDetails(model.model);
          const listed = sdk.registry.computeCost(spec, r.response.usage);
          assert(listed > 0, `${r.id}: ${model.model} is priced`);
          equal(r.response.cost, listed * 0.5, `${r.id} at half the listed price`);
        }
        const before = (await sc.requests()).length;
        const again = await model.chat(b);
        equal(again.cached, true, 'a later chat of a batched call is a cache hit');
        equal(again.text, results[1].response.text, 'same answer');
        const withSystem = await model.chat([{ role: 'user', content: c }], {
          system: 'Be brief.',
        });
        equal(withSystem.cached, true, 'options are part of the same key');
        equal((await sc.requests()).length, before, 'no request sent for the hits');
      },
    ]);
    cases.push([
      `batch (${p.name}): requests are built as chat builds them (the model effort too): same cache key`,
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1 } });
        const model = p.make({
          endpoint: sc.endpoint,
          cache: sdk.cache.memoryStore(),
          effort: 'low',
        });
        const prompt = uniquePrompt('batch effort');
        const early = await model.chat(prompt);
        const job = await model.batch.submit([{ id: 'same', input: prompt }]);
        equal(job.cached, 1, 'the chat answer (sent with the model effort) is the batch request');
        const results = await collect(model.batch.results(job.id, fast));
        equal(results[0].response.text, early.text, 'cached answer');
      },
    ]);
    cases.push([
      `batch (${p.name}): cancel() stops the job; what finished before is returned, the rest is cancelled`,
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 4 } });
        const model = p.make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const ids = ['a', 'b', 'c', 'd'];
        const prompts = ids.map((id) => uniquePrompt(`cancel ${id}`));
        const job = await model.batch.submit(ids.map((id, i) => ({ id, input: prompts[i] })));
        const running = await model.batch.status(job.id);
        assert(!running.done, `still running: ${running.state}`);
        const cancelled = await model.batch.cancel(job.id);
        equal(cancelled.state, p.cancel.state, 'state right after the cancel');
        const asked = (await sc.requests()).filter((r) => p.cancel.path.test(r.path));
        equal(asked.length, 1, 'one cancel request');
        equal(asked[0].method, 'POST', 'a POST');
        const results = await collect(model.batch.results(job.id, fast));
        equal((await model.batch.status(job.id)).state, 'cancelled', 'ends cancelled');
        equal(results.map((r) => r.id).join(), ids.join(), 'every request, in order');
        const answered = results.filter((r) => r.response);
        equal(answered.length, p.cancel.keeps ? 1 : 0, 'the request finished before the cancel');
        for (const r of results.filter((r) => r.error)) {
          assert(r.error instanceof sdk.core.BatchItemError, `${r.id}: ${r.error}`);
          equal(r.error.reason, 'cancelled', `${r.id} cancelled`);
          equal(r.error.isRetryable, true, 'worth submitting again');
        }
        if (p.cancel.keeps) {
          const hit = await model.chat(prompts[0]);
          equal(hit.cached, true, 'the finished answer was cached');
        }
        await model.chat(prompts[1]);
        const cachedOnly = await model.batch.submit([{ id: 'x', input: prompts[1] }]);
        const before = (await sc.requests()).length;
        equal((await model.batch.cancel(cachedOnly.id)).state, 'completed', 'nothing to cancel');
        equal((await sc.requests()).length, before, 'and nothing sent');
      },
    ]);
    cases.push([
      `batch (${p.name}): json and object requests are validated like the direct calls and cached under their keys`,
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1 } });
        const store = sdk.cache.memoryStore();
        const model = p.make({ endpoint: sc.endpoint, cache: store });
        const [o, bad, pre] = ['object', 'invalid', 'cached'].map((t) =>
          uniquePrompt(`a person, ${t}`),
        );
        // JSON in the prompt: emulators without a JSON mode (Anthropic's instruction) echo it.
        const j = JSON.stringify({ json: uniquePrompt('json') });
        const person = { schema: personSchema, jsonSchema: personJsonSchema };
        const early = await model.object(pre, person);
        const job = await model.batch.submit([
          { id: 'j', method: 'json', input: j },
          { id: 'o', method: 'object', input: o, options: person },
          {
            id: 'bad',
            method: 'object',
            input: bad,
            options: { schema: centenarian, jsonSchema: personJsonSchema },
          },
          { id: 'pre', method: 'object', input: pre, options: person },
        ]);
        equal(job.cached, 1, 'the earlier object() call answers the same batch request');
        const results = await collect(model.batch.results(job.id, fast));
        const [rj, ro, rbad, rpre] = results;
        assert(rj.response && typeof rj.response.data === 'object', `json data: ${rj.error}`);
        equal(typeof ro.response?.data?.name, 'string', `object data: ${ro.error}`);
        assert(rbad.error instanceof sdk.core.OutputValidationError, `invalid: ${rbad.error}`);
        assert(/over 1000/.test(rbad.error.message), rbad.error.message);
        equal(rpre.response?.cached, true, 'the cached one');
        equal(rpre.response?.data?.name, early.data.name, 'with its data');
        const before = (await sc.requests()).length;
        const again = await model.object(o, person);
        equal(again.cached, true, 'a later object() of the batched call is a hit');
        equal(again.data.name, ro.response.data.name, 'same data');
        equal((await model.json(j)).cached, true, 'a later json() too');
        equal((await sc.requests()).length, before, 'no request for the hits');
        await rejects(
          model.object(bad, { schema: centenarian, jsonSchema: personJsonSchema, maxRepairs: 0 }),
          (e) => e instanceof sdk.core.OutputValidationError,
          'the invalid answer was not cached',
        );
        // Another process: the schema is passed to results().
        const other = p.make({ endpoint: sc.endpoint, cache: store });
        await rejects(
          collect(other.batch.results(job.id, fast)),
          (e) => e instanceof sdk.core.InvalidRequestError && /pass their schema/.test(e.message),
          'object requests need their schema from another process',
        );
        const read = await collect(other.batch.results(job.id, { ...fast, schema: personSchema }));
        equal(
          read[1].response?.data?.name,
          ro.response.data.name,
          'validated with the given schema',
        );
        await rejects(
          model.batch.submit([{ id: 'x', method: 'object', input: 'x' }]),
          (e) => e instanceof sdk.core.InvalidRequestError && /options.schema/.test(e.message),
          'object without a schema',
        );
        await rejects(
          model.batch.submit([{ id: 'x', method: 'stream', input: 'x' }]),
          (e) => e instanceof sdk.core.InvalidRequestError && /`method`/.test(e.message),
          'unknown method',
        );
      },
    ]);
    cases.push([
      `batch (${p.name}): a request the provider refuses is a BatchItemError, the others succeed`,
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1 } });
        const model = p.make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const job = await model.batch.submit([
          { id: 'ok', input: uniquePrompt('fine') },
          { id: 'bad', input: uniquePrompt('refused'), options: p.badOptions },
        ]);
        const results = await collect(model.batch.results(job.id, fast));
        assert(results[0].response, `ok answered: ${results[0].error}`);
        const error = results[1].error;
        assert(error instanceof sdk.core.BatchItemError, `a BatchItemError: ${error}`);
        equal(error.reason, 'errored', 'reason');
        equal(error.status, 400, 'status');
        equal(error.requestId, 'bad', 'names the request');
        equal(error.isRetryable, false, 'a 400 is not retryable');
      },
    ]);
  }
  cases.push(
    [
      'batch (OpenAI): an expired job returns what finished; the rest are expired, retryable',
      async () => {
        const sc = await scenario(emulatorUrl, {
          batch: { polls: 2, outcome: 'expired', processed: 1 },
        });
        const model = providers[0].make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const job = await model.batch.submit([
          { id: 'x', input: uniquePrompt('x') },
          { id: 'y', input: uniquePrompt('y') },
        ]);
        const results = await collect(model.batch.results(job.id, fast));
        assert(results[0].response, 'the processed one');
        equal(results[1].error?.reason, 'expired', 'the other expired');
        equal(results[1].error?.isRetryable, true, 'retryable');
        equal((await model.batch.status(job.id)).state, 'expired', 'state');
      },
    ],
    [
      'batch (Anthropic): a cancelled job reports cancelled requests',
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1, outcome: 'cancelled' } });
        const model = providers[1].make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const job = await model.batch.submit([{ id: 'x', input: uniquePrompt('x') }]);
        const [result] = await collect(model.batch.results(job.id, fast));
        equal(result.error?.reason, 'cancelled', 'cancelled');
        equal((await model.batch.status(job.id)).state, 'cancelled', 'state');
      },
    ],
    [
      'batch (Gemini): an expired job has no results: every request is expired',
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1, outcome: 'expired' } });
        const model = providers[2].make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const job = await model.batch.submit([{ id: 'x', input: uniquePrompt('x') }]);
        const [result] = await collect(model.batch.results(job.id, fast));
        equal(result.error?.reason, 'expired', 'no result: expired');
        equal((await model.batch.status(job.id)).state, 'expired', 'state');
      },
    ],
    [
      'batch: every request cached sends nothing; bad input is refused before any request',
      async () => {
        const sc = await scenario(emulatorUrl);
        const model = providers[0].make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const prompt = uniquePrompt('all cached');
        await model.chat(prompt);
        const job = await model.batch.submit([{ id: 'only', input: prompt }]);
        equal(job.submitted, 0, 'nothing sent');
        assert(job.id.startsWith('cached-'), job.id);
        equal((await model.batch.status(job.id)).state, 'completed', 'completed');
        const [r] = await collect(model.batch.results(job.id));
        equal(r.response?.cached, true, 'from the cache');
        equal((await sc.requests()).length, 1, 'only the first chat was sent');
        const isInvalid = (/** @type {any} */ e) => e instanceof sdk.core.InvalidRequestError;
        await rejects(model.batch.submit([]), isInvalid, 'empty');
        await rejects(
          model.batch.submit([
            { id: 'a', input: 'x' },
            { id: 'a', input: 'y' },
          ]),
          (e) => isInvalid(e) && /used twice/.test(e.message),
          'duplicate ids',
        );
        await rejects(
          model.batch.submit([{ id: 'a', input: 'x', options: { timeout: 5 } }]),
          (e) => isInvalid(e) && /`timeout`/.test(e.message),
          'transport option',
        );
        await rejects(
          collect(model.batch.results('batch_unknown')),
          (e) => isInvalid(e) && /No record of batch job/.test(e.message),
          'unknown job',
        );
        equal((await sc.requests()).length, 1, 'no request for bad input');
      },
    ],
    [
      'batch: each HTTP call takes a limiter slot and is told to the hooks as batch.<operation>, retries included',
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 2 }, faults: [{ status: 500 }] });
        const limiter = sdk.core.createLimiter({ concurrency: 1, requestsPerMinute: 1000 });
        /** @type {number[]} */
        const active = [];
        /** @type {any[]} */
        const events = [];
        const log = (/** @type {string} */ kind) => (/** @type {any} */ e) =>
          events.push(`${kind} ${e.method}${e.status ? ` ${e.status}` : ''}`);
        let refuseCancel = false;
        const model = providers[0].make({
          endpoint: sc.endpoint,
          cache: sdk.cache.memoryStore(),
          limiter,
          retryDelay: 1,
          /** @type {typeof fetch} */
          fetch: async (input, init) => {
            active.push(limiter.active);
            if (refuseCancel && String(input).endsWith('/cancel'))
              return Response.json(
                { error: { message: 'No.', type: 'invalid_request_error' } },
                { status: 400 },
              );
            return fetch(input, init);
          },
          hooks: {
            onRequest: log('request'),
            onRetry: log('retry'),
            onResponse: log('response'),
            onError: log('error'),
          },
        });
        const job = await model.batch.submit([{ id: 'a', input: uniquePrompt('hooked') }]);
        const [result] = await collect(model.batch.results(job.id, fast));
        assert(result.response, `answered: ${result.error}`);
        await model.batch.cancel(job.id);
        refuseCancel = true;
        await rejects(model.batch.cancel(job.id), (e) => e.status === 400);
        equal(
          events.join('\n'),
          [
            'request batch.upload',
            'retry batch.upload 500',
            'request batch.upload',
            'response batch.upload 200',
            'request batch.submit',
            'response batch.submit 200',
            'request batch.status',
            'response batch.status 200',
            'request batch.status',
            'response batch.status 200',
            'request batch.results',
            'response batch.results 200',
            'request batch.cancel',
            'response batch.cancel 200',
            'request batch.cancel',
            'error batch.cancel 400',
          ].join('\n'),
          'hook events in order',
        );
        equal(active.length, 8, 'eight HTTP requests');
        assert(
          active.every((n) => n === 1),
          `each request held a limiter slot while it ran: ${active}`,
        );
        equal(limiter.active, 0, 'every slot released');
      },
    ],
    [
      'batch: results() polls with backoff and stops when its signal aborts',
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1000 } });
        const model = providers[1].make({ endpoint: sc.endpoint, cache: sdk.cache.memoryStore() });
        const job = await model.batch.submit([{ id: 'x', input: uniquePrompt('slow') }]);
        const controller = new AbortController();
        setTimeout(() => controller.abort(new Error('stop waiting')), 150);
        const error = await rejects(
          collect(
            model.batch.results(job.id, {
              pollInterval: 10,
              maxPollInterval: 40,
              signal: controller.signal,
            }),
          ),
        );
        equal(error.message, 'stop waiting', 'the signal reason');
        const polls = (await sc.requests()).filter((r) => r.method === 'GET').length;
        // 10+20+40+40… ms in 150 ms: a handful of polls, not one per millisecond.
        assert(polls >= 2 && polls <= 7, `backoff: ${polls} polls`);
      },
    ],
    [
      'batch (Anthropic): a results_url on another origin is refused; the key never goes there',
      async () => {
        const sc = await scenario(emulatorUrl, { batch: { polls: 1 } });
        /** @type {string[]} */
        const urls = [];
        /** @type {typeof fetch} */
        const rewriting = async (input, init) => {
          urls.push(String(input));
          const res = await fetch(input, init);
          if (!String(input).includes('/v1/messages/batches/') || init?.method !== 'GET')
            return res;
          const body = await res.json();
          if (body.results_url) body.results_url = 'https://elsewhere.example/results';
          return new Response(JSON.stringify(body), {
            headers: { 'content-type': 'application/json' },
          });
        };
        const model = providers[1].make({
          endpoint: sc.endpoint,
          cache: sdk.cache.memoryStore(),
          fetch: rewriting,
        });
        const job = await model.batch.submit([{ id: 'x', input: uniquePrompt('origin') }]);
        await rejects(
          collect(model.batch.results(job.id, fast)),
          (e) => e instanceof sdk.core.InvalidResponseError && /another origin/.test(e.message),
        );
        assert(!urls.some((u) => u.includes('elsewhere')), `never fetched: ${urls}`);
      },
    ],
    [
      'batch (Google Vertex): not supported, said before any request',
      async () => {
        const model = new sdk.google.GoogleModel({
          vertex: true,
          projectId: 'my-project',
          location: 'us-central1',
          endpoint: `${emulatorUrl}/s/none`,
          apiKey: 'ya29.test',
          cache: sdk.cache.memoryStore(),
        });
        await rejects(
          model.batch.submit([{ id: 'x', input: uniquePrompt('v') }]),
          (e) => e instanceof sdk.core.UnsupportedFeatureError && /batch/.test(e.message),
        );
      },
    ],
  );
  return cases;
}
