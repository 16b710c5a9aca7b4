import { readWire } from '../../core/read-wire.ts';
import { ContentFilterError } from '../../core/errors/content-filter-error.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { ReasoningPart, ToolCall, Usage } from '../../core/types.ts';
import {
  GOOGLE_RESPONSE_SHAPE,
  type GooglePart,
  type GoogleResponse,
  type GoogleUsage,
} from './google-api.ts';
import { isFilteredFinish, mapGoogleFinishReason } from './map-google-finish-reason.ts';

/**
 * Normalised usage. Gemini bills thoughts as output, so `outputTokens` is candidates + thoughts (as
 * OpenAI's `completion_tokens` includes reasoning); `inputTokens` is the prompt (cached tokens
 * included) plus tool-use prompt tokens, so input + output = `totalTokenCount`.
 */
function usageOf(usage: GoogleUsage, raw: unknown): Usage {
  if (!usage) return {};
  const add = (...xs: (number | null | undefined)[]) =>
    xs.every((x) => x == null) ? undefined : xs.reduce<number>((n, x) => n + (x ?? 0), 0);
  return {
    inputTokens: add(usage.promptTokenCount, usage.toolUsePromptTokenCount),
    outputTokens: add(usage.candidatesTokenCount, usage.thoughtsTokenCount),
    totalTokens: usage.totalTokenCount ?? undefined,
    reasoningTokens: usage.thoughtsTokenCount ?? undefined,
    cachedInputTokens: usage.cachedContentTokenCount ?? undefined,
    raw: raw as Usage['raw'],
  };
}

/**
 * The id of a function call Gemini sent without one: a short, stable hash (FNV-1a) of its place,
 * name and arguments, so the same answer (whole or streamed) always gets the same id.
 * @param index - The call's part index in the candidate.
 */
export function googleCallId(index: number, name: string, args: unknown): string {
  const text = `${index}:${name}:${JSON.stringify(args ?? {})}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `call_${(h >>> 0).toString(36)}`;
}

const textOf = (parts: GooglePart[]) =>
  parts.map((p) => (p.thought || typeof p.text !== 'string' ? '' : p.text)).join('');

/**
 * Maps a `generateContent` answer: candidates → choices; thought parts → `thinking`; function calls
 * → `toolCalls` (Gemini sends no call id, so one is derived from the call); thought signatures kept
 * on the tool calls and in the assistant message's `reasoning`, to be sent back unchanged.
 * @throws {@link ContentFilterError} for a blocked prompt, or a first candidate withheld by a filter
 *   with no text and no calls (never an empty success).
 */
export function parseGoogleResponse(body: unknown, url: string, provider: string): ParsedResponse {
  const output = readWire<GoogleResponse>(body, GOOGLE_RESPONSE_SHAPE, provider, url);
  const { candidates = [], promptFeedback, usageMetadata } = output;
  const first = candidates?.[0];
  if (!first) {
    if (promptFeedback?.blockReason) {
      throw new ContentFilterError({
        provider,
        url,
        blockedBy: 'prompt',
        reason: promptFeedback.blockReason,
        safetyRatings: promptFeedback.safetyRatings ?? undefined,
        detail: promptFeedback.blockReasonMessage ?? undefined,
      });
    }
    const detail = 'the answer has no candidates';
    throw new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) });
  }
  const parts = first.content?.parts ?? [];
  const text = textOf(parts);
  const reasoning: ReasoningPart[] = [];
  const toolCalls: ToolCall[] = [];
  // Where the parts come from, so that another provider never gets Gemini's thought signatures.
  const model = output.modelVersion ?? undefined;
  const origin = { provider, ...(model ? { model } : {}) };
  parts.forEach((p, i) => {
    const signature = p.thoughtSignature ?? undefined;
    if (p.functionCall) {
      const { name, args, id } = p.functionCall;
      const call: ToolCall = {
        id: id ?? googleCallId(i, name, args),
        name,
        arguments: args ?? {},
      };
      toolCalls.push(signature === undefined ? call : { ...call, signature });
    } else if (p.thought) {
      const signed = signature ? { signature } : {};
      reasoning.push({ type: 'thinking', text: p.text ?? '', ...signed, ...origin });
    } else if (signature !== undefined) {
      // A signature on answer text: kept as an empty thinking part (see convert-to-google-contents).
      reasoning.push({ type: 'thinking', text: '', signature, ...origin });
    }
  });
  if (isFilteredFinish(first.finishReason) && text === '' && toolCalls.length === 0) {
    throw new ContentFilterError({
      provider,
      url,
      blockedBy: 'response',
      reason: first.finishReason!,
      safetyRatings: first.safetyRatings ?? undefined,
      detail: first.finishMessage ?? undefined,
    });
  }
  const thinking = parts
    .filter((p) => p.thought)
    .map((p) => p.text ?? '')
    .join('');
  return {
    text,
    choices: candidates.map((c) => textOf(c.content?.parts ?? [])),
    finishReason: mapGoogleFinishReason(first.finishReason, toolCalls.length > 0),
    rawFinishReason: first.finishReason ?? undefined,
    id: output.responseId ?? undefined,
    model: output.modelVersion ?? undefined,
    // The body's own object as `raw`: the schema reads only some members.
    usage: usageOf(usageMetadata, (body as { usageMetadata?: unknown }).usageMetadata),
    thinking: thinking === '' ? undefined : thinking,
    toolCalls: toolCalls.length ? toolCalls : undefined,
    assistant: {
      role: 'assistant',
      content: text,
      ...(toolCalls.length ? { toolCalls } : {}),
      ...(reasoning.length ? { reasoning } : {}),
    },
  };
}
