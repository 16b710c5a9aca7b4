import type { StreamReader } from '../../core/adapter.ts';
import { InvalidResponseError } from '../../core/errors/invalid-response-error.ts';
import { streamErrorEvent } from '../../core/stream-error-event.ts';
import { googleCallId } from './read-google-parts.ts';

type Part = Record<string, unknown> & {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  functionCall?: { id?: string; name: string; args?: unknown };
};
type Candidate = Record<string, unknown> & {
  index?: number;
  content?: Record<string, unknown> & { parts?: Part[] };
};
type Chunk = Record<string, unknown> & { candidates?: Candidate[]; error?: unknown };

const isText = (p: Part | undefined) => typeof p?.text === 'string' && !p.functionCall;

/**
 * Reads a `streamGenerateContent?alt=sse` stream (each event a GenerateContentResponse holding the
 * next parts) into the one response it stands for: consecutive text parts of the same kind (answer or
 * thought) are joined, a thought signature stays on the part it came with, function calls are kept
 * whole, and the last finish reason, usage and feedback win. Gemini has no end event: the stream
 * ended properly once the first candidate has a finish reason, or the prompt was blocked.
 * @param provider - `google`, for errors.
 * @param url - The streamed URL, for errors.
 */
export function createGoogleStreamReader(provider: string, url: string): StreamReader {
  const answer: Record<string, unknown> & { candidates: Candidate[] } = { candidates: [] };
  return {
    read(sse, emit) {
      let chunk: Chunk;
      try {
        chunk = JSON.parse(sse.data) as Chunk;
      } catch {
        const detail = 'a stream event is not JSON';
        throw new InvalidResponseError({ provider, url, detail, body: sse.data });
      }
      if (chunk.error) throw streamErrorEvent(provider, url, chunk.error);
      const { candidates = [], ...rest } = chunk;
      Object.assign(answer, rest);
      candidates.forEach((c, n) => {
        const at = c.index ?? n;
        const { content, ...fields } = c;
        const kept = (answer.candidates[at] ??= {});
        Object.assign(kept, fields);
        if (!content?.parts) return;
        const parts = ((kept.content ??= { ...content, parts: [] }).parts ??= []);
        for (const part of content.parts) {
          const last = parts.at(-1);
          const join =
            isText(part) &&
            isText(last) &&
            !!part.thought === !!last!.thought &&
            !(part.thoughtSignature && last!.thoughtSignature);
          if (join) {
            last!.text += part.text!;
            if (part.thoughtSignature) last!.thoughtSignature = part.thoughtSignature;
          } else parts.push({ ...part });
          if (at !== 0) continue;
          if (isText(part) && part.text)
            emit({ type: part.thought ? 'thinking' : 'text', delta: part.text });
          else if (part.functionCall) {
            const { id, name, args } = part.functionCall;
            const callId = id ?? googleCallId(answer.responseId, parts.length - 1, name, args);
            emit({
              type: 'tool-call-delta',
              id: callId,
              name,
              argumentsDelta: JSON.stringify(args ?? {}),
            });
          }
        }
      });
    },
    result() {
      const blocked = (answer.promptFeedback as { blockReason?: string } | undefined)?.blockReason;
      return blocked || answer.candidates[0]?.finishReason ? answer : undefined;
    },
  };
}
