import type { ToolCall } from '../../core/types.ts';
import type { GoogleResponse } from './google-api.ts';

/**
 * The id of a function call Gemini sent without one: a short, stable hash (FNV-1a) of the answer's
 * `responseId`, the call's place, name and arguments. The same answer (whole or streamed) always
 * gets the same ids, and a call repeated in a later answer gets another id (Anthropic refuses a
 * conversation whose `tool_use` ids repeat).
 * @param responseId - The answer's id (every event of a stream carries it).
 * @param index - The call's part index in the candidate.
 */
export function googleCallId(
  responseId: unknown,
  index: number,
  name: string,
  args: unknown,
): string {
  const text = `${String(responseId ?? '')}:${index}:${name}:${JSON.stringify(args ?? {})}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `call_${(h >>> 0).toString(36)}`;
}

/**
 * Reads the function calls of an answer's first candidate, each with its thought signature. Loaded
 * only for answers that have one: a plain chat's answer never fetches it.
 */
export function readGoogleCalls(output: GoogleResponse): ToolCall[] {
  const toolCalls: ToolCall[] = [];
  output.candidates![0]!.content!.parts!.forEach((p, i) => {
    if (!p.functionCall) return;
    const signature = p.thoughtSignature ?? undefined;
    const { name, args, id } = p.functionCall;
    const call: ToolCall = {
      id: id ?? googleCallId(output.responseId, i, name, args),
      name,
      arguments: args ?? {},
    };
    toolCalls.push(signature === undefined ? call : { ...call, signature });
  });
  return toolCalls;
}
