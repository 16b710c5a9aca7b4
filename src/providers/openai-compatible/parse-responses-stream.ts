import type { StreamDelta, StreamReader } from '../../core/adapter.ts';
import { streamErrorEvent } from '../../core/stream-error-event.ts';
// The Chat Completions reader's module: sharing it keeps the chat stream's chunks as they were.
import { streamData } from './parse-openai-stream.ts';

interface Item {
  id?: string;
  type?: string;
  call_id?: string;
  name?: string;
}
interface Event {
  type?: string;
  delta?: string;
  item_id?: string;
  output_index?: number;
  summary_index?: number;
  content_index?: number;
  arguments?: string;
  input?: string;
  item?: Item;
  response?: { output?: unknown[]; error?: unknown; status?: string };
  code?: string | null;
  message?: string;
  error?: unknown;
}

/**
 * Reads a Responses API stream (`POST /v1/responses` with `stream: true`: `event: <type>` frames whose
 * data repeats the `type`, no `[DONE]`) into the Response it ends with, as openai-node's
 * ResponseStream does. Deltas: `response.output_text.delta` → text, `response.reasoning_summary_text
 * .delta` (and vLLM's `response.reasoning_text.delta`) → thinking, function call arguments and custom
 * tool call input → tool-call deltas named by their `response.output_item.added` item. The stream ended
 * properly with `response.completed` or `response.incomplete`, whose `response` is the body a whole
 * call gets; events after it (a proxy's `data: [DONE]`) are ignored. `response.failed` and `error` events (and a Chat-style `{ "error": … }` from a compatible
 * server) are the server failing mid-stream: a StreamError with the error's code.
 * Events: https://platform.openai.com/docs/api-reference/responses-streaming (ResponseStreamEvent in
 * openai-openapi.yaml: ResponseErrorEvent is `{ type: "error", code, message, param }`; the API
 * really sends `{ type: "error", error: { type, code, message, param } }`, and both are read).
 * @param provider - For errors.
 * @param url - The streamed URL, for errors.
 */
export function createResponsesStreamReader(provider: string, url: string): StreamReader {
  const items = new Map<string, Item>();
  const finished: unknown[] = [];
  let final: Event['response'] | undefined;
  // Summaries are joined with a blank line in `thinking` (parseResponsesResponse): so are the deltas.
  let thoughtAt: string | undefined;
  const deltaSeen = new Set<string>();
  const toolDelta = (e: Event, piece: string, emit: (d: StreamDelta) => void) => {
    const item = (e.item_id !== undefined && items.get(e.item_id)) || {};
    const id = item.call_id ?? e.item_id ?? '';
    emit({ type: 'tool-call-delta', id, name: item.name ?? '', argumentsDelta: piece });
  };
  return {
    read(event, emit) {
      // The answer is whole once response.completed or .incomplete came: what follows (a LiteLLM
      // proxy's `data: [DONE]`, BerriAI/litellm#34095) cannot change it. A `[DONE]` is no event of
      // this API anywhere (openai-node skips it too); without the final event the stream is cut.
      if (final || event.data.startsWith('[DONE]')) return;
      const e = streamData<Event>(event, provider, url);
      const type = e.type ?? event.event;
      switch (type) {
        case 'response.output_item.added':
          if (e.item?.id) items.set(e.item.id, e.item);
          return;
        case 'response.output_item.done':
          finished[e.output_index ?? finished.length] = e.item;
          return;
        case 'response.output_text.delta':
          if (e.delta) emit({ type: 'text', delta: e.delta });
          return;
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta': {
          if (!e.delta) return;
          const at = `${e.item_id}/${e.summary_index ?? e.content_index}`;
          if (thoughtAt !== undefined && thoughtAt !== at)
            emit({ type: 'thinking', delta: '\n\n' });
          thoughtAt = at;
          return emit({ type: 'thinking', delta: e.delta });
        }
        case 'response.function_call_arguments.delta':
        case 'response.custom_tool_call_input.delta':
          deltaSeen.add(e.item_id ?? '');
          return toolDelta(e, e.delta ?? '', emit);
        case 'response.function_call_arguments.done':
        case 'response.custom_tool_call_input.done':
          // A server that sends the arguments only whole still shows them as one delta.
          if (!deltaSeen.has(e.item_id ?? '')) toolDelta(e, e.arguments ?? e.input ?? '', emit);
          return;
        case 'response.completed':
        case 'response.incomplete':
          final = e.response;
          return;
        case 'response.failed':
          throw streamErrorEvent(
            provider,
            url,
            e.response?.error ?? { message: 'the response failed' },
          );
        case 'error':
          // OpenAI nests the failure (`{ type: "error", error: { type, code, message } }`), as
          // openai-dotnet#881 captured; the spec's flat form has `code` and `message` on the event,
          // whose own `type` ("error") names nothing.
          throw streamErrorEvent(
            provider,
            url,
            e.error ?? { code: e.code ?? undefined, message: e.message },
          );
        default:
          // Chat-style failure of a compatible server (openai-node throws on `data.error` too).
          if (e.error) throw streamErrorEvent(provider, url, e.error);
      }
    },
    result() {
      if (!final) return undefined;
      // Servers that leave `output` out of the final event still sent each item when it was done.
      return final.output?.length || !finished.length ? final : { ...final, output: finished };
    },
  };
}
