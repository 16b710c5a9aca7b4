// Shared by the OpenAI-family case files (cases-openai*.mjs). One key constant, so every file can
// check that this exact text never reaches a cache key, an entry or an error message.
export const KEY = 'sk-test-0123456789abcdefSECRET';

/**
 * An OpenAIModel factory for emulator scenarios: a short retryDelay keeps the retry cases fast.
 * @param {any} sdk
 */
export function openaiModelFactory(sdk) {
  const { OpenAIModel } = sdk.openai;
  /** @param {string} endpoint @param {Record<string, unknown>} [opts] */
  return (endpoint, opts = {}) =>
    new OpenAIModel({ model: 'gpt-4o-mini', endpoint, apiKey: KEY, retryDelay: 10, ...opts });
}
