import { EFFORTS, type Effort, type ServiceTier } from '../core/effort.ts';
import type { ModelSpec } from './types.ts';

/**
 * The universal efforts a model takes as they are: its own effort values (OpenAI `reasoning_effort`,
 * Claude `output_config.effort`, Gemini `thinkingLevel`, xAI `reasoning_effort`). A model that thinks
 * on a token budget instead (Claude before Opus 4.5, Gemini 2.5) takes every effort, as a budget.
 * @param spec - The model's record.
 * @returns The efforts, least first; empty for a model without a reasoning knob.
 */
export function modelEfforts(spec: ModelSpec): Effort[] {
  const own = spec.reasoning?.efforts;
  if (own?.length) return EFFORTS.filter((e) => own.includes(e));
  if (spec.capabilities.thinking && spec.reasoning?.budgetMin !== undefined)
    return EFFORTS.filter((e) => e !== 'none');
  return [];
}

/**
 * The service tiers a model offers: `standard` always, and `flex` or `priority` where the registry
 * lists them.
 * @param spec - The model's record.
 */
export function modelServiceTiers(spec: ModelSpec): ServiceTier[] {
  return ['standard', ...(spec.serviceTiers ?? [])];
}
