import type { ModelResponse, StreamEvent } from '../core/types.ts';

/**
 * The events of an answer that was not streamed (a cache hit, an identical call's answer, a server
 * that ignored the stream flag): its thinking, text and tool calls each in one piece, then the
 * complete tool calls. A streamed answer has had its deltas already and only gets the tool calls.
 * @param deltas - Whether to include the pieces (false for an answer that was streamed).
 */
export function replayEvents(response: ModelResponse, deltas = true): StreamEvent[] {
  const events: StreamEvent[] = [];
  const calls = response.toolCalls ?? [];
  if (deltas) {
    if (response.thinking) events.push({ type: 'thinking', delta: response.thinking });
    if (response.text) events.push({ type: 'text', delta: response.text });
    for (const { id, name, arguments: args } of calls) {
      const argumentsDelta = typeof args === 'string' ? args : JSON.stringify(args);
      events.push({ type: 'tool-call-delta', id, name, argumentsDelta });
    }
  }
  for (const toolCall of calls) events.push({ type: 'tool-call', toolCall });
  return events;
}
