import type { ParsedResponse } from '../../core/adapter.ts';
import { APICallError } from '../../core/errors/api-call-error.ts';
import { ContentFilterError } from '../../core/errors/content-filter-error.ts';
import { invalidWireBody } from '../../core/invalid-wire-body.ts';
import type { FinishReason, JSONValue, ReasoningPart, ToolCall, Usage } from '../../core/types.ts';
import { parseArguments } from './read-openai-tool-calls.ts';
import { parseResponsesBody, type ResponsesBody } from './responses-api.ts';

function usageOf(usage: ResponsesBody['usage'], body: unknown): Usage {
  if (!usage) return {};
  return {
    inputTokens: usage.input_tokens ?? undefined,
    outputTokens: usage.output_tokens ?? undefined,
    totalTokens: usage.total_tokens ?? undefined,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? undefined,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? undefined,
    raw: (body as { usage: JSONValue }).usage,
  };
}

/**
 * Maps a Responses API body (`POST /v1/responses`): `text` from the `output_text` parts of message
 * items, `thinking` from reasoning summaries, `toolCalls` from `function_call` and `custom_tool_call`
 * items (a custom call's input stays text, with `custom: true`), `finishReason` from `status` and
 * `incomplete_details`. Reasoning items travel in the assistant message's `reasoning` with their id
 * and encrypted content (as `signature`), so the next turn can send them back without server state.
 * @throws {@link APICallError} for `status: "failed"` (the body's `error` code and message).
 * @throws {@link ContentFilterError} for a refusal, or an answer withheld by the content filter, with
 *   no text and no tool call: never an empty success, never cached.
 */
export function parseResponsesResponse(
  body: unknown,
  provider: string,
  url: string,
): ParsedResponse {
  const result = parseResponsesBody(body);
  if (!result.success) throw invalidWireBody(provider, url, result.issues, body);
  const r = result.output;
  if (r.status === 'failed') {
    const code = r.error?.code ?? 'failed';
    throw new APICallError({
      provider,
      url,
      status: 200,
      detail: `the response failed (${code}): ${r.error?.message ?? 'no message'}`,
      responseBody: JSON.stringify(body).slice(0, 4000),
      errorType: code,
      isRetryable: code === 'server_error' || code === 'rate_limit_exceeded',
    });
  }
  const texts: string[] = [];
  const refusals: string[] = [];
  const summaries: string[] = [];
  const reasoning: ReasoningPart[] = [];
  const toolCalls: ToolCall[] = [];
  for (const item of r.output) {
    if (item.type === 'message') {
      for (const part of item.content ?? []) {
        if (part.type === 'output_text') texts.push(part.text ?? '');
        else if (part.type === 'refusal') refusals.push(part.refusal ?? '');
      }
    } else if (item.type === 'reasoning') {
      // OpenAI and xAI send summaries; vLLM sends the reasoning itself as `reasoning_text` content.
      const parts = item.summary?.length
        ? item.summary
        : (item.content ?? []).filter((c) => c.type === 'reasoning_text');
      const text = parts.map((s) => s.text ?? '').join('\n\n');
      if (text) summaries.push(text);
      reasoning.push({
        type: 'thinking',
        text,
        ...(item.id ? { id: item.id } : {}),
        ...(item.encrypted_content ? { signature: item.encrypted_content } : {}),
        provider,
        ...(r.model ? { model: r.model } : {}),
      });
    } else if (item.type === 'function_call' && item.call_id && item.name) {
      toolCalls.push({
        id: item.call_id,
        name: item.name,
        arguments: parseArguments(item.arguments ?? '{}'),
      });
    } else if (item.type === 'custom_tool_call' && item.call_id && item.name) {
      toolCalls.push({
        id: item.call_id,
        name: item.name,
        arguments: item.input ?? '',
        custom: true,
      });
    }
  }
  const text = texts.join('');
  const reason = r.incomplete_details?.reason ?? undefined;
  const blocked = refusals.length > 0 || reason === 'content_filter';
  if (blocked && !text && !toolCalls.length) {
    throw new ContentFilterError({
      provider,
      url,
      blockedBy: 'response',
      reason: refusals.length ? 'refusal' : 'content_filter',
      detail: refusals.join(' ') || undefined,
    });
  }
  const finishReason: FinishReason = toolCalls.length
    ? 'tool_calls'
    : reason === 'max_output_tokens'
      ? 'length'
      : blocked
        ? 'content_filter'
        : r.status === 'completed' || !r.status
          ? 'stop'
          : 'other';
  const assistant: ParsedResponse['assistant'] = {
    role: 'assistant',
    content: text,
    ...(toolCalls.length ? { toolCalls } : {}),
    ...(reasoning.length ? { reasoning } : {}),
  };
  return {
    text,
    choices: [text],
    finishReason,
    rawFinishReason: reason ? `${r.status}:${reason}` : (r.status ?? undefined),
    id: r.id ?? undefined,
    model: r.model ?? undefined,
    usage: usageOf(r.usage, body),
    thinking: summaries.length ? summaries.join('\n\n') : undefined,
    toolCalls: toolCalls.length ? toolCalls : undefined,
    assistant,
  };
}
