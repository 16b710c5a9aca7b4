import type { ToolInput } from './options.ts';

/**
 * Tells portable tools (`{ name, parameters }`) from a provider-native array, which is sent verbatim
 * as before: items with a `type` (OpenAI's `{ type: 'function', function }`), with an `input_schema`
 * (Anthropic's documented `{ name, input_schema }`), or with neither `name` nor `parameters`
 * (Gemini's `{ functionDeclarations }`, `{ googleSearch: {} }`). An Anthropic model converts the
 * portable items of such an array one by one (mix-anthropic-tools).
 */
export function isPortableTools(tools: unknown): tools is ToolInput[] {
  return Array.isArray(tools) && tools.length > 0 && tools.every(isPortableTool);
}

/** One item of {@link isPortableTools}: an object with `name` or `parameters`, no `type`, no `input_schema`. */
export const isPortableTool = (t: unknown): t is object =>
  typeof t === 'object' &&
  t !== null &&
  !('type' in t || 'input_schema' in t) &&
  ('name' in t || 'parameters' in t);
