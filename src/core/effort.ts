/**
 * A universal reasoning effort, from least to most. Each provider maps it to its own knob (OpenAI
 * `reasoning_effort` / `reasoning.effort`, Claude `output_config.effort` or a thinking budget, Gemini
 * `thinkingLevel` or `thinkingBudget`, xAI `reasoning_effort`); a value a model lacks becomes the
 * nearest one it has, with a warning. `none` turns reasoning off where a model allows it.
 */
export type Effort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/**
 * A universal service tier: `flex` (cheaper, slower, may be refused under load), `standard` (the
 * provider's default) or `priority` (faster, dearer).
 */
export type ServiceTier = 'flex' | 'standard' | 'priority';

/** Every {@link Effort}, from least to most: the order nearest-value mapping follows. */
export const EFFORTS: readonly Effort[] = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
];

/** Every {@link ServiceTier}. */
export const SERVICE_TIERS: readonly ServiceTier[] = ['flex', 'standard', 'priority'];
