import { checkWire } from '../../core/check-wire.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { JSONValue, Usage } from '../../core/types.ts';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.ts';
import { CHAT_SHAPE, type OpenAIChatResponse, type OpenAIUsage } from './openai-api.ts';

/**
 * Normalised usage. `raw` is the body's own object, not the parsed one: the wire schema reads only
 * some members, and callers want all of them (audio tokens, prediction tokens, …).
 */
function usageOf(usage: OpenAIUsage, body: unknown): Usage {
  if (!usage) return {};
  return {
    inputTokens: usage.prompt_tokens ?? undefined,
    outputTokens: usage.completion_tokens ?? undefined,
    totalTokens: usage.total_tokens ?? undefined,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? undefined,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? undefined,
    raw: (body as { usage: JSONValue }).usage,
  };
}

/** The fields chat and text completions share. */
export function common(
  body: unknown,
  output: { id?: string | null; model?: string | null; usage?: OpenAIUsage },
  choices: string[],
  finishReason: string | null | undefined,
) {
  return {
    text: choices[0] ?? '',
    choices,
    finishReason: mapOpenAIFinishReason(finishReason),
    rawFinishReason: finishReason ?? undefined,
    id: output.id ?? undefined,
    model: output.model ?? undefined,
    usage: usageOf(output.usage, body),
  };
}

/**
 * Maps a `/v1/chat/completions` body: text, reasoning and tool calls of the first choice.
 * @throws `ContentFilterError` (reason `refusal`) for a refusal with no text and no tool call.
 */
export async function parseChatResponse(
  body: unknown,
  provider: string,
  url: string,
): Promise<ParsedResponse> {
  const output = await checkWire<OpenAIChatResponse>(body, CHAT_SHAPE, provider, url);
  const first = output.choices[0];
  const base = common(
    body,
    output,
    output.choices.map((c) => c.message.content ?? ''),
    first?.finish_reason,
  );
  const message = first?.message;
  // Read by code loaded only for answers that have tool calls or a refusal.
  const toolCalls =
    message?.tool_calls?.length || message?.refusal
      ? await (
          await import('./read-openai-tool-calls.ts')
        ).readChatCalls(message, base.text, provider, url)
      : [];
  const thinking = message?.reasoning_content ?? message?.reasoning ?? undefined;
  const calls = toolCalls.length ? { toolCalls } : {};
  return {
    ...base,
    thinking,
    ...calls,
    assistant: { role: 'assistant', content: base.text, ...calls },
  };
}
