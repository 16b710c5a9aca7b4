// Names and id helpers shared by the registry generator's modules (scripts/generate-registry.mjs).

export const PROVIDERS = ['openai', 'anthropic', 'google', 'xai'];

/** Model id without a trailing snapshot date (gpt-5-2025-08-07, gpt-4-0613, grok-2-1212). */
export function stripDate(id) {
  return id.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/, '');
}

export function uniq(list) {
  return [...new Set(list)];
}
