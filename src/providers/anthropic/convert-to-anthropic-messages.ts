import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { ContentPart, Message } from '../../core/types.ts';

/** An Anthropic content block, as sent. */
export type AnthropicBlock = Record<string, unknown> & { type: string };

/** One Anthropic turn: `user` or `assistant`, always with block content after conversion. */
export interface AnthropicTurn {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

/** The converted conversation. */
export interface AnthropicPrompt {
  /** The leading system messages, joined; Anthropic takes them as the top-level `system`. */
  system?: string;
  messages: AnthropicTurn[];
  /** Parts that could not be sent (unsigned thinking from another provider). */
  warnings: string[];
}

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

function userBlocks(content: string | ContentPart[], index: number): AnthropicBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
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

function assistantBlocks(
  message: Extract<Message, { role: 'assistant' }>,
  index: number,
  warnings: string[],
) {
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
  if (message.content !== '') blocks.push({ type: 'text', text: message.content });
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

/**
 * Converts portable messages to Anthropic's Messages format: leading system messages become the
 * top-level `system`; consecutive tool results become one user turn of `tool_result` blocks; adjacent
 * turns of the same role are merged, since Anthropic wants user and assistant to alternate.
 * @throws {@link InvalidRequestError} for a system message after the first non-system one.
 */
export function convertToAnthropicMessages(messages: readonly Message[]): AnthropicPrompt {
  const system: string[] = [];
  const turns: AnthropicTurn[] = [];
  const warnings: string[] = [];
  const push = (role: AnthropicTurn['role'], content: AnthropicBlock[]) => {
    const last = turns[turns.length - 1];
    if (last?.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };
  messages.forEach((message, i) => {
    switch (message.role) {
      case 'system':
        if (turns.length > 0) {
          throw new InvalidRequestError(
            `Message ${i} has role system after the conversation started. Anthropic takes one system ` +
              'prompt, before all messages: move it to the start (or to the `system` option), or send ' +
              'it as a user message.',
          );
        }
        system.push(message.content);
        return;
      case 'user':
        return push('user', userBlocks(message.content, i));
      case 'assistant': {
        // An empty assistant message carries nothing, and Anthropic rejects empty content.
        const blocks = assistantBlocks(message, i, warnings);
        return blocks.length ? push('assistant', blocks) : undefined;
      }
      default:
        return push('user', [
          { type: 'tool_result', tool_use_id: message.toolCallId, content: message.content },
        ]);
    }
  });
  return { system: system.length ? system.join('\n\n') : undefined, messages: turns, warnings };
}
