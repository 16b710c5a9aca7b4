import { isPlainMessage } from '../../core/is-plain-message.ts';
import type { Message } from '../../core/types.ts';

/** A Gemini `Content`: a role (`user` or `model`) and its parts. */
export interface GoogleContent {
  role: 'user' | 'model';
  parts: Record<string, unknown>[];
}

/** The conversation in Gemini's shape. */
export interface GoogleContents {
  systemInstruction?: { parts: { text: string }[] };
  contents: GoogleContent[];
  /** What was changed on the way (function calls sent without their thought signature). */
  warnings: string[];
}

/**
 * Converts portable messages to Gemini `contents` and `systemInstruction`: `assistant` becomes
 * `model`, system messages become the system instruction, and consecutive tool results become one
 * `user` turn of `functionResponse` parts, as Gemini requires after a turn of function calls.
 * Reasoning from other providers is dropped; function calls Gemini did not sign get Google's
 * documented skip value on models that require signatures.
 * @param model - The model the request goes to.
 * @throws {@link InvalidRequestError} for a tool result whose function name cannot be found.
 */
export async function convertToGoogleContents(
  messages: readonly Message[],
  model = '',
): Promise<GoogleContents> {
  // Parts, reasoning, function calls and tool results load only for conversations that have them.
  const rich = messages.every(isPlainMessage) ? undefined : await import('./google-rich-parts.ts');
  const system: { text: string }[] = [];
  const contents: GoogleContent[] = [];
  const unsigned: string[] = [];
  messages.forEach((message, i) => {
    switch (message.role) {
      case 'system':
        system.push({ text: message.content });
        return;
      case 'user':
        contents.push({
          role: 'user',
          parts:
            typeof message.content === 'string'
              ? [{ text: message.content }]
              : rich!.userParts(message.content),
        });
        return;
      case 'assistant':
        contents.push({
          role: 'model',
          parts: rich ? rich.modelParts(message, model, unsigned) : [{ text: message.content }],
        });
        return;
      case 'tool': {
        const part = rich!.toolPart(messages, i);
        const last = contents[contents.length - 1];
        if (messages[i - 1]?.role === 'tool' && last) last.parts.push(part);
        else contents.push({ role: 'user', parts: [part] });
      }
    }
  });
  const warnings = rich ? rich.unsignedWarnings(unsigned) : [];
  return system.length
    ? { systemInstruction: { parts: system }, contents, warnings }
    : { contents, warnings };
}
