/**
 * Normalises a provider name for lookups: lower case, and `grok` means `xai` (the Python original's
 * `GrokModel` and key file name).
 * @param provider - A provider name as a user may write it.
 * @returns The registry's provider id.
 */
export function normalizeProvider(provider: string): string {
  const p = provider.trim().toLowerCase();
  return p === 'grok' ? 'xai' : p;
}
