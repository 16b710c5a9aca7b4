// Anthropic routes: POST /v1/messages (non-streaming), faithful to the Messages API: `msg_…` ids,
// content blocks (text, thinking with signatures, redacted_thinking, tool_use), stop_reason, usage
// with the prompt-cache fields, and the real API's 400s for the request mistakes an SDK can make
// (see anthropic-validate.mjs). Error bodies, auth (x-api-key, anthropic-version, CORS opt-in) and
// 529 overloaded_error come from the `dialect` in anthropic-common.mjs.
//
// Scenario `reply` overrides: { text, thinking, redactedThinking: true, toolCalls: [{ id?, name,
// arguments }], stopReason, model, usage }. toolCalls are answered only when the request has tools and
// no tool result was sent yet, so a scenario can run a whole tool round trip and continue after it.
// Real-world shapes: `stopReason: 'refusal'` with `text: ''` has no content (the classifiers stopped
// Claude before any text); `serverTool: { name, input, results }` answers with a server_tool_use and
// a web_search_tool_result block before the text (only when the request declares that server tool);
// `citations: [...]` cite the text block (streamed as citations_delta); a stream's `streamTail` (raw
// frames, e.g. a proxy's `data: [DONE]`) follows message_stop, and `holdOpen` keeps the connection
// open after the last frame, as some proxies do.
import { createHash } from 'node:crypto';
import { dialect, redactedData, signThinking } from './anthropic-common.mjs';
import { messageStream } from './anthropic-stream.mjs';
import { validateMessagesRequest } from './anthropic-validate.mjs';
import { jsonFromSchema } from './json-from-schema.mjs';
import {
  contentText,
  countWords,
  isObject,
  randomId,
  stableId,
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

/**
 * The server tool's blocks (a search and its results) when the scenario scripts one and the request
 * declares it (a typed tool of that name), as the Messages API answers a web search.
 */
function serverToolBlocks(b, reply) {
  const tool = reply.serverTool;
  const tools = Array.isArray(b.tools) ? b.tools : [];
  if (!isObject(tool) || !tools.some((t) => t.type && t.name === tool.name)) return [];
  const id = stableId('srvtoolu_', tool.name, JSON.stringify(tool.input ?? {}));
  return [
    { type: 'server_tool_use', id, name: tool.name, input: tool.input ?? {} },
    { type: 'web_search_tool_result', tool_use_id: id, content: tool.results ?? [] },
  ];
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
  content.push(...serverToolBlocks(b, reply));
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
  const refusedEarly = reply.stopReason === 'refusal' && text === '';
  const citations = Array.isArray(reply.citations) ? { citations: reply.citations } : {};
  if ((!uses.length || reply.text) && !refusedEarly)
    content.push({ type: 'text', text, ...citations });
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
  if (b.stream !== true) return { json: message };
  const tail = Array.isArray(reply.streamTail) ? reply.streamTail : [];
  return { sse: [...messageStream(message), ...tail], holdOpen: reply.holdOpen === true };
}

export const routes = [
  { method: 'POST', match: (p) => p === '/v1/messages', dialect, handle: messages },
];
