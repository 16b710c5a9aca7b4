import type { ModelCall, WireRequest } from '../../core/adapter.ts';
import type { Message } from '../../core/types.ts';

/** A tool call or tool result turn: its pairing is checked, then it is mapped to the wire form. */
export const isToolTurn = (m: Message): boolean =>
  m.role === 'tool' || (m.role === 'assistant' && !!m.toolCalls);

/**
 * A Chat Completions request with its body and messages, or a Completions one (the call's prompt)
 * when there are no messages.
 * @param call - The call.
 * @param body - The prepared body, without messages or prompt.
 * @param warnings - What was changed or left out.
 * @param messages - The wire messages; `undefined` for `/v1/completions`.
 */
export function openaiWireRequest(
  call: ModelCall,
  body: Record<string, unknown>,
  warnings: string[],
  messages: unknown[] | undefined,
): WireRequest {
  return messages
    ? { path: '/v1/chat/completions', body: { ...body, messages }, warnings }
    : { path: '/v1/completions', body: { ...body, prompt: call.prompt }, warnings };
}
