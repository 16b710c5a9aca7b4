// AnthropicModel cases for every runtime (vitest node/Chromium/workerd, Deno, Bun, the worker bundle)
// against the loopback emulator (test/emulator/anthropic.mjs): the Messages API request and answer,
// images, prompt caching, errors and retries, and browser access. Thinking, tools and structured
// output are in cases-anthropic-output.mjs; spec validation by Prism in cases-anthropic-prism.mjs.
// Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { PNG } from './cases-anthropic-prism.mjs';
import { named, weatherTool } from './fixtures.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicCases({ sdk, emulatorUrl, runtime }) {
  const { AnthropicModel } = sdk.anthropic;
  const { scenario, model } = anthropicFixture({ sdk, emulatorUrl, runtime });

  return [
    [
      'anthropic: chat sends Messages API headers and a top-level system, maps the answer',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).chat('hello there', {
          system: 'Be brief.',
          temperature: 0.2,
        });
        equal(r.text, 'Echo: hello there');
        equal(r.provider, 'anthropic');
        equal(r.finishReason, 'stop');
        equal(r.rawFinishReason, 'end_turn');
        assert(/^msg_/.test(r.id), 'msg_ id');
        equal(r.usage.inputTokens, 4, 'input tokens: system and user words');
        equal(r.usage.totalTokens, r.usage.inputTokens + r.usage.outputTokens, 'total');
        const [req] = await s.requests();
        equal(req.path, '/v1/messages');
        equal(req.headers['x-api-key'], 'test-key');
        equal(req.headers['anthropic-version'], '2023-06-01');
        equal(req.headers.authorization, undefined, 'no Bearer header');
        equal(req.body.system, 'Be brief.');
        equal(req.body.max_tokens, 64000, 'default max_tokens = the model maximum');
        equal(req.body.temperature, 0.2);
        deepEqual(req.body.messages, [
          { role: 'user', content: [{ type: 'text', text: 'hello there' }] },
        ]);
        equal(r.messages.length, 3, 'system, user, assistant');
      },
    ],
    [
      'anthropic: complete() is one user turn on /v1/messages',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).complete('Once upon');
        equal(r.text, 'Echo: Once upon');
        const [req] = await s.requests();
        equal(req.path, '/v1/messages');
        equal(req.body.messages.length, 1);
      },
    ],
    [
      'anthropic: a system message inside the conversation is rejected before any request',
      async () => {
        const s = await scenario();
        const err = await rejects(
          model(s.endpoint).chat([
            { role: 'user', content: 'hi' },
            { role: 'system', content: 'late' },
          ]),
          named('InvalidRequestError'),
        );
        assert(/role system after the conversation started/.test(err.message), err.message);
        equal((await s.requests()).length, 0, 'no request sent');
      },
    ],
    [
      'anthropic: cacheControl marks system, tools and the last message; usage splits cache tokens',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const opts = {
          system: 'A long shared preamble for caching.',
          tools: [weatherTool],
          cacheControl: true,
        };
        const r1 = await m.chat('first question', opts);
        const r2 = await m.chat('first question', opts);
        const [req] = await s.requests();
        deepEqual(req.body.system, [
          {
            type: 'text',
            text: 'A long shared preamble for caching.',
            cache_control: { type: 'ephemeral' },
          },
        ]);
        deepEqual(req.body.tools[0].cache_control, { type: 'ephemeral' });
        deepEqual(req.body.messages[0].content.at(-1).cache_control, { type: 'ephemeral' });
        assert(r1.usage.cacheWriteTokens > 0, 'first call writes the cache');
        equal(r1.usage.cachedInputTokens, 0);
        assert(r2.usage.cachedInputTokens > 0, 'second call reads it');
        equal(
          r2.usage.inputTokens,
          r2.usage.raw.input_tokens + r2.usage.cachedInputTokens,
          'inputTokens includes cached tokens',
        );
      },
    ],
    [
      'anthropic: images become image blocks (base64 from data: URLs, url otherwise)',
      async () => {
        const s = await scenario();
        await model(s.endpoint).chat([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this' },
              { type: 'image', url: PNG },
              { type: 'image', url: 'https://example.com/a.jpg' },
            ],
          },
        ]);
        const [req] = await s.requests();
        const [, b64, url] = req.body.messages[0].content;
        deepEqual(b64.source, { type: 'base64', media_type: 'image/png', data: PNG.split(',')[1] });
        deepEqual(url.source, { type: 'url', url: 'https://example.com/a.jpg' });
      },
    ],
    [
      'anthropic: 529 overloaded_error is retried; error type and request id reach the error',
      async () => {
        const s = await scenario({ faults: [{ status: 529 }] });
        const r = await model(s.endpoint).chat('retry me');
        equal(r.text, 'Echo: retry me');
        equal((await s.requests()).length, 2, 'one retry');
        const s2 = await scenario({ faults: [{ status: 529, times: 5 }] });
        const err = await rejects(model(s2.endpoint, { retryLimit: 1 }).chat('x'));
        assert(err instanceof sdk.core.RetryError, `RetryError, got ${err?.name}`);
        equal(err.errors.length, 2, 'both attempts kept');
        const last = err.lastError;
        equal(last.status, 529);
        equal(last.errorType, 'overloaded_error');
        assert(last.requestId, 'request id');
        const s3 = await scenario();
        const bad = await rejects(
          model(s3.endpoint, { apiKey: 'bad-key' }).chat('x'),
          named('AuthenticationError'),
        );
        equal(bad.errorType, 'authentication_error');
        assert(!bad.message.includes('bad-key'), 'key not in the message');
      },
    ],
    [
      'anthropic: browser calls to api.anthropic.com need dangerouslyAllowBrowser',
      async () => {
        const s = await scenario();
        /** @type {Record<string, string>[]} */
        const sent = [];
        /** @type {typeof fetch} */
        const toEmulator = (input, init) => {
          sent.push(/** @type {Record<string, string>} */ (init?.headers));
          return fetch(String(input).replace('https://api.anthropic.com', s.endpoint), init);
        };
        const direct = (/** @type {boolean} */ allow) =>
          new AnthropicModel({
            apiKey: 'test-key',
            cache: false,
            fetch: toEmulator,
            dangerouslyAllowBrowser: allow,
          });
        if (runtime === 'browser') {
          const err = await rejects(direct(false).chat('hi'), named('BrowserAccessError'));
          assert(
            /proxy/.test(err.message) && /dangerouslyAllowBrowser/.test(err.message),
            err.message,
          );
          equal(sent.length, 0, 'nothing sent');
        } else {
          equal((await direct(false).chat('hi')).text, 'Echo: hi', 'servers need no opt-in');
          equal(sent[0]['anthropic-dangerous-direct-browser-access'], undefined);
        }
        equal((await direct(true).chat('hi')).text, 'Echo: hi');
        equal(sent.at(-1)['anthropic-dangerous-direct-browser-access'], 'true');
      },
    ],
  ];
}
