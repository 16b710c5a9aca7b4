import type { ModelCall, StreamReader } from '../../core/adapter.ts';
import type { SseEvent } from '../../core/sse-parser.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import { streamErrorEvent } from '../../core/stream-error-event.ts';
import { addToolCallDelta, type ToolCallDelta, type ToolCallSlots } from './add-tool-call-delta.ts';

// The forced custom tool of a constraint (GRAMMAR_TOOL in prepare-openai-constraint.ts, not imported:
// that module would join the stream reader's chunk). Its input is the answer's text.
const GRAMMAR_TOOL = 'grammar_response';
interface Choice {
  index: number;
  message: { role: 'assistant'; content: string | null; [reasoning: string]: unknown };
  finish_reason: string | null;
}
interface Chunk {
  id?: string;
  model?: string;
  created?: number;
  system_fingerprint?: string;
  usage?: unknown;
  error?: unknown;
  choices?: Array<{
    index?: number;
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      reasoning?: string | null;
      refusal?: string | null;
      tool_calls?: ToolCallDelta[];
    };
    finish_reason?: string | null;
  }>;
}

/**
 * The JSON data of one stream event of the OpenAI family (Chat Completions and Responses).
 * @throws {@link InvalidResponseError} when it is not JSON.
 */
export function streamData<T>(event: SseEvent, provider: string, url: string): T {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    const detail = 'a stream event is not JSON';
    throw new InvalidResponseError({ provider, url, detail, body: event.data });
  }
}

/**
 * Reads a Chat Completions stream (`chat.completion.chunk` events, usage in a last chunk with
 * `stream_options.include_usage`, then `data: [DONE]`) into the `chat.completion` it stands for, as
 * openai-node's ChatCompletionStream accumulates it. Deltas are reported for the first choice only;
 * every choice is kept for `choices`. An event with `error` is the server failing mid-stream
 * (openai-node `core/streaming.js` throws on `data.error` too). The stream ended properly once
 * `[DONE]` came, or once the body ended cleanly after every started choice had its finish reason
 * (ik_llama.cpp, mlc-llm and text-generation-webui send no `[DONE]`, and servers that ignore
 * `include_usage` no usage). Custom tool calls stream as `custom: { name, input }`; with a
 * constraint, the forced grammar tool's input arrives as text deltas, as it ends up as the text.
 * @param provider - For errors.
 * @param url - The streamed URL, for errors.
 * @param call - The call streamed.
 */
export function createOpenAIStreamReader(
  provider: string,
  url: string,
  call?: ModelCall,
): StreamReader {
  const head: { id?: string; model?: string; created?: number; system_fingerprint?: string } = {};
  const choices: Choice[] = [];
  const calls: ToolCallSlots[] = [];
  let usage: unknown;
  let done = false;
  return {
    read(event, emit) {
      if (event.data === '[DONE]') return void (done = true);
      const chunk = streamData<Chunk>(event, provider, url);
      if (chunk.error) throw streamErrorEvent(provider, url, chunk.error);
      head.id ??= chunk.id;
      head.model ??= chunk.model;
      head.created ??= chunk.created;
      head.system_fingerprint ??= chunk.system_fingerprint;
      if (chunk.usage) usage = chunk.usage;
      for (const c of chunk.choices ?? []) {
        const index = c.index ?? 0;
        const choice = (choices[index] ??= {
          index,
          message: { role: 'assistant', content: null },
          finish_reason: null,
        });
        const d = c.delta ?? {};
        const first = index === 0;
        if (d.content) {
          choice.message.content = (choice.message.content ?? '') + d.content;
          if (first) emit({ type: 'text', delta: d.content });
        }
        // DeepSeek, xAI and older vLLM name it reasoning_content; vLLM >= 0.11 names it reasoning.
        const field = d.reasoning_content ? 'reasoning_content' : d.reasoning ? 'reasoning' : '';
        if (field) {
          const piece = d[field] as string;
          choice.message[field] = ((choice.message[field] as string | undefined) ?? '') + piece;
          if (first) emit({ type: 'thinking', delta: piece });
        }
        if (d.refusal)
          choice.message.refusal = ((choice.message.refusal as string) ?? '') + d.refusal;
        for (const t of d.tool_calls ?? []) {
          const slots = (calls[index] ??= { list: [], at: new Map() });
          const { slot, position, fresh, piece } = addToolCallDelta(slots, t);
          choice.message.tool_calls = slots.list;
          if (!first || !(fresh || piece)) continue;
          const fn = slot.type === 'custom' ? slot.custom : slot.function;
          if (call?.constraint && slot.type === 'custom' && fn.name === GRAMMAR_TOOL) {
            if (piece) emit({ type: 'text', delta: piece });
          } else {
            // A server that sent no id: readOpenAIToolCalls gives the call the same one.
            const id = slot.id || `call_${position}`;
            emit({ type: 'tool-call-delta', id, name: fn.name, argumentsDelta: piece });
          }
        }
        if (c.finish_reason) choice.finish_reason = c.finish_reason;
      }
    },
    result() {
      // Called once the body ended cleanly: a cut connection never gets here.
      const finished = choices.length > 0 && choices.every((c) => c.finish_reason != null);
      if (!done && !finished) return undefined;
      return { ...head, object: 'chat.completion', choices, usage: usage ?? null };
    },
  };
}
