import type { Capability, ModelTier } from './types.ts';

/** Every capability name, in table order. */
export const CAPABILITIES: readonly Capability[] = [
  'tools',
  'vision',
  'structuredOutput',
  'reasoning',
  'thinking',
  'grammar',
  'temperature',
];

/** Every tier, from smallest to largest, then the product lines (`pro`, `flash`, `heavy`). */
export const MODEL_TIERS: readonly ModelTier[] = [
  'nano',
  'mini',
  'small',
  'medium',
  'standard',
  'large',
  'pro',
  'flash',
  'heavy',
];

/**
 * Tells whether a string names a capability.
 * @param name - Any string, for example from user input.
 * @returns True for the names in {@link CAPABILITIES}.
 */
export function isCapability(name: string): name is Capability {
  return (CAPABILITIES as readonly string[]).includes(name);
}
