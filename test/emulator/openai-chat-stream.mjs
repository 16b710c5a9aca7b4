// The streamed form of a chat completion (CreateChatCompletionStreamResponse in
// /work/shared/specs/openai-openapi.yaml), with the shapes real servers send that the spec does not
// show, each chosen by a `reply` option of the scenario:
//   noDone          no `data: [DONE]` at the end (ik_llama.cpp, mlc-llm, text-generation-webui)
//   noUsage         no usage chunk although include_usage was asked (servers that ignore it)
//   noToolCallIds   tool calls without `id` (llama.cpp before ggml-org/llama.cpp#12292)
//   objectArguments a function call's arguments as one JSON object (llama-server --tool-args-object)
//   sameToolIndex   every tool call at `index: 0`, each with its own id (llama.cpp b7622, vLLM)
import { SYSTEM_FINGERPRINT, streamPieces } from './openai-common.mjs';

export const sse = (obj) => `data: ${JSON.stringify(obj)}\n\n`;
export const DONE = 'data: [DONE]\n\n';

/**
 * The deltas of one tool call. A custom tool's call streams as gpt-5.5 sends it
 * (Oaklight/llm-rosetta#489, openai/openai-openapi#576): `{ index, id, type: 'custom', custom:
 * { name, input: '' } }`, then `{ index, id: null, type: null, function: null, custom: { input } }`.
 */
function toolCallDeltas(call, index, reply) {
  const id = reply.noToolCallIds ? {} : { id: call.id };
  if (call.custom) {
    const head = { index, ...id, type: 'custom', custom: { name: call.custom.name, input: '' } };
    const more = (input) => ({ index, id: null, type: null, function: null, custom: { input } });
    return [head, ...streamPieces(call.custom.input).map(more)];
  }
  const { name, arguments: args } = call.function;
  if (typeof args !== 'string')
    return [{ index, ...id, type: 'function', function: { name, arguments: args } }];
  return [
    { index, ...id, type: 'function', function: { name, arguments: '' } },
    ...streamPieces(args).map((piece) => ({ index, function: { arguments: piece } })),
  ];
}

/** OpenAI chat SSE: role chunk, delta chunks, finish chunk per choice; usage chunk; [DONE]. */
export function chatStream(head, choices, usage, b, reply) {
  const includeUsage = b.stream_options?.include_usage === true && !reply.noUsage;
  const reasoningField = reply.reasoningField ?? 'reasoning_content';
  const base = {
    id: head.id,
    object: 'chat.completion.chunk',
    created: head.created,
    model: head.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
  const chunk = (index, delta, finish = null) =>
    sse({
      ...base,
      choices: [{ index, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const frames = [];
  for (const c of choices) {
    const m = c.message;
    frames.push(
      chunk(c.index, { role: 'assistant', content: m.tool_calls ? null : '', refusal: null }),
    );
    if (typeof m[reasoningField] === 'string') {
      for (const piece of streamPieces(m[reasoningField]))
        frames.push(chunk(c.index, { [reasoningField]: piece }));
    }
    if (m.tool_calls) {
      m.tool_calls.forEach((call, j) => {
        const index = reply.sameToolIndex ? 0 : j;
        for (const delta of toolCallDeltas(call, index, reply))
          frames.push(chunk(c.index, { tool_calls: [delta] }));
      });
    } else if (m.refusal) {
      for (const piece of streamPieces(m.refusal)) frames.push(chunk(c.index, { refusal: piece }));
    } else {
      for (const piece of streamPieces(m.content)) frames.push(chunk(c.index, { content: piece }));
    }
    frames.push(chunk(c.index, {}, c.finish_reason));
  }
  if (includeUsage) frames.push(sse({ ...base, choices: [], usage }));
  if (!reply.noDone) frames.push(DONE);
  return frames;
}
