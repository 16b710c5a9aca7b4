import { invalidWireBody } from '../../core/invalid-wire-body.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { ReasoningPart, ToolCall, Usage } from '../../core/types.ts';
import { parseAnthropicMessage, type AnthropicMessage } from './anthropic-api.ts';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.ts';

function usageOf(usage: AnthropicMessage['usage'], raw: unknown): Usage {
  if (!usage) return {};
  const read = usage.cache_read_input_tokens ?? 0;
  const write = usage.cache_creation_input_tokens ?? 0;
  // Anthropic's input_tokens excludes cached and cache-written tokens; the SDK's inputTokens counts
  // every prompt token (the registry's cost convention), with the cached share broken out.
  const input = usage.input_tokens == null ? undefined : usage.input_tokens + read + write;
  const output = usage.output_tokens ?? undefined;
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: input !== undefined && output !== undefined ? input + output : undefined,
    cachedInputTokens: usage.cache_read_input_tokens ?? undefined,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? undefined,
    raw: raw as ParsedResponse['usage']['raw'],
  };
}

/**
 * Maps a Messages API answer to the SDK's fields. Thinking and redacted-thinking blocks are kept, with
 * their signatures, on the assistant message so the next turn can send them back unchanged.
 * @param forcedTool - In forced-tool structured-output mode, the tool whose input is the answer: its
 *   input becomes the text (for the JSON check) and it is not reported as a tool call.
 * @throws `InvalidResponseError` when the body is not a Message.
 */
export function parseAnthropicResponse(
  body: unknown,
  url: string,
  forcedTool?: string,
): ParsedResponse {
  const result = parseAnthropicMessage(body);
  if (!result.success) {
    throw invalidWireBody('anthropic', url, result.issues, body);
  }
  const msg = result.output;
  let text = '';
  const thinking: string[] = [];
  const reasoning: ReasoningPart[] = [];
  const toolCalls: ToolCall[] = [];
  // Where the parts come from, so that another provider never gets Anthropic's signatures.
  const origin = { provider: 'anthropic', ...(msg.model ? { model: msg.model } : {}) };
  for (const block of msg.content) {
    if (block.type === 'text') text += block.text ?? '';
    else if (block.type === 'thinking') {
      thinking.push(block.thinking ?? '');
      reasoning.push({
        type: 'thinking',
        text: block.thinking ?? '',
        signature: block.signature ?? undefined,
        ...origin,
      });
    } else if (block.type === 'redacted_thinking') {
      reasoning.push({ type: 'redacted_thinking', data: block.data ?? '', ...origin });
    } else if (block.type === 'tool_use' && block.id && block.name) {
      if (forcedTool !== undefined && block.name === forcedTool)
        text = JSON.stringify(block.input ?? {});
      else toolCalls.push({ id: block.id, name: block.name, arguments: block.input ?? {} });
    }
  }
  const forced =
    forcedTool !== undefined && msg.stop_reason === 'tool_use' && toolCalls.length === 0;
  const calls = toolCalls.length ? toolCalls : undefined;
  return {
    text,
    choices: [text],
    // The forced tool call is the answer, not a request to run a tool.
    finishReason: forced ? 'stop' : mapAnthropicStopReason(msg.stop_reason),
    rawFinishReason: msg.stop_reason ?? undefined,
    id: msg.id ?? undefined,
    model: msg.model ?? undefined,
    // The body's own object as `raw`: the schema reads only some members.
    usage: usageOf(msg.usage, (body as { usage?: unknown }).usage),
    thinking: thinking.length ? thinking.join('\n') : undefined,
    toolCalls: calls,
    assistant: {
      role: 'assistant',
      content: text,
      ...(calls ? { toolCalls: calls } : {}),
      ...(reasoning.length ? { reasoning } : {}),
    },
  };
}
