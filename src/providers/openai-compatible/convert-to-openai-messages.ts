import type { ContentPart, Message, ToolCall } from '../../core/types.ts';

/** Tool-call arguments as the wire carries them: a JSON string, or a custom tool's input text. */
export const argText = (call: ToolCall): string =>
  typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});

function convertPart(part: ContentPart | Record<string, unknown>): unknown {
  if (part.type === 'text') return { type: 'text', text: part.text };
  if (part.type === 'image') return { type: 'image_url', image_url: { url: part.url } };
  // A provider-native part (input_audio, file, …) passes through unchanged.
  return part;
}

/**
 * Converts portable messages to Chat Completions messages. Reasoning parts are not sent back:
 * OpenAI-compatible servers do not take them (DeepSeek rejects `reasoning_content` in input).
 */
export function convertToOpenAIMessages(messages: readonly Message[]): unknown[] {
  return messages.map((message) => {
    switch (message.role) {
      case 'user':
        return {
          role: 'user',
          content:
            typeof message.content === 'string'
              ? message.content
              : message.content.map(convertPart),
        };
      case 'assistant':
        return message.toolCalls?.length
          ? {
              role: 'assistant',
              content: message.content === '' ? null : message.content,
              tool_calls: message.toolCalls.map((call) =>
                call.custom
                  ? {
                      id: call.id,
                      type: 'custom',
                      custom: { name: call.name, input: argText(call) },
                    }
                  : {
                      id: call.id,
                      type: 'function',
                      function: { name: call.name, arguments: argText(call) },
                    },
              ),
            }
          : { role: 'assistant', content: message.content };
      case 'tool':
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
      default:
        return { role: 'system', content: message.content };
    }
  });
}
