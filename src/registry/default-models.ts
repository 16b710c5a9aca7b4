/**
 * The default model per provider: the defaults of the Python original 0.3.x (its PyPI description)
 * where the registry has them.
 */
export const DEFAULT_MODELS = {
  openai: 'gpt-5.4',
  anthropic: 'claude-sonnet-4-6',
  google: 'gemini-3.1-pro-preview',
  // 0.3.x defaults to grok-4-fast-non-reasoning, which models.dev no longer lists (snapshot 2026-07-02);
  // grok-4.20-0309-non-reasoning is its current successor: the fast, non-reasoning Grok 4 line.
  xai: 'grok-4.20-0309-non-reasoning',
} as const satisfies Readonly<Record<'openai' | 'anthropic' | 'google' | 'xai', string>>;
