import type { ToolInput } from './options.ts';

/**
 * Tells portable tools (`{ name, parameters }`) from a provider-native array, which is sent verbatim
 * as before: items with a `type` (OpenAI's `{ type: 'function', function }`) or with neither `name`
 * nor `parameters` (Gemini's `{ functionDeclarations }`, `{ googleSearch: {} }`).
 */
export function isPortableTools(tools: unknown): tools is ToolInput[] {
  return (
    Array.isArray(tools) &&
    tools.length > 0 &&
    tools.every(
      (t) =>
        typeof t === 'object' && t !== null && !('type' in t) && ('name' in t || 'parameters' in t),
    )
  );
}
