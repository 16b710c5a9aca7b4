import { readWire } from '../../core/read-wire.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { Usage } from '../../core/types.ts';
import {
  GOOGLE_RESPONSE_SHAPE,
  type GooglePart,
  type GoogleResponse,
  type GoogleUsage,
} from './google-api.ts';

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

const textOf = (parts: GooglePart[]) =>
  parts.map((p) => (p.thought || typeof p.text !== 'string' ? '' : p.text)).join('');

/**
 * Maps a `generateContent` answer: candidates → choices; thought parts → `thinking`; function calls
 * → `toolCalls` (Gemini sends no call id, so one is derived from the call); thought signatures kept
 * on the tool calls and in the assistant message's `reasoning`, to be sent back unchanged.
 * @throws `ContentFilterError` for a blocked prompt, or a first candidate withheld by a filter
 *   with no text and no calls (never an empty success).
 */
export async function parseGoogleResponse(
  body: unknown,
  url: string,
  provider: string,
): Promise<ParsedResponse> {
  const output = readWire<GoogleResponse>(body, GOOGLE_RESPONSE_SHAPE, provider, url);
  const candidates = output.candidates ?? [];
  const first = candidates[0];
  const parts = first?.content?.parts ?? [];
  const text = textOf(parts);
  // Thoughts, signatures and function calls are read by code loaded only for answers that have them.
  const { reasoning, toolCalls, thinking } = parts.every(
    (p) => !p.functionCall && !p.thought && p.thoughtSignature == null,
  )
    ? { reasoning: [], toolCalls: [], thinking: '' }
    : (await import('./read-google-parts.ts')).readGoogleParts(
        parts,
        provider,
        output.modelVersion,
      );
  const reason = first?.finishReason ?? undefined;
  // Normal answers have a candidate that ends in STOP or MAX_TOKENS (or says nothing); the code for
  // the others (blocked prompts, filters, rare stops) loads when one comes.
  const odd = !first || (reason !== undefined && reason !== 'STOP' && reason !== 'MAX_TOKENS');
  const answered = text !== '' || toolCalls.length > 0;
  const problem = odd
    ? (await import('./google-answer-problem.ts')).googleAnswerProblem(
        output,
        body,
        answered,
        provider,
        url,
      )
    : undefined;
  if (problem) throw problem;
  return {
    text,
    choices: candidates.map((c) => textOf(c.content?.parts ?? [])),
    // Gemini reports STOP for answers that end in function calls.
    finishReason: odd
      ? (await import('./map-google-finish-reason.ts')).mapGoogleFinishReason(reason!)
      : reason === 'MAX_TOKENS'
        ? 'length'
        : toolCalls.length
          ? 'tool_calls'
          : 'stop',
    rawFinishReason: reason,
    id: output.responseId ?? undefined,
    model: output.modelVersion ?? undefined,
    // The body's own object as `raw`: the schema reads only some members.
    usage: usageOf(output.usageMetadata, (body as { usageMetadata?: unknown }).usageMetadata),
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
