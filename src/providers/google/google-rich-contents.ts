import type { Message } from '../../core/types.ts';
import { modelParts, toolPart, unsignedWarnings, userParts } from './google-rich-parts.ts';

/** A Gemini `Content`: a role (`user` or `model`) and its parts. */
interface GoogleContent {
  role: 'user' | 'model';
  parts: Record<string, unknown>[];
}

/**
 * Sets a conversation with parts, reasoning, function calls or tool results as the body's Gemini
 * `contents` (convert-to-google-contents.ts sets the system instruction): consecutive tool results
 * become one `user` turn of `functionResponse` parts, as Gemini requires after a turn of function
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
  body.contents = contents;
  return unsignedWarnings(unsigned);
}
