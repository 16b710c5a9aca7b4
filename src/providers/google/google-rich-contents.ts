import type { Message } from '../../core/types.ts';
import { modelParts, toolPart, unsignedWarnings, userParts } from './google-rich-parts.ts';

/** A Gemini `Content`: a role (`user` or `model`) and its parts. */
interface GoogleContent {
  role: 'user' | 'model';
  parts: Record<string, unknown>[];
}

// Whether a part has data: an empty string reads as an unset field (proto3), so `text: ""` is none.
const hasData = (part: Record<string, unknown>) => part.text !== '';

/**
 * Sets a conversation with parts, reasoning, function calls, tool results or an empty message as
 * the body's Gemini `contents` (convert-to-google-contents.ts sets the system instruction, from
 * which this drops empty text), leaving out empty text parts and turns with no parts left.
 * Consecutive tool results become one `user` turn of `functionResponse` parts, as Gemini requires after a turn of function
 * calls. Reasoning from other providers is dropped; function calls Gemini did not sign get Google's
 * documented skip value on models that require signatures. Loaded only for such conversations.
 * @param model - The model the request goes to.
 * @returns The warning for function calls sent without their thought signature, if any were.
 * @throws {@link InvalidRequestError} for a tool result whose function name cannot be found.
 */
export function googleRichContents(
  messages: readonly Message[],
  model: string,
  body: Record<string, unknown>,
): string[] {
  const contents: GoogleContent[] = [];
  const unsigned: string[] = [];
  messages.forEach((message, i) => {
    switch (message.role) {
      case 'user':
        contents.push({
          role: 'user',
          parts:
            typeof message.content === 'string'
              ? [{ text: message.content }]
              : userParts(message.content),
        });
        return;
      case 'assistant':
        contents.push({ role: 'model', parts: modelParts(message, model, unsigned) });
        return;
      case 'tool': {
        const part = toolPart(messages, i);
        const last = contents[contents.length - 1];
        if (messages[i - 1]?.role === 'tool' && last) last.parts.push(part);
        else contents.push({ role: 'user', parts: [part] });
      }
    }
  });
  // Google refuses a part with no data ("required oneof field 'data' must have one initialized
  // field"; Vertex: "empty text parameter"), and `{ "text": "" }` has none, a thought signature on
  // it or not (that of answer text is not checked). A turn left with no parts is left out: Google
  // takes two user turns in a row.
  const system = body.systemInstruction as Pick<GoogleContent, 'parts'> | undefined;
  if (system) {
    system.parts = system.parts.filter(hasData);
    if (!system.parts.length) delete body.systemInstruction;
  }
  for (const c of contents) c.parts = c.parts.filter(hasData);
  body.contents = contents.filter((c) => c.parts.length);
  return unsignedWarnings(unsigned);
}
