// stream() for every provider against the emulator, which streams each wire format (Chat Completions
// SSE with the usage chunk and [DONE]; Messages API events with ping, thinking and signature deltas;
// streamGenerateContent?alt=sse with thought parts and signatures): the deltas add up to the answer,
// and the final response is what chat() returns for the same answer.
import { assert, deepEqual, equal } from './assert.mjs';
import { scenario, uniquePrompt } from './emulator-client.mjs';
import { KEY } from './openai-fixture.mjs';

const tool = {
  name: 'lookup',
  description: 'Looks a word up',
  parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
};

/** Reads a stream to its end: the events, and what the deltas add up to. */
export async function drain(/** @type {AsyncIterable<any>} */ stream) {
  const events = [];
  for await (const event of stream) events.push(event);
  const joined = (/** @type {string} */ type) =>
    events
      .filter((e) => e.type === type)
      .map((e) => e.delta)
      .join('');
  return { events, text: joined('text'), thinking: joined('thinking') };
}

/** A result without what differs between two requests for the same answer. */
// Each request has its own id, rate-limit snapshot and latency: compared apart (see perRequest).
const comparable = (/** @type {any} */ r) => {
  const {
    id: _id,
    raw: _raw,
    cached: _cached,
    rateLimit: _rateLimit,
    requestId: _requestId,
    latencyMs: _latencyMs,
    ...rest
  } = r;
  return rest;
};

/** A streamed answer reports what a whole call's does about its request. */
const perRequest = (/** @type {any} */ streamed, /** @type {any} */ whole) => {
  assert(typeof streamed.latencyMs === 'number' && streamed.latencyMs >= 0, 'latencyMs');
  equal(typeof streamed.requestId, typeof whole.requestId, 'requestId as on a whole call');
  deepEqual(Object.keys(streamed.rateLimit ?? {}), Object.keys(whole.rateLimit ?? {}), 'rateLimit');
};

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function streamCases({ sdk, emulatorUrl }) {
  const models = {
    openai: (/** @type {string} */ endpoint) =>
      new sdk.openai.OpenAIModel({ model: 'gpt-4o', endpoint, apiKey: KEY, cache: false }),
    xai: (/** @type {string} */ endpoint) =>
      new sdk.xai.GrokModel({ model: 'grok-4', endpoint, apiKey: KEY, cache: false }),
    vllm: (/** @type {string} */ endpoint) =>
      new sdk.vllm.VLLMModel({ model: 'qwen3', endpoint, cache: false }),
    anthropic: (/** @type {string} */ endpoint) =>
      new sdk.anthropic.AnthropicModel({
        model: 'claude-sonnet-4-5',
        endpoint,
        apiKey: 'k',
        cache: false,
        dangerouslyAllowBrowser: true,
      }),
    gemini: (/** @type {string} */ endpoint) =>
      new sdk.google.GoogleModel({
        model: 'gemini-3-pro-preview',
        endpoint,
        apiKey: 'k',
        cache: false,
      }),
    vertex: (/** @type {string} */ endpoint) =>
      new sdk.google.GoogleModel({
        model: 'gemini-2.5-flash',
        endpoint,
        apiKey: 'k',
        cache: false,
        vertex: true,
        projectId: 'proj-1',
        location: 'us-central1',
      }),
  };
  /** @type {Record<string, Record<string, unknown>>} */
  const thinking = {
    openai: {},
    xai: {},
    vllm: {},
    anthropic: { thinking: { type: 'enabled', budgetTokens: 1024 }, maxTokens: 2048 },
    gemini: { thinking: { level: 'low' } },
    vertex: { thinking: { type: 'enabled', budgetTokens: 512 } },
  };
  const reply = {
    reasoning: 'Thinking it over, step by step.',
    toolCalls: [
      { name: 'lookup', arguments: { q: 'streaming answers' }, args: { q: 'streaming answers' } },
    ],
  };

  return Object.entries(models).flatMap(([name, make]) => [
    /** @type {[string, () => Promise<void>]} */ ([
      `stream ${name}: text and thinking deltas add up to the answer, which equals chat's`,
      async () => {
        const s = await scenario(emulatorUrl, {
          reply: { reasoning: reply.reasoning },
          requireAuth: name !== 'vllm',
        });
        const model = make(s.endpoint);
        const prompt = uniquePrompt('tell me about streaming answers and their parts');
        const stream = model.stream(prompt, thinking[name]);
        const { events, text, thinking: thought } = await drain(stream);
        const finish = events.at(-1);
        equal(finish.type, 'finish', 'finish comes last');
        equal(events.filter((e) => e.type === 'finish').length, 1, 'one finish');
        const response = await stream.response;
        equal(finish.response, response, 'finish carries the response');
        assert(events.filter((e) => e.type === 'text').length > 3, 'the text came in pieces');
        equal(text, response.text, 'text deltas');
        {
          assert(thought.length > 0, 'thinking deltas');
          equal(thought, response.thinking, 'thinking deltas add up');
        }
        equal(response.cached, false);
        const chat = await model.chat(prompt, thinking[name]);
        deepEqual(comparable(response), comparable(chat), 'the response equals chat');
        perRequest(response, chat);
        const [sent] = await s.requests();
        const streamFlag =
          name === 'gemini' || name === 'vertex'
            ? /:streamGenerateContent\?alt=sse$/.test(sent.path)
            : sent.body.stream === true;
        assert(streamFlag, `asked for a stream: ${sent.path}`);
        if (['openai', 'xai', 'vllm'].includes(name))
          deepEqual(sent.body.stream_options, { include_usage: true }, 'usage asked for');
        assert(response.usage.outputTokens > 0, 'usage is exact');
        equal(response.usage.outputTokens, chat.usage.outputTokens, 'the same usage as chat');
      },
    ]),
    /** @type {[string, () => Promise<void>]} */ ([
      `stream ${name}: tool calls arrive as argument deltas, then whole, as chat returns them`,
      async () => {
        const s = await scenario(emulatorUrl, { reply, requireAuth: name !== 'vllm' });
        const model = make(s.endpoint);
        const stream = model.stream('look it up', { tools: [tool] });
        const { events } = await drain(stream);
        const response = await stream.response;
        const deltas = events.filter((e) => e.type === 'tool-call-delta');
        const calls = events.filter((e) => e.type === 'tool-call').map((e) => e.toolCall);
        assert(deltas.length > 0, 'argument deltas');
        const call = response.toolCalls?.[0];
        assert(call, 'a tool call');
        equal(deltas[0].name, 'lookup', 'the first delta names the call');
        assert(
          deltas.every((d) => d.id === call.id),
          'deltas carry the call id',
        );
        deepEqual(JSON.parse(deltas.map((d) => d.argumentsDelta).join('')), {
          q: 'streaming answers',
        });
        deepEqual(calls, response.toolCalls, 'tool-call events are the response tool calls');
        assert(
          events.indexOf(events.find((e) => e.type === 'tool-call')) < events.length - 1,
          'before finish',
        );
        equal(response.finishReason, 'tool_calls');
        const chat = await model.chat('look it up', { tools: [tool] });
        // Gemini sends no call ids: they are derived from each answer's responseId, so two answers'
        // ids differ (the stream's deltas carry its own ids, checked above).
        const sameIds = (/** @type {any} */ r) =>
          name === 'gemini' || name === 'vertex'
            ? JSON.parse(JSON.stringify(comparable(r)).replaceAll(call.id, chat.toolCalls[0].id))
            : comparable(r);
        deepEqual(sameIds(response), comparable(chat), 'the response equals chat');
      },
    ]),
  ]);
}
