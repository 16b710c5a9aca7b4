import type { StreamReader } from '../../core/adapter.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import { streamErrorEvent } from '../../core/stream-error-event.ts';

type Block = Record<string, unknown> & { type: string };
interface Event {
  type?: string;
  index?: number;
  message?: Record<string, unknown> & { usage?: Record<string, unknown> };
  content_block?: Block;
  delta?: Record<string, unknown> & { type?: string };
  usage?: Record<string, unknown>;
  error?: unknown;
}

/**
 * Reads a Messages API stream (`message_start`, `content_block_start`/`_delta`/`_stop`,
 * `message_delta`, `message_stop`, `ping`, `error`) into the Message it stands for, as
 * `@anthropic-ai/sdk` `lib/MessageStream.js` accumulates it: text, thinking and signature deltas
 * appended to their blocks, `citations_delta` added to the block's citations, `input_json_delta`
 * collected and parsed at the block's end (only a client `tool_use` block's is emitted, as tool-call
 * deltas), and `message_delta`'s stop reason and usage laid over `message_start`'s. Unknown events
 * are skipped, as Anthropic's versioning policy asks, and so is a proxy's `event: done` or
 * `data: [DONE]`. The answer is whole at `message_stop`: the reader reports it finished then, and
 * ignores anything after it (the connection need not close).
 * @param url - The streamed URL, for errors.
 * @param answerTool - In tool structured-output mode, the tool whose input is the answer: its JSON
 *   arrives as text deltas, not as a tool call.
 */
export function createAnthropicStreamReader(url: string, answerTool?: string): StreamReader {
  let message: (Record<string, unknown> & { content: Block[] }) | undefined;
  const json: string[] = [];
  let done = false;
  const fail = (detail: string, body: string) =>
    new InvalidResponseError({ provider: 'anthropic', url, detail, body });
  return {
    read(sse, emit) {
      // The answer is whole at message_stop: what a proxy sends after it (`event: done`,
      // `data: [DONE]`) is not part of it.
      if (done) return true;
      if (sse.event === 'ping' || sse.event === 'done' || sse.data === '[DONE]') return;
      let e: Event;
      try {
        e = JSON.parse(sse.data) as Event;
      } catch {
        throw fail('a stream event is not JSON', sse.data);
      }
      const type = sse.event ?? e.type;
      if (type === 'error') throw streamErrorEvent('anthropic', url, e.error);
      if (type === 'message_start') {
        message = { ...e.message, content: [] };
        return;
      }
      if (!message) {
        if (type?.startsWith('content_block') || type?.startsWith('message_'))
          throw fail(`${type} came before message_start`, sse.data);
        return;
      }
      const at = e.index ?? 0;
      const block = message.content[at];
      switch (type) {
        case 'content_block_start': {
          const b = { ...e.content_block! };
          message.content[at] = b;
          // Server tools (server_tool_use, mcp_tool_use) run on Anthropic's side: not the client's.
          if (b.type === 'tool_use' && b.name !== answerTool) {
            const [id, name] = [String(b.id), String(b.name)];
            emit({ type: 'tool-call-delta', id, name, argumentsDelta: '' });
          }
          return;
        }
        case 'content_block_delta': {
          const d = e.delta ?? {};
          if (!block) throw fail('a delta came for a block that did not start', sse.data);
          const add = (field: string, piece: unknown) =>
            (block[field] = String(block[field] ?? '') + String(piece ?? ''));
          if (d.type === 'text_delta') {
            add('text', d.text);
            emit({ type: 'text', delta: String(d.text ?? '') });
          } else if (d.type === 'thinking_delta') {
            add('thinking', d.thinking);
            emit({ type: 'thinking', delta: String(d.thinking ?? '') });
          } else if (d.type === 'signature_delta') add('signature', d.signature);
          else if (d.type === 'citations_delta')
            ((block.citations as unknown[] | undefined) ??= []).push(d.citation);
          else if (d.type === 'input_json_delta') {
            const piece = String(d.partial_json ?? '');
            json[at] = (json[at] ?? '') + piece;
            if (block.type !== 'tool_use') return;
            if (block.name === answerTool) emit({ type: 'text', delta: piece });
            else {
              const [id, name] = [String(block.id), String(block.name)];
              emit({ type: 'tool-call-delta', id, name, argumentsDelta: piece });
            }
          }
          return;
        }
        case 'content_block_stop':
          if (block && json[at] !== undefined) {
            try {
              block.input = json[at] === '' ? {} : JSON.parse(json[at]);
            } catch {
              throw fail("a tool call's arguments are not JSON", json[at]);
            }
          }
          return;
        case 'message_delta': {
          Object.assign(message, e.delta);
          const usage = { ...(message.usage as object) } as Record<string, unknown>;
          for (const [k, v] of Object.entries(e.usage ?? {})) if (v != null) usage[k] = v;
          message.usage = usage;
          return;
        }
        case 'message_stop':
          // Some proxies keep the connection open after it: the reading stops here.
          return (done = true);
      }
    },
    result: () => (done ? message : undefined),
  };
}
