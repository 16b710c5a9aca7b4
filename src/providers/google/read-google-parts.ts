import type { ReasoningPart, ToolCall } from '../../core/types.ts';
import type { GooglePart } from './google-api.ts';

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

/**
 * Reads the thought parts, thought signatures and function calls of an answer's first candidate.
 * Loaded only for answers that have one: a plain chat's answer never fetches it.
 * @param provider - `google`, and `model` the answer's model version: where the parts come from, so
 *   that another provider never gets Gemini's thought signatures.
 */
export function readGoogleParts(
  parts: GooglePart[],
  provider: string,
  model: string | null | undefined,
): { reasoning: ReasoningPart[]; toolCalls: ToolCall[]; thinking: string } {
  const origin = { provider, ...(model ? { model } : {}) };
  const reasoning: ReasoningPart[] = [];
  const toolCalls: ToolCall[] = [];
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
  const thinking = parts
    .filter((p) => p.thought)
    .map((p) => p.text ?? '')
    .join('');
  return { reasoning, toolCalls, thinking };
}
