// Anthropic routes: POST /v1/messages (non-streaming), faithful to the Messages API: `msg_…` ids,
// content blocks (text, thinking with signatures, redacted_thinking, tool_use), stop_reason, usage
// with the prompt-cache fields, and the real API's 400s for the request mistakes an SDK can make
// (see anthropic-validate.mjs). Error bodies, auth (x-api-key, anthropic-version, CORS opt-in) and
// 529 overloaded_error come from the `dialect` in anthropic-common.mjs.
//
// Scenario `reply` overrides: { text, thinking, redactedThinking: true, toolCalls: [{ id?, name,
// arguments }], stopReason, model, usage }. toolCalls are answered only when the request has tools and
// no tool result was sent yet, so a scenario can run a whole tool round trip and continue after it.
import { createHash } from 'node:crypto';
import { dialect, redactedData, signThinking } from './anthropic-common.mjs';
import { validateMessagesRequest } from './anthropic-validate.mjs';
import { jsonFromSchema } from './json-from-schema.mjs';
import {
  contentText,
  countWords,
  isObject,
  randomId,
  stableId,
  streamPieces,
  truncateWords,
} from './openai-common.mjs';

export { dialect };

// Prompt-cache prefixes seen, per scenario: the first request writes the cache, later ones read it.
const cachedPrefixes = new Map();

const blocksOf = (m) =>
  typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;
const textOf = (blocks) =>
  contentText(
    blocks
      .filter((x) => x.type === 'text' || x.type === 'tool_result')
      .map((x) => (x.type === 'tool_result' ? { text: contentText(x.content) } : x)),
  );

/**
 * Prompt pieces in cache order (tools, system, messages), each with its words, breakpoint mark and
 * the mark's lifetime.
 */
function promptParts(b) {
  const piece = (x, words) => {
    const { cache_control: mark, ...rest } = isObject(x) ? x : { text: x };
    return { words, mark: !!mark, oneHour: mark?.ttl === '1h', key: JSON.stringify(rest) };
  };
  const system = Array.isArray(b.system) ? b.system : b.system ? [b.system] : [];
  return [
    ...(Array.isArray(b.tools) ? b.tools : []).map((t) => piece(t, countWords(JSON.stringify(t)))),
    ...system.map((x) => piece(x, countWords(typeof x === 'string' ? x : x.text))),
    ...b.messages.flatMap((m) =>
      blocksOf(m).map((x) => piece(x, countWords(x.text ?? JSON.stringify(x)))),
    ),
  ];
}

/**
 * Splits input tokens into uncached, cache-read and cache-write, as the real API reports them; a
 * write is 1-hour for the pieces up to a 1-hour breakpoint (`cache_creation.ephemeral_1h_…`).
 */
function cacheUsage(b, ctx) {
  const parts = promptParts(b);
  const total = parts.reduce((n, p) => n + p.words, 0);
  const last = parts.map((p) => p.mark).lastIndexOf(true);
  if (last < 0) return { input: total, read: 0, write: 0, write1h: 0 };
  const prefix = parts.slice(0, last + 1);
  const words = prefix.reduce((n, p) => n + p.words, 0);
  const key = createHash('sha256')
    .update(JSON.stringify([b.model, prefix.map((p) => p.key)]))
    .digest('hex');
  const seen = cachedPrefixes.get(ctx.scenario.id) ?? new Set();
  cachedPrefixes.set(ctx.scenario.id, seen);
  const hit = seen.has(key);
  seen.add(key);
  const oneHour = prefix.reduce(
    (n, p, i) => n + (prefix.slice(i).find((q) => q.mark)?.oneHour ? p.words : 0),
    0,
  );
  return {
    input: total - words,
    read: hit ? words : 0,
    write: hit ? 0 : words,
    write1h: hit ? 0 : oneHour,
  };
}

function toolUses(b, reply) {
  const tools = Array.isArray(b.tools) ? b.tools : [];
  const choice = b.tool_choice?.type;
  // A forced choice always answers with a tool_use block, as the Messages API does: `tool` the
  // named tool, `any` the scenario's calls when it scripts some, else the first tool.
  const forced =
    choice === 'tool'
      ? tools.find((t) => t.name === b.tool_choice.name)
      : choice === 'any' && !Array.isArray(reply.toolCalls)
        ? tools[0]
        : undefined;
  if (forced)
    return [
      {
        type: 'tool_use',
        id: stableId('toolu_', forced.name, 0),
        name: forced.name,
        input: jsonFromSchema(forced.input_schema ?? {}),
      },
    ];
  // One tool round per conversation: once a tool result was sent, the model answers in text.
  const answered = b.messages.some((m) => blocksOf(m).some((x) => x.type === 'tool_result'));
  if (
    !tools.length ||
    !Array.isArray(reply.toolCalls) ||
    (answered && choice !== 'any') ||
    choice === 'none'
  )
    return [];
  return reply.toolCalls.map((tc, i) => ({
    type: 'tool_use',
    id: tc.id ?? stableId('toolu_', tc.name, JSON.stringify(tc.arguments ?? {}), i),
    name: tc.name,
    input: typeof tc.arguments === 'string' ? JSON.parse(tc.arguments) : (tc.arguments ?? {}),
  }));
}

export function messages(ctx) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  const invalid = validateMessagesRequest(b, ctx);
  if (invalid) return invalid;
  const lastUser = [...b.messages].reverse().find((m) => m.role === 'user') ?? { content: '' };
  const lastText = textOf(blocksOf(lastUser));
  const content = [];
  const thinkingOn = b.thinking?.type === 'enabled' || b.thinking?.type === 'adaptive';
  if (thinkingOn) {
    const thought = reply.thinking ?? `The user wrote: ${lastText}`;
    content.push({ type: 'thinking', thinking: thought, signature: signThinking(thought) });
    if (reply.redactedThinking)
      content.push({ type: 'redacted_thinking', data: redactedData(lastText) });
  }
  const uses = toolUses(b, reply);
  const format = b.output_config?.format;
  let text =
    reply.text ??
    (isObject(format) && format.type === 'json_schema'
      ? JSON.stringify(jsonFromSchema(format.schema))
      : `Echo: ${lastText}`);
  let stop = uses.length ? 'tool_use' : 'end_turn';
  let stopSequence = null;
  for (const s of Array.isArray(b.stop_sequences) ? b.stop_sequences : []) {
    const at = text.indexOf(s);
    if (at >= 0) [text, stop, stopSequence] = [text.slice(0, at), 'stop_sequence', s];
  }
  if (!uses.length && countWords(text) > b.max_tokens)
    [text, stop] = [truncateWords(text, b.max_tokens), 'max_tokens'];
  if (!uses.length || reply.text) content.push({ type: 'text', text });
  content.push(...uses);
  const cache = cacheUsage(b, ctx);
  const output = content.reduce(
    (n, x) => n + countWords(x.text ?? x.thinking ?? JSON.stringify(x.input ?? '')),
    0,
  );
  const usage = {
    input_tokens: cache.input,
    cache_creation_input_tokens: cache.write,
    cache_read_input_tokens: cache.read,
    cache_creation: {
      ephemeral_5m_input_tokens: cache.write - cache.write1h,
      ephemeral_1h_input_tokens: cache.write1h,
    },
    output_tokens: output,
    service_tier: 'standard',
    ...reply.usage,
  };
  const message = {
    id: randomId('msg_01', 22),
    type: 'message',
    role: 'assistant',
    model: reply.model ?? b.model,
    content,
    stop_reason: reply.stopReason ?? stop,
    stop_sequence: stopSequence,
    usage,
  };
  return b.stream === true ? { sse: messageStream(message) } : { json: message };
}

const event = (type, data) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/**
 * A Message as the streaming Messages API sends it (docs "Streaming Messages"): message_start with
 * empty content and the input usage, a ping, per block content_block_start (empty text, thinking with
 * an empty signature, tool_use with `{}` input, redacted_thinking whole), its deltas (text, thinking,
 * then the signature; tool input as partial JSON) and content_block_stop, then message_delta with the
 * stop reason and output tokens, and message_stop.
 */
function messageStream(message) {
  const { content, stop_reason, stop_sequence, usage, ...head } = message;
  const frames = [
    event('message_start', {
      message: {
        ...head,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
    event('ping', {}),
  ];
  content.forEach((block, index) => {
    const delta = (d) => frames.push(event('content_block_delta', { index, delta: d }));
    const start = (b) => frames.push(event('content_block_start', { index, content_block: b }));
    if (block.type === 'text') {
      start({ type: 'text', text: '' });
      for (const text of streamPieces(block.text)) delta({ type: 'text_delta', text });
    } else if (block.type === 'thinking') {
      start({ type: 'thinking', thinking: '', signature: '' });
      for (const thinking of streamPieces(block.thinking))
        delta({ type: 'thinking_delta', thinking });
      delta({ type: 'signature_delta', signature: block.signature });
    } else if (block.type === 'tool_use') {
      start({ ...block, input: {} });
      for (const json of streamPieces(JSON.stringify(block.input)))
        delta({ type: 'input_json_delta', partial_json: json });
    } else start(block);
    frames.push(event('content_block_stop', { index }));
  });
  frames.push(
    event('message_delta', {
      delta: { stop_reason, stop_sequence },
      usage: { output_tokens: usage.output_tokens },
    }),
    event('message_stop', {}),
  );
  return frames;
}

export const routes = [
  { method: 'POST', match: (p) => p === '/v1/messages', dialect, handle: messages },
];
