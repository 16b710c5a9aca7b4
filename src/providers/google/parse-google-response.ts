import { checkWire } from '../../core/check-wire.ts';
import type { ParsedResponse } from '../../core/adapter.ts';
import type { ReasoningPart, ToolCall, Usage } from '../../core/types.ts';
import { GOOGLE_RESPONSE_SHAPE, type GooglePart, type GoogleResponse } from './google-api.ts';

const textOf = (parts: GooglePart[]) =>
  parts.map((p) => (p.thought || typeof p.text !== 'string' ? '' : p.text)).join('');

// The sum of two counts, or undefined when Google sent neither.
const add = (a?: number | null, b?: number | null) =>
  a == null && b == null ? undefined : (a ?? 0) + (b ?? 0);

/**
 * Maps a `generateContent` answer: candidates → choices; thought parts → `thinking`; function calls
 * → `toolCalls` (Gemini 2.x sends no call id, so one is derived from the answer's id and the call); thought signatures kept
 * on the tool calls and in the assistant message's `reasoning`, to be sent back unchanged. A
 * signature on answer text (every Gemini 3 answer has one) is kept as a `thinking` part with empty
 * text (see google-rich-parts.ts).
 *
 * Usage is normalised: Gemini bills thoughts as output, so `outputTokens` is candidates + thoughts
 * (as OpenAI's `completion_tokens` includes reasoning); `inputTokens` is the prompt (cached tokens
 * included) plus tool-use prompt tokens, so input + output = `totalTokenCount`.
 * @throws `ContentFilterError` for a blocked prompt, or a first candidate withheld by a filter
 *   with no text and no calls (never an empty success).
 */
export async function parseGoogleResponse(
  body: unknown,
  url: string,
  provider: string,
): Promise<ParsedResponse> {
  const output = await checkWire<GoogleResponse>(body, GOOGLE_RESPONSE_SHAPE, provider, url);
  const { modelVersion, usageMetadata: usage } = output;
  const candidates = output.candidates ?? [];
  const first = candidates[0];
  const parts = first?.content?.parts ?? [];
  const text = textOf(parts);
  const origin = { provider, ...(modelVersion ? { model: modelVersion } : {}) };
  const reasoning: ReasoningPart[] = [];
  let thinking = '';
  for (const p of parts) {
    const signature = p.thoughtSignature ?? undefined;
    if (p.thought) thinking += p.text ?? '';
    // A thought keeps a non-empty signature; answer text keeps any, with empty text.
    if (!p.functionCall && (p.thought || signature !== undefined))
      reasoning.push({
        type: 'thinking',
        text: p.thought ? (p.text ?? '') : '',
        ...(signature || !p.thought ? { signature } : {}),
        ...origin,
      });
  }
  // Function calls are read by code loaded only for answers that have them (at least one, then).
  const toolCalls: ToolCall[] | undefined = parts.some((p) => p.functionCall)
    ? (await import('./read-google-parts.ts')).readGoogleCalls(output)
    : undefined;
  const reason = first?.finishReason ?? undefined;
  // Normal answers have a candidate that ends in STOP or MAX_TOKENS (or says nothing); the code for
  // the others (blocked prompts, filters, rare stops) loads when one comes.
  const odd = !first || (reason !== undefined && reason !== 'STOP' && reason !== 'MAX_TOKENS');
  const rare = odd ? await import('./google-answer-problem.ts') : undefined;
  const problem = rare?.googleAnswerProblem(
    output,
    body,
    text !== '' || toolCalls !== undefined,
    provider,
    url,
  );
  if (problem) throw problem;
  return {
    text,
    choices: candidates.map((c) => textOf(c.content?.parts ?? [])),
    // Gemini reports STOP for answers that end in function calls.
    finishReason: rare
      ? rare.mapGoogleFinishReason(reason!)
      : reason === 'MAX_TOKENS'
        ? 'length'
        : toolCalls
          ? 'tool_calls'
          : 'stop',
    rawFinishReason: reason,
    id: output.responseId ?? undefined,
    model: modelVersion ?? undefined,
    usage: usage
      ? {
          inputTokens: add(usage.promptTokenCount, usage.toolUsePromptTokenCount),
          outputTokens: add(usage.candidatesTokenCount, usage.thoughtsTokenCount),
          totalTokens: usage.totalTokenCount ?? undefined,
          reasoningTokens: usage.thoughtsTokenCount ?? undefined,
          cachedInputTokens: usage.cachedContentTokenCount ?? undefined,
          // The body's own object: the schema reads only some members.
          raw: (body as { usageMetadata: Usage['raw'] }).usageMetadata,
        }
      : {},
    thinking: thinking || undefined,
    toolCalls,
    assistant: {
      role: 'assistant',
      content: text,
      ...(toolCalls ? { toolCalls } : {}),
      ...(reasoning.length ? { reasoning } : {}),
    },
  };
}
