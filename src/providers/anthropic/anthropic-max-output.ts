import type { ModelSpec } from '../../core/model-spec.ts';

// Families, for models the registry does not list yet, by prefix, first match wins. Values are Anthropic's documented maximum output tokens.
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
 * @param spec - The registry's record of the model, when it has one.
 * @returns The registry's value, else the family's, else {@link ANTHROPIC_FALLBACK_MAX_OUTPUT}.
 */
export function anthropicMaxOutput(model: string, spec?: ModelSpec): number {
  if (spec) return spec.maxOutputTokens;
  const id = model.replace(/^anthropic\//, '');
  return FAMILIES.find(([re]) => re.test(id))?.[1] ?? ANTHROPIC_FALLBACK_MAX_OUTPUT;
}
