import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { ContentPart, Message } from '../../core/types.ts';
import type { AnthropicBlock } from './convert-to-anthropic-messages.ts';

// Loaded only for conversations with images, native blocks, thinking or tool calls: a plain chat
// (strings in, text out) never fetches it.

export { checkToolTurns } from '../../core/check-tool-turns.ts';

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;
/** The image types the Messages API takes (Base64ImageSource.media_type). */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

function imageBlock(part: { url: string; mediaType?: string }, index: number): AnthropicBlock {
  const m = DATA_URL.exec(part.url);
  if (m) {
    const type = part.mediaType ?? m[1]!;
    if (!IMAGE_TYPES.includes(type)) {
      throw new InvalidRequestError(
        `Message ${index}: Anthropic takes ${IMAGE_TYPES.join(', ')} images; got ${type}. ` +
          'Convert the image to one of these types.',
      );
    }
    return { type: 'image', source: { type: 'base64', media_type: type, data: m[2] } };
  }
  return { type: 'image', source: { type: 'url', url: part.url } };
}

/** A tool message as the user turn's `tool_result` block (consecutive results share one turn). */
export const toolResultBlock = (message: Extract<Message, { role: 'tool' }>): AnthropicBlock => ({
  type: 'tool_result',
  tool_use_id: message.toolCallId,
  content: message.content,
});

/**
 * The blocks of a user message given as parts.
 * @param index - The message's place, for errors.
 */
export function userBlocks(content: ContentPart[], index: number): AnthropicBlock[] {
  return content.map((part) => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    if (part.type === 'image') return imageBlock(part, index);
    // A provider-native block (document, search_result, …) passes through unchanged.
    return part as AnthropicBlock;
  });
}

function toolInput(args: unknown, index: number): Record<string, unknown> {
  let value = args ?? {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // Falls through to the error below.
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(
      `Message ${index}: a tool call's arguments must be a JSON object for Anthropic (tool_use.input); ` +
        `got ${JSON.stringify(args)}.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * The blocks of an assistant message: its thinking, then `text` (its text block, if any), then its
 * tool calls.
 * @param index - The message's place, for errors and warnings.
 * @param warnings - Receives a line per thinking part that cannot be sent.
 */
export function assistantBlocks(
  message: Extract<Message, { role: 'assistant' }>,
  index: number,
  warnings: string[],
  text: AnthropicBlock[],
): AnthropicBlock[] {
  const blocks: AnthropicBlock[] = [];
  // Thinking goes first and unchanged: Anthropic verifies the signatures, and with tools it requires
  // the assistant turn to start with its thinking block.
  for (const part of message.reasoning ?? []) {
    // Another provider's reasoning (a Gemini thought signature) is refused by Anthropic: dropped.
    if (part.provider !== undefined && part.provider !== 'anthropic') continue;
    if (part.type === 'redacted_thinking')
      blocks.push({ type: 'redacted_thinking', data: part.data });
    else if (part.signature) {
      blocks.push({ type: 'thinking', thinking: part.text, signature: part.signature });
    } else {
      warnings.push(
        `Message ${index}: a thinking part without a signature was not sent (Anthropic rejects it).`,
      );
    }
  }
  blocks.push(...text);
  for (const call of message.toolCalls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: toolInput(call.arguments, index),
    });
  }
  return blocks;
}
