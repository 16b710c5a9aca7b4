import { anthropicModels } from '../../registry/data/anthropic.ts';

// Families the generated registry may not list yet (for example the default claude-sonnet-4-6),
// by prefix, first match wins. Values are Anthropic's documented maximum output tokens.
const FAMILIES: readonly (readonly [RegExp, number])[] = [
  [/^claude-opus-4-[01](\b|-|$)/, 32_000],
  [/^claude-opus-4-5/, 64_000],
  [/^claude-opus-4-/, 128_000],
  [/^claude-(sonnet|haiku)-4/, 64_000],
  [/^claude-3-7-/, 64_000],
  [/^claude-3-5-/, 8_192],
  [/^claude-3-/, 4_096],
];

/** What an unknown model gets: the smallest maximum of any Claude model, so the request is valid. */
export const ANTHROPIC_FALLBACK_MAX_OUTPUT = 4_096;

/**
 * The most output tokens a Claude model can produce: the default `max_tokens`, since Anthropic
 * requires one and a small default silently truncates answers (the original sent 128).
 * @param model - The model id, with or without a date suffix.
 * @returns The registry's value, else the family's, else {@link ANTHROPIC_FALLBACK_MAX_OUTPUT}.
 */
export function anthropicMaxOutput(model: string): number {
  const id = model.replace(/^anthropic\//, '');
  const row =
    anthropicModels.rows.find((r) => r[0] === id) ??
    anthropicModels.rows.find((r) => r[0] === id.replace(/-\d{8}$/, ''));
  if (row) return row[2];
  return FAMILIES.find(([re]) => re.test(id))?.[1] ?? ANTHROPIC_FALLBACK_MAX_OUTPUT;
}
