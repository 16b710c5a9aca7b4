import type { StreamReader } from '../../core/adapter.ts';
import type { SseEvent } from '../../core/sse-parser.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import { streamErrorEvent } from '../../core/stream-error-event.ts';

interface ToolCallSlot {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}
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
      tool_calls?: Array<{
        index?: number;
        id?: string;
        function?: { name?: string; arguments?: string };
      }>;
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
 * `[DONE]` came, or a finish reason and the usage did (servers that omit `[DONE]`).
 * @param provider - For errors.
 * @param url - The streamed URL, for errors.
 */
export function createOpenAIStreamReader(provider: string, url: string): StreamReader {
  const head: { id?: string; model?: string; created?: number; system_fingerprint?: string } = {};
  const choices: Choice[] = [];
  const calls: ToolCallSlot[][] = [];
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
          const slots = (calls[index] ??= []);
          const at = t.index ?? slots.length;
          let slot = slots[at];
          const fresh = !slot;
          slot ??= slots[at] = { id: '', type: 'function', function: { name: '', arguments: '' } };
          if (t.id) slot.id = t.id;
          if (t.function?.name) slot.function.name = t.function.name;
          const piece = t.function?.arguments ?? '';
          slot.function.arguments += piece;
          choice.message.tool_calls = slots;
          if (first && (fresh || piece)) {
            const { id, function: fn } = slot;
            emit({ type: 'tool-call-delta', id, name: fn.name, argumentsDelta: piece });
          }
        }
        if (c.finish_reason) choice.finish_reason = c.finish_reason;
      }
    },
    result() {
      const finished = choices[0]?.finish_reason != null && usage !== undefined;
      if (!done && !finished) return undefined;
      return { ...head, object: 'chat.completion', choices, usage: usage ?? null };
    },
  };
}
