/**
 * `alea-llm-client/prompts`: the Python original's prompt and JSON helpers, with its outputs (and
 * without its bugs): sectioned prompts, numbered instructions, JSON found in an answer, enum refs
 * inlined, and the llama3 token template. Pure string functions; nothing runs at import time.
 * @module
 */
export { formatInstructions } from './format-instructions.ts';
export {
  formatModelPrompt,
  formatPromptLlama3,
  type FormatModelPromptOptions,
  type TemplateMessage,
} from './format-model-prompt.ts';
export { formatPrompt, formatPromptSections, type PromptSections } from './format-prompt.ts';
export { formatSectionContent } from './format-section-content.ts';
export { getSectionTag } from './get-section-tag.ts';
export { normalizeJsonResponse } from './normalize-json-response.ts';
export { normalizeSectionTitle } from './normalize-section-title.ts';
export { CONTENT_TYPE_REF, replaceJsonRefsWithEnum } from './replace-json-refs-with-enum.ts';
export { TOKEN_MAPPING, TokenType, type TokenFamily } from './token-type.ts';
