import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { TOKEN_MAPPING, type TokenFamily } from './token-type.ts';

/** A turn for {@link formatModelPrompt}: the role (default `user`) and its text. */
export interface TemplateMessage {
  readonly role?: string;
  readonly content: string;
}

/** Options of {@link formatModelPrompt}. */
export interface FormatModelPromptOptions {
  /** The template family, a key of `TOKEN_MAPPING`. */
  readonly model: TokenFamily;
  /** A system prompt, placed first. */
  readonly system?: string;
}

/**
 * Writes a raw prompt in a model's chat template, as the original's token-template `format_prompt`
 * (exported here under this name, so it does not clash with the sectioned `formatPrompt`).
 * For `complete()` on a server that takes raw text. Each turn is
 * `START_HEADER role END_HEADER \n\n text END_OF_TEXT`; the prompt opens with BEGIN_OF_TEXT and ends
 * with the assistant's header. A text (or last user turn) ending in the JSON marker loses the marker,
 * and the assistant's turn is opened with it instead, so the model answers in a JSON fence.
 * @param input - The user's text, or the turns.
 * @param options - The template family and an optional system prompt.
 * @returns The prompt text.
 * @throws InvalidRequestError for an unknown family or a turn without text.
 */
export function formatModelPrompt(
  input: string | readonly TemplateMessage[],
  options: FormatModelPromptOptions,
): string {
  const tokens = (TOKEN_MAPPING as Record<string, (typeof TOKEN_MAPPING)[TokenFamily]>)[
    options?.model
  ];
  if (!tokens)
    throw new InvalidRequestError(
      `formatModelPrompt: unknown \`model\` ${JSON.stringify(options?.model)}; use one of ` +
        `${Object.keys(TOKEN_MAPPING).join(', ')}.`,
    );
  const turn = (role: string, text: string) =>
    `${tokens.START_HEADER}${role}${tokens.END_HEADER}\n\n${text}${tokens.END_OF_TEXT}`;
  const marker = tokens.JSON_MARKER;
  const turns = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
  if (!Array.isArray(turns))
    throw new InvalidRequestError('formatModelPrompt: pass the text or an array of turns.');
  let json = false;
  const body = turns.map((m: TemplateMessage, i: number) => {
    if (typeof m?.content !== 'string')
      throw new InvalidRequestError(`formatModelPrompt: turns[${i}].content must be a string.`);
    const role = (m.role ?? 'user').toLowerCase();
    let text = m.content;
    if (i === turns.length - 1 && role === 'user' && text.endsWith(marker)) {
      json = true;
      text = text.slice(0, -marker.length);
    }
    return turn(role, text);
  });
  const system = options.system === undefined ? '' : turn('system', options.system);
  const open = `${tokens.START_HEADER}assistant${tokens.END_HEADER}\n\n`;
  return `${tokens.BEGIN_OF_TEXT}${system}${body.join('')}${open}${json ? `${marker}\n` : ''}`;
}

/**
 * {@link formatModelPrompt} with the `llama3` template (the original's `format_prompt_llama3`).
 * @param input - The user's text, or the turns.
 * @param options - An optional system prompt.
 * @returns The prompt text.
 */
export function formatPromptLlama3(
  input: string | readonly TemplateMessage[],
  options: { readonly system?: string } = {},
): string {
  return formatModelPrompt(input, { ...options, model: 'llama3' });
}
