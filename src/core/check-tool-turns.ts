import { InvalidRequestError } from './errors/invalid-request-error.ts';
import type { Message } from './types.ts';

/**
 * Checks that tool calls and tool results pair up as OpenAI and Anthropic require: every `tool` message
 * answers a call of the assistant turn just before it (other results may come between), and every
 * call of an assistant turn gets its result before the next turn. Both refuse either mistake with a
 * 400 (OpenAI: "messages with role 'tool' must be a response to a preceeding message with
 * 'tool_calls'", "An assistant message with 'tool_calls' must be followed by tool messages responding
 * to each 'tool_call_id'"; Anthropic: "unexpected `tool_use_id` found in `tool_result` blocks",
 * "`tool_use` ids were found without `tool_result` blocks immediately after"); this says which message
 * is wrong before anything is sent. Loaded only for conversations with tool calls or results.
 * @throws {@link InvalidRequestError} naming the message and the call ids.
 */
export function checkToolTurns(messages: readonly Message[]): void {
  let open: Set<string> | undefined;
  let openAt = -1;
  const unanswered = () => {
    if (!open?.size) return;
    throw new InvalidRequestError(
      `Message ${openAt} (assistant) calls ${[...open].join(', ')} but no tool result answers ` +
        'it: add a { role: "tool", toolCallId, content } message for every call before the next turn.',
    );
  };
  messages.forEach((message, i) => {
    if (message.role === 'tool') {
      if (!open?.delete(message.toolCallId)) {
        throw new InvalidRequestError(
          `Message ${i} (tool) answers ${JSON.stringify(message.toolCallId)}, which the assistant ` +
            'turn before it did not call: send that assistant message, with its toolCalls, first.',
        );
      }
      return;
    }
    unanswered();
    open = undefined;
    if (message.role === 'assistant' && message.toolCalls?.length) {
      open = new Set(message.toolCalls.map((call) => call.id));
      openAt = i;
    }
  });
  unanswered();
}
