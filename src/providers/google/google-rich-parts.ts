import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { ContentPart, Message, ToolCall } from '../../core/types.ts';

// Loaded only for conversations with parts, reasoning, function calls or tool results: a plain chat
// (strings in, text out) never fetches it.

// Google's documented value for function calls Gemini did not make (another model's history, or a
// signature that was lost), `skip_thought_signature_validator`:
// https://ai.google.dev/gemini-api/docs/thought-signatures (FAQ). The field is bytes, and its spec
// says standard base64 (`format: byte`), which has `/` where base64url has `_`: spelled so, it
// decodes to the very same bytes and passes the spec too.
const SKIP_SIGNATURE = 'skip/thought/signature/validator';

/**
 * Gemini 3 and later refuse a function-call turn without a thought signature; Gemini 1.x and 2.x do
 * not check (same page, "Gemini 3 models enforce stricter validation").
 */
const enforcesSignatures = (model: string) => !/^(?:.*\/)?gemini-[12][.-]/.test(model);

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

function imagePart(url: string, mediaType: string | undefined): Record<string, unknown> {
  if (url.startsWith('data:')) {
    const m = /^data:([^;,]+)[^,]*;base64,(.*)$/s.exec(url);
    if (!m)
      throw new InvalidRequestError(
        'An image data: URL must be base64-encoded (data:image/png;base64,…).',
      );
    return { inlineData: { mimeType: mediaType ?? m[1], data: m[2] } };
  }
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  const mimeType = mediaType ?? (ext ? IMAGE_TYPES[ext] : undefined);
  return { fileData: { fileUri: url, ...(mimeType ? { mimeType } : {}) } };
}

/** The parts of a user message given as parts. */
export function userParts(content: ContentPart[]): Record<string, unknown>[] {
  return content.map((part) => {
    if (part.type === 'text') return { text: part.text };
    if (part.type === 'image') return imagePart(part.url, part.mediaType);
    // A Gemini-native part (inlineData, fileData, …) passes through unchanged.
    return part as unknown as Record<string, unknown>;
  });
}

/**
 * Rebuilds a model turn. Gemini wants its parts, signatures included, back unchanged: thought parts
 * come from `reasoning` (`thinking` with text); a signature Gemini put on the answer text travels as
 * a `thinking` part with empty text; function-call signatures ride on `toolCalls[].signature`.
 */
export function modelParts(
  message: Extract<Message, { role: 'assistant' }>,
  model: string,
  unsigned: string[],
): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = [];
  let textSignature: string | undefined;
  for (const r of message.reasoning ?? []) {
    if (r.type !== 'thinking') continue; // Anthropic's redacted blocks mean nothing to Gemini.
    // Another provider's signature is "Corrupted thought signature." (400), and Gemini reads nothing
    // from unsigned thought text: another provider's reasoning is dropped.
    if (r.provider !== undefined && r.provider !== 'google') continue;
    if (r.text === '') textSignature ??= r.signature;
    else parts.push({ text: r.text, thought: true, ...sig(r.signature) });
  }
  if (message.content !== '' || !message.toolCalls?.length) {
    parts.push({ text: message.content, ...sig(textSignature) });
  }
  const calls = message.toolCalls ?? [];
  // Gemini signs the first call of a turn; a turn with no signature at all was not made by Gemini.
  const skip = calls.length > 0 && calls.every((c) => !c.signature) && enforcesSignatures(model);
  if (skip) unsigned.push(...calls.map((c) => c.name));
  calls.forEach((call, i) => {
    const signature = call.signature ?? (skip && i === 0 ? SKIP_SIGNATURE : undefined);
    parts.push({ functionCall: { name: call.name, args: argsOf(call) }, ...sig(signature) });
  });
  return parts;
}

const sig = (signature: string | undefined) =>
  signature === undefined ? {} : { thoughtSignature: signature };

function argsOf(call: ToolCall): unknown {
  if (typeof call.arguments === 'object' && call.arguments !== null) return call.arguments;
  if (typeof call.arguments === 'string') {
    try {
      const parsed: unknown = JSON.parse(call.arguments);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON: wrapped below.
    }
  }
  return call.arguments === undefined ? {} : { value: call.arguments };
}

/** A tool result as the object Gemini's `functionResponse.response` needs. */
function responseOf(content: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    return { output: parsed };
  } catch {
    return { output: content };
  }
}

/** Finds the tool name of a call id: Gemini answers by name, the portable tool message by id. */
function toolName(messages: readonly Message[], index: number): string {
  const message = messages[index] as Extract<Message, { role: 'tool' }>;
  if (message.name) return message.name;
  for (let i = index - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== 'assistant') continue;
    const call = m.toolCalls?.find((c) => c.id === message.toolCallId);
    if (call) return call.name;
  }
  throw new InvalidRequestError(
    `The tool message for call ${JSON.stringify(message.toolCallId)} has no \`name\`, and no earlier ` +
      'assistant message has a tool call with that id. Gemini matches results by function name: ' +
      'set `name` on the tool message.',
  );
}

/**
 * The `functionResponse` part of the tool message at `index`.
 * @throws {@link InvalidRequestError} when its function name cannot be found.
 */
export const toolPart = (messages: readonly Message[], index: number) => ({
  functionResponse: {
    name: toolName(messages, index),
    response: responseOf((messages[index] as Extract<Message, { role: 'tool' }>).content),
  },
});

/** The warning for function calls sent without their thought signature, if any were. */
export const unsignedWarnings = (unsigned: string[]): string[] =>
  unsigned.length
    ? [
        `Function calls without a Gemini thought signature (made by another provider, or the ` +
          `signature was lost) were sent with Google's skip_thought_signature_validator: ` +
          `${[...new Set(unsigned)].join(', ')}.`,
      ]
    : [];
