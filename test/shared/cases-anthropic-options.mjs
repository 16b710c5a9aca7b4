// AnthropicModel options and README promises, each checked on the wire against the emulator (which
// refuses unknown request members, sampling settings with thinking and unpaired tool results like the
// API): `anthropicVersion`, `seed`, `topP`/`top_k` with thinking, `cacheControl` object forms and
// `ttl`, `toolChoice` values, parallel tool results as one turn, image types, ANTHROPIC_API_KEY, and a
// key quoted back by the server. Spread into anthropicCases. Only fetch and web APIs here.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { named, weatherTool } from './fixtures.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicOptionCases({ sdk, emulatorUrl, runtime }) {
  const { AnthropicModel } = sdk.anthropic;
  const { scenario, model } = anthropicFixture({ sdk, emulatorUrl, runtime });
  const body = async (/** @type {{ requests: () => Promise<any[]> }} */ s) =>
    (await s.requests()).at(-1).body;

  return [
    [
      'anthropic: anthropicVersion sets the anthropic-version header',
      async () => {
        const s = await scenario();
        await model(s.endpoint, { anthropicVersion: '2099-01-01' }).chat('hi');
        equal((await s.requests())[0].headers['anthropic-version'], '2099-01-01');
      },
    ],
    [
      'anthropic: seed is not sent (the Messages API has none), with a warning',
      async () => {
        const s = await scenario();
        const r = await model(s.endpoint).chat('hi', { seed: 42 });
        equal((await body(s)).seed, undefined);
        deepEqual(r.warnings, ['seed was not sent: the Messages API has no seed.']);
      },
    ],
    [
      'anthropic: stop is sent as stop_sequences, on a plain chat and with sampling settings',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        await m.chat('hi', { stop: ['END'] });
        deepEqual((await body(s)).stop_sequences, ['END']);
        await m.chat('hi', { stop: ['END', 'STOP'], temperature: 0.2 });
        deepEqual((await body(s)).stop_sequences, ['END', 'STOP']);
      },
    ],
    [
      'anthropic: with thinking, topP below 0.95 and top_k are not sent (warnings); topP from 0.95 is',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint, { model: 'claude-sonnet-4-0' });
        const thinking = { type: 'enabled', budgetTokens: 2048 };
        const r = await m.chat('hi', { thinking, topP: 0.5, top_k: 5 });
        const sent = await body(s);
        deepEqual([sent.top_p, sent.top_k], [undefined, undefined]);
        assert(
          r.warnings?.some((w) => /top_p was not sent.*0\.95/.test(w)),
          String(r.warnings),
        );
        assert(
          r.warnings?.some((w) => /top_k was not sent/.test(w)),
          String(r.warnings),
        );
        const high = await m.chat('hi', { thinking, topP: 0.97 });
        equal((await body(s)).top_p, 0.97);
        equal(high.warnings, undefined);
        // Without thinking both are sent (Sonnet 4 takes top_p with top_k).
        await m.chat('hi', { topP: 0.5, top_k: 5 });
        deepEqual([(await body(s)).top_p, (await body(s)).top_k], [0.5, 5]);
      },
    ],
    [
      'anthropic: cacheControl marks system, tools or the last message alone, with ttl 1h on each',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const opts = { system: 'Preamble.', tools: [weatherTool] };
        const mark = { type: 'ephemeral' };
        const marks = async (/** @type {object} */ cacheControl) => {
          await m.chat([{ role: 'user', content: 'one' }], { ...opts, cacheControl });
          const b = await body(s);
          return [
            Array.isArray(b.system) ? b.system[0].cache_control : undefined,
            b.tools[0].cache_control,
            b.messages.at(-1).content.at(-1).cache_control,
          ];
        };
        deepEqual(await marks({ system: true }), [mark, undefined, undefined]);
        equal((await body(s)).system[0].text, 'Preamble.');
        deepEqual(await marks({ tools: true }), [undefined, mark, undefined]);
        equal((await body(s)).system, 'Preamble.', 'an unmarked system prompt stays a string');
        deepEqual(await marks({ messages: true }), [undefined, undefined, mark]);
        const hour = { type: 'ephemeral', ttl: '1h' };
        deepEqual(await marks({ ttl: '1h', system: true, tools: true, messages: true }), [
          hour,
          hour,
          hour,
        ]);
        deepEqual(await marks({ ttl: '5m', tools: true }), [
          undefined,
          { type: 'ephemeral', ttl: '5m' },
          undefined,
        ]);
        deepEqual(await marks(false), [undefined, undefined, undefined]);
      },
    ],
    [
      'anthropic: toolChoice auto, none, required and { name } reach the body as Anthropic spells them',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        for (const [toolChoice, wire] of [
          ['auto', { type: 'auto' }],
          ['none', { type: 'none' }],
          ['required', { type: 'any' }],
          [{ name: 'get_weather' }, { type: 'tool', name: 'get_weather' }],
        ]) {
          await m.chat('Weather?', { tools: [weatherTool], toolChoice });
          deepEqual((await body(s)).tool_choice, wire, JSON.stringify(toolChoice));
        }
        await m.chat('Weather?', { tools: [weatherTool] });
        equal((await body(s)).tool_choice, undefined, 'none given, none sent');
      },
    ],
    [
      'anthropic: parallel tool results are sent as one user turn',
      async () => {
        const s = await scenario({
          reply: {
            toolCalls: [
              { name: 'get_weather', arguments: { city: 'Paris' } },
              { name: 'get_weather', arguments: { city: 'Oslo' } },
            ],
          },
        });
        const m = model(s.endpoint);
        const r1 = await m.chat('Weather in Paris and Oslo?', { tools: [weatherTool] });
        equal(r1.toolCalls.length, 2);
        const results = r1.toolCalls.map((/** @type {any} */ c, /** @type {number} */ i) => ({
          role: 'tool',
          toolCallId: c.id,
          content: ['18°C', '5°C'][i],
        }));
        const r2 = await m.chat([...r1.messages, ...results], { tools: [weatherTool] });
        assert(/18°C/.test(r2.text) && /5°C/.test(r2.text), r2.text);
        const sent = (await body(s)).messages;
        deepEqual(
          sent.map((/** @type {any} */ t) => t.role),
          ['user', 'assistant', 'user'],
        );
        deepEqual(
          sent[2].content.map((/** @type {any} */ b) => b.tool_use_id),
          r1.toolCalls.map((/** @type {any} */ c) => c.id),
        );
      },
    ],
    [
      'anthropic: image parts: mediaType overrides the data URL type; other image types are refused',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const image = (/** @type {string} */ url, /** @type {string} */ mediaType) => [
          { role: 'user', content: [{ type: 'image', url, mediaType }] },
        ];
        await m.chat(image('data:application/octet-stream;base64,AAAA', 'image/webp'));
        deepEqual((await body(s)).messages[0].content[0].source, {
          type: 'base64',
          media_type: 'image/webp',
          data: 'AAAA',
        });
        const err = await rejects(
          m.chat(image('data:image/svg+xml;base64,PHN2Zz4=')),
          named('InvalidRequestError'),
        );
        assert(/image\/svg\+xml/.test(err.message) && /image\/png/.test(err.message), err.message);
        equal((await s.requests()).length, 1, 'nothing sent for the refused image');
      },
    ],
    [
      'anthropic: ANTHROPIC_API_KEY from the env option is sent to api.anthropic.com as x-api-key',
      async () => {
        const s = await scenario({ requireAuth: true });
        /** @type {typeof fetch} */
        const toEmulator = (input, init) =>
          fetch(String(input).replace('https://api.anthropic.com', s.endpoint), init);
        const direct = new AnthropicModel({
          env: { ANTHROPIC_API_KEY: ' sk-ant-from-env ' },
          cache: false,
          fetch: toEmulator,
          dangerouslyAllowBrowser: true,
        });
        equal((await direct.chat('hi')).text, 'Echo: hi');
        equal((await s.requests())[0].headers['x-api-key'], 'sk-ant-from-env', 'trimmed');
      },
    ],
    [
      'anthropic: a key the server quotes in its 401 never reaches the error, warnings or console',
      async () => {
        const key = `bad-key-sk-ant-api03-${Math.random().toString(36).slice(2)}`;
        const s = await scenario({ echoKey: true });
        // The emulator really quotes the key, so the checks below can fail.
        const raw = await fetch(`${s.endpoint}/v1/messages`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' },
          body: '{}',
        });
        assert((await raw.text()).includes(key), 'the 401 quotes the key');
        /** @type {string[]} */
        const seen = [];
        const methods = /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug']);
        const saved = methods.map((k) => console[k]);
        for (const k of methods)
          console[k] = (...args) => void seen.push(args.map(String).join(' '));
        let err;
        try {
          err = await rejects(
            model(s.endpoint, {
              apiKey: key,
              onWarning: (/** @type {string} */ w) => seen.push(w),
            }).chat('hi', { seed: 1 }),
            named('AuthenticationError'),
          );
        } finally {
          methods.forEach((k, i) => (console[k] = saved[i]));
        }
        equal(err.errorType, 'authentication_error');
        assert(err.responseBody.includes('invalid x-api-key: [redacted]'), err.responseBody);
        for (const [where, text] of Object.entries({
          message: err.message,
          string: String(err),
          stack: String(err.stack),
          responseBody: err.responseBody,
          json: JSON.stringify(err),
          headers: JSON.stringify(err.responseHeaders),
          logged: seen.join('\n'),
        }))
          assert(!text.includes(key) && !text.includes(key.slice(8)), `the key is in ${where}`);
      },
    ],
  ];
}
