import { checkWire } from '../../core/check-wire.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { Usage } from '../../core/types.ts';
import { ANTHROPIC_MESSAGE_SHAPE, type AnthropicMessage } from './anthropic-api.ts';
import type { AnthropicBlocks } from './read-anthropic-blocks.ts';

function usageOf(usage: AnthropicMessage['usage'], raw: unknown, oneHour: boolean): Usage {
  if (!usage) return {};
  const read = usage.cache_read_input_tokens ?? undefined;
  const write = usage.cache_creation_input_tokens ?? undefined;
  // Anthropic's input_tokens excludes cached and cache-written tokens; the SDK's inputTokens counts
  // every prompt token (the registry's cost convention), with the cached share broken out.
  const input =
    usage.input_tokens == null ? undefined : usage.input_tokens + (read ?? 0) + (write ?? 0);
  const output = usage.output_tokens ?? undefined;
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: input === undefined || output === undefined ? undefined : input + output,
    cachedInputTokens: read,
    cacheWriteTokens: write,
    // 1-hour writes cost more than 5-minute ones. Without the split (older API versions, some
    // proxies), writes made under 1-hour breakpoints only are counted as such, so cost never
    // undercounts.
    cacheWrite1hTokens: usage.cache_creation
      ? (usage.cache_creation.ephemeral_1h_input_tokens ?? undefined)
      : oneHour
        ? write
        : undefined,
    raw: raw as ParsedResponse['usage']['raw'],
  };
}

/**
 * Maps a Messages API answer to the SDK's fields. Thinking and redacted-thinking blocks are kept, with
 * their signatures, on the assistant message so the next turn can send them back unchanged.
 * @param options.answerTool - In tool structured-output mode, the tool whose input is the answer: its
 *   input becomes the text (for the JSON check) and it is not reported as a tool call.
 * @param options.oneHourCache - The request's cache breakpoints all have the 1-hour lifetime.
 * @throws `InvalidResponseError` when the body is not a Message; `ContentFilterError` for a refusal.
 */
export async function parseAnthropicResponse(
  body: unknown,
  url: string,
  options: { answerTool?: string; oneHourCache?: boolean } = {},
): Promise<ParsedResponse> {
  const msg = await checkWire<AnthropicMessage>(body, ANTHROPIC_MESSAGE_SHAPE, 'anthropic', url);
  // Thinking and tool blocks, and stop reasons other than `end_turn`, are read by code loaded only
  // for answers that have them.
  const rare = () => import('./read-anthropic-blocks.ts');
  const read: Partial<AnthropicBlocks> & { text: string } = msg.content.every(
    (block) => block.type === 'text',
  )
    ? { text: msg.content.map((block) => block.text ?? '').join('') }
    : (await rare()).readAnthropicBlocks(msg, options.answerTool);
  const { text, toolCalls, reasoning } = read;
  return {
    text,
    choices: [text],
    // The answer tool call is the answer, not a request to run a tool.
    finishReason:
      read.answered || msg.stop_reason === 'end_turn'
        ? 'stop'
        : await (await rare()).anthropicFinishReason(msg.stop_reason, text, url),
    rawFinishReason: msg.stop_reason ?? undefined,
    id: msg.id ?? undefined,
    model: msg.model ?? undefined,
    // The body's own object as `raw`: the schema reads only some members.
    usage: usageOf(msg.usage, (body as { usage?: unknown }).usage, options.oneHourCache === true),
    thinking: read.thinking,
    toolCalls,
    assistant: {
      role: 'assistant',
      content: text,
      ...(toolCalls ? { toolCalls } : {}),
      ...(reasoning ? { reasoning } : {}),
    },
  };
}
