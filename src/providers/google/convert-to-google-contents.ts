import { isPlainMessage } from '../../core/is-plain-message.ts';
import type { Message } from '../../core/types.ts';

/**
 * Puts the conversation on a Gemini request body: system messages become `systemInstruction`, the
 * others `contents`, where `assistant` becomes `model`. Conversations with parts, reasoning,
 * function calls, tool results or an empty message are converted by google-rich-contents.ts, which
 * loads only for them.
 * @param model - The model the request goes to.
 * @param body - The request body, completed in place.
 * @returns What was changed on the way (function calls sent without their thought signature).
 * @throws {@link InvalidRequestError} for a tool result whose function name cannot be found.
 */
export async function convertToGoogleContents(
  messages: readonly Message[],
  model: string,
  body: Record<string, unknown>,
): Promise<string[]> {
  const system = messages.flatMap((m) => (m.role === 'system' ? [{ text: m.content }] : []));
  if (system.length) body.systemInstruction = { parts: system };
  // Google refuses an empty text part: a conversation with an empty message (a blank answer sent
  // back) is converted by the code that leaves such parts out, as one with parts is.
  if (!messages.every((m) => isPlainMessage(m) && m.content))
    return (await import('./google-rich-contents.ts')).googleRichContents(messages, model, body);
  body.contents = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'user' ? 'user' : 'model', parts: [{ text: m.content }] }));
  return [];
}
