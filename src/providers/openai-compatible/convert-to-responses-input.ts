import type { ContentPart, Message, ToolCall } from '../../core/types.ts';
import { argText } from './convert-to-openai-messages.ts';

/** The Responses API `input` for a conversation, and what could not be sent. */
export interface ResponsesInput {
  input: unknown[];
  warnings: string[];
}

function convertPart(part: ContentPart | Record<string, unknown>): unknown {
  if (part.type === 'text') return { type: 'input_text', text: part.text };
  // `detail` is required by the spec's InputImageContent.
  if (part.type === 'image') return { type: 'input_image', image_url: part.url, detail: 'auto' };
  return part; // a provider-native part (input_file, …) passes through unchanged
}

/**
 * Converts portable messages to Responses API input items (openai-openapi.yaml `InputItem`):
 * system and user messages as messages, an assistant turn as its reasoning items, then its text,
 * then its `function_call` / `custom_tool_call` items, and tool results as `function_call_output` /
 * `custom_tool_call_output` for the call they answer. Reasoning items go back only to the provider
 * that made them (another provider's are dropped) and need an id; with `store: false` they also
 * need their encrypted content, or OpenAI answers 404 "Item with id 'rs_…' not found. Items are not
 * persisted when `store` is set to false": such an item is left out, with a warning.
 * @param messages - The conversation.
 * @param provider - The provider the request goes to.
 * @param store - Whether the server keeps items (`store`).
 */
export function convertToResponsesInput(
  messages: readonly Message[],
  provider: string,
  store: boolean,
): ResponsesInput {
  const input: unknown[] = [];
  const warnings: string[] = [];
  const calls = new Map<string, ToolCall>();
  messages.forEach((message, index) => {
    if (message.role === 'system') input.push({ role: 'system', content: message.content });
    else if (message.role === 'user') {
      const { content } = message;
      input.push({
        role: 'user',
        content: typeof content === 'string' ? content : content.map(convertPart),
      });
    } else if (message.role === 'tool') {
      const custom = calls.get(message.toolCallId)?.custom;
      input.push({
        type: custom ? 'custom_tool_call_output' : 'function_call_output',
        call_id: message.toolCallId,
        output: message.content,
      });
    } else {
      for (const part of message.reasoning ?? []) {
        if (part.type !== 'thinking' || (part.provider ?? provider) !== provider || !part.id)
          continue;
        if (!store && !part.signature) {
          warnings.push(
            `Message ${index}: reasoning item ${part.id} was not sent: it has no encrypted content, ` +
              "and with store: false the server kept no copy (ask for include: ['reasoning.encrypted_content']).",
          );
          continue;
        }
        input.push({
          type: 'reasoning',
          id: part.id,
          summary: part.text ? [{ type: 'summary_text', text: part.text }] : [],
          ...(part.signature ? { encrypted_content: part.signature } : {}),
        });
      }
      if (message.content !== '') input.push({ role: 'assistant', content: message.content });
      for (const call of message.toolCalls ?? []) {
        calls.set(call.id, call);
        input.push(
          call.custom
            ? { type: 'custom_tool_call', call_id: call.id, name: call.name, input: argText(call) }
            : {
                type: 'function_call',
                call_id: call.id,
                name: call.name,
                arguments: argText(call),
              },
        );
      }
    }
  });
  return { input, warnings };
}
