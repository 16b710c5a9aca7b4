// AnthropicModel against real-world Messages API shapes the loopback emulator sends on request
// (test/emulator/anthropic.mjs scenario options): refusals, proxy stream endings (`data: [DONE]`, a
// body held open after message_stop), streamed server tools and citations, and the pass-through
// `max_tokens` and `top_p`. Runtime-neutral: runs in all five runtimes.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { anthropicFixture } from './anthropic-fixture.mjs';
import { named, personJsonSchema, personSchema, weatherTool } from './fixtures.mjs';

/** A stream's events and its finish response. */
async function drain(stream) {
  const events = [];
  for await (const e of stream) events.push(e);
  return { events, response: events.find((e) => e.type === 'finish')?.response };
}

const webSearch = { type: 'web_search_20250305', name: 'web_search', max_uses: 1 };
const citation = {
  type: 'web_search_result_location',
  cited_text: 'Claude Elwood Shannon (April 30, 1916 - February 24, 2001)',
  url: 'https://en.wikipedia.org/wiki/Claude_Shannon',
  title: 'Claude Shannon',
  encrypted_index: 'Eo8BCioIAhgB',
};

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function anthropicWireCases(env) {
  const { memoryStore } = env.sdk.cache;
  const { scenario, model } = anthropicFixture(env);
  return [
    [
      'anthropic: a refusal is a ContentFilterError (whole, streamed, object()), never cached or repaired',
      async () => {
        for (const text of ['', 'I can start, but']) {
          const s = await scenario({ reply: { stopReason: 'refusal', text } });
          const store = memoryStore();
          const m = model(s.endpoint, { cache: store });
          for (const attempt of [1, 2]) {
            const e = await rejects(m.chat('same prompt'), named('ContentFilterError'), text);
            equal(e.reason, 'refusal', `reason #${attempt}`);
            equal(e.blockedBy, 'response', `blockedBy #${attempt}`);
          }
          await rejects(drain(m.stream('same prompt')), named('ContentFilterError'), 'stream');
          equal((await s.requests()).length, 3, 'every call was sent');
          const o = m.object('A person', { schema: personSchema, jsonSchema: personJsonSchema });
          await rejects(o, named('ContentFilterError'), 'object()');
          equal((await s.requests()).length, 4, 'object() sent no repair round');
          equal((await store.keys()).length, 0, 'nothing cached');
        }
      },
    ],
    [
      'anthropic: a stream ends at message_stop, whatever a proxy sends after it ([DONE], event: done)',
      async () => {
        const tails = [
          ['event: done\ndata: [DONE]\n\n'],
          ['data: [DONE]\n\n'],
          ['event: message_stop\ndata: not json\n\n', 'event: content_block_delta\ndata: {}\n\n'],
        ];
        for (const streamTail of tails) {
          const s = await scenario({ reply: { text: 'Hello there!', streamTail } });
          const store = memoryStore();
          const { response } = await drain(model(s.endpoint, { cache: store }).stream('hi'));
          equal(response.text, 'Hello there!', JSON.stringify(streamTail));
          equal((await store.keys()).length, 1, 'the finished answer is cached');
        }
      },
    ],
    [
      'anthropic: a stream held open after message_stop finishes at message_stop',
      async () => {
        const s = await scenario({ reply: { text: 'Hello there!', holdOpen: true } });
        const started = Date.now();
        const { response } = await drain(model(s.endpoint).stream('hi', { idleTimeout: 3000 }));
        equal(response.text, 'Hello there!');
        assert(Date.now() - started < 2500, `finished in ${Date.now() - started} ms`);
        const r = await model(s.endpoint).chat('hi', { idleTimeout: 3000 });
        equal(r.text, 'Hello there!', 'a whole answer is not held');
      },
    ],
    [
      'anthropic: a streamed server tool sends no tool-call events; citations stream into raw',
      async () => {
        const serverTool = {
          name: 'web_search',
          input: { query: 'Claude Shannon birth date' },
          results: [
            {
              type: 'web_search_result',
              title: 'Claude Shannon',
              url: citation.url,
              encrypted_content: 'Ev0DCioIAxgC',
              page_age: null,
            },
          ],
        };
        const reply = {
          text: 'Shannon was born on April 30, 1916.',
          serverTool,
          citations: [citation],
        };
        const s = await scenario({ reply });
        const m = model(s.endpoint);
        const { events, response } = await drain(m.stream('When?', { tools: [webSearch] }));
        const kinds = events.map((e) => e.type);
        assert(!kinds.some((k) => k.startsWith('tool-call')), kinds.join(' '));
        equal(response.toolCalls, undefined, 'no client tool call');
        equal(response.text, reply.text);
        const whole = await m.chat('When?', { tools: [webSearch] });
        deepEqual(response.raw.content, whole.raw.content, 'the stream rebuilds the whole answer');
        deepEqual(response.raw.content.at(-1).citations, [citation], 'citations kept');
        equal(response.raw.content[0].input.query, serverTool.input.query, 'server tool input');
      },
    ],
    [
      'anthropic: a pass-through max_tokens stands for maxTokens (budget checks too); maxTokens replacing it is a warning',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint);
        const r1 = await m.chat('hi', { max_tokens: 500 });
        equal(r1.warnings, undefined, 'no warning');
        const r2 = await m.chat('hi', { max_tokens: 500, maxTokens: 300 });
        assert(/max_tokens 500 was not sent: maxTokens 300/.test(r2.warnings?.join()), r2.warnings);
        const thinking = { type: 'enabled', budgetTokens: 2048 };
        const high = await rejects(
          m.chat('hi', { max_tokens: 1500, thinking }),
          named('InvalidRequestError'),
        );
        assert(/between 1024 and 1499/.test(high.message), high.message);
        const sent = (await s.requests()).map((q) => q.body);
        equal(sent.length, 2, 'the budget check refused the third call before sending');
        equal(sent[0].max_tokens, 500);
        equal(sent[1].max_tokens, 300);
      },
    ],
    [
      'anthropic: a pass-through top_p takes part in the temperature/top_p rule as topP does',
      async () => {
        const s = await scenario();
        const m = model(s.endpoint, { model: 'claude-sonnet-4-6' });
        const r = await m.chat('hi', { temperature: 0.2, top_p: 0.9 });
        assert(/refuses temperature and top_p together/.test(r.warnings?.join()), r.warnings);
        await m.chat('hi', { top_p: 0.9 });
        const [both, alone] = (await s.requests()).map((q) => q.body);
        equal(both.temperature, 0.2);
        equal(both.top_p, undefined, 'top_p left out');
        equal(alone.top_p, 0.9, 'top_p alone is sent');
      },
    ],
    [
      'anthropic: portable tools beside Anthropic tools are converted one by one; { name, input_schema } is sent as is',
      async () => {
        const s = await scenario({
          reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
        });
        const m = model(s.endpoint);
        const r = await m.chat('Weather in Paris?', { tools: [weatherTool, webSearch] });
        deepEqual(
          r.toolCalls?.map((c) => c.name),
          ['get_weather'],
          'the portable tool was called',
        );
        const documented = {
          name: 'get_weather',
          description: weatherTool.description,
          input_schema: weatherTool.parameters,
        };
        await m.chat('Weather in Paris?', { tools: [documented] });
        const [mixed, docs] = (await s.requests()).map((q) => q.body.tools);
        deepEqual(mixed, [documented, webSearch], 'converted in place, the native item verbatim');
        deepEqual(docs, [documented], "Anthropic's documented shape, verbatim");
        const e = await rejects(
          m.chat('hi', { tools: [{ name: 'x', parameters: 'nope' }, webSearch] }),
          named('InvalidRequestError'),
        );
        assert(/Tool x needs `parameters`/.test(e.message), e.message);
        equal((await s.requests()).length, 2, 'the bad portable item was refused before sending');
      },
    ],
  ];
}
