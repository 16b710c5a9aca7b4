import { isCapability } from './capabilities.ts';
import type { Capability, ModelInfo } from './types.ts';
import { UnknownCapabilityError } from './unknown-capability-error.ts';

/**
 * A feature `supportsFeature` can check: every {@link Capability}, plus the reasoning controls and
 * input kinds.
 */
export type ModelFeature =
  | Capability
  | 'reasoningEffort'
  | 'thinkingBudget'
  | 'maxCompletionTokens'
  | 'audioInput'
  | 'pdfInput'
  | 'videoInput';

/** Every feature name. */
export const MODEL_FEATURES: readonly ModelFeature[] = [
  'tools',
  'vision',
  'structuredOutput',
  'reasoning',
  'thinking',
  'grammar',
  'temperature',
  'reasoningEffort',
  'thinkingBudget',
  'maxCompletionTokens',
  'audioInput',
  'pdfInput',
  'videoInput',
];

/**
 * Tells whether a string names a feature.
 * @param name - Any string.
 * @returns True for the names in {@link MODEL_FEATURES}.
 */
export function isModelFeature(name: string): name is ModelFeature {
  return (MODEL_FEATURES as readonly string[]).includes(name);
}

/**
 * Tells whether a model has a feature, from its data alone (no guessing from the name).
 * @param info - The model.
 * @param feature - The feature.
 * @returns True when the model has it.
 * @throws UnknownCapabilityError for a name outside {@link MODEL_FEATURES}.
 */
export function hasFeature(info: ModelInfo, feature: ModelFeature): boolean {
  if (isCapability(feature)) return info.capabilities[feature];
  switch (feature) {
    case 'reasoningEffort':
      return (info.reasoning?.efforts?.length ?? 0) > 0;
    case 'thinkingBudget':
      return info.reasoning?.budgetMax !== undefined;
    case 'maxCompletionTokens':
      return info.requiresMaxCompletionTokens;
    case 'audioInput':
      return info.inputModalities.includes('audio');
    case 'pdfInput':
      return info.inputModalities.includes('pdf');
    case 'videoInput':
      return info.inputModalities.includes('video');
    default:
      throw new UnknownCapabilityError(feature, MODEL_FEATURES);
  }
}
