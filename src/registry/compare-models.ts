import type { Effort, ServiceTier } from '../core/effort.ts';
import { modelEfforts, modelServiceTiers } from './model-efforts.ts';
import type { ModelInfo, ModelProvider, ModelStatus, ModelTier } from './types.ts';

/** One model's row in a `compareModels` result. */
export interface ModelComparison {
  readonly provider: ModelProvider;
  readonly tier: ModelTier;
  readonly status: ModelStatus;
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  readonly tools: boolean;
  readonly vision: boolean;
  readonly structuredOutput: boolean;
  readonly reasoning: boolean;
  readonly thinking: boolean;
  /** Audio input. */
  readonly audio: boolean;
  /** The universal `effort` values the model takes (empty: it has no reasoning knob). */
  readonly efforts: readonly Effort[];
  /** The universal `serviceTier` values the model offers (`standard` always). */
  readonly serviceTiers: readonly ServiceTier[];
  /** USD per million input tokens, when known. */
  readonly inputPrice?: number;
  /** USD per million output tokens, when known. */
  readonly outputPrice?: number;
}

/**
 * Summarises models side by side.
 * @param models - The models, in the order the caller asked for them.
 * @returns A record from model id to its summary.
 */
export function compareModelInfos(models: readonly ModelInfo[]): Record<string, ModelComparison> {
  const result: Record<string, ModelComparison> = {};
  for (const m of models) {
    result[m.id] = {
      provider: m.provider,
      tier: m.tier,
      status: m.status,
      contextWindow: m.contextWindow,
      maxOutputTokens: m.maxOutputTokens,
      tools: m.capabilities.tools,
      vision: m.capabilities.vision,
      structuredOutput: m.capabilities.structuredOutput,
      reasoning: m.capabilities.reasoning,
      thinking: m.capabilities.thinking,
      audio: m.inputModalities.includes('audio'),
      efforts: modelEfforts(m),
      serviceTiers: modelServiceTiers(m),
      inputPrice: m.pricing.input,
      outputPrice: m.pricing.output,
    };
  }
  return result;
}
