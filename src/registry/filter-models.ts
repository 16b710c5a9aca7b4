import type { Effort, ServiceTier } from '../core/effort.ts';
import { isCapability } from './capabilities.ts';
import { modelEfforts, modelServiceTiers } from './model-efforts.ts';
import { normalizeProvider } from './normalize-provider.ts';
import type { Capability, ModelInfo, ModelProvider, ModelTier } from './types.ts';
import { UnknownCapabilityError } from './unknown-capability-error.ts';

/** Criteria of `filterModels`. A model must meet every criterion given; omitted ones match all. */
export interface FilterModelsOptions {
  /** Smallest context window, in tokens. */
  readonly minContext?: number;
  /** Largest context window, in tokens. */
  readonly maxContext?: number;
  /** Smallest `maxOutputTokens`. */
  readonly minOutput?: number;
  /** Providers to keep (case-insensitive; `grok` means `xai`). */
  readonly providers?: readonly ModelProvider[];
  /** Tiers to keep. */
  readonly tiers?: readonly ModelTier[];
  /** Capabilities a model must all have. */
  readonly capabilities?: readonly Capability[];
  /**
   * Drop deprecated models.
   * @default true
   */
  readonly excludeDeprecated?: boolean;
  /** Highest input price in USD per million tokens; models with an unknown price are dropped. */
  readonly maxInputPrice?: number;
  /** Highest output price in USD per million tokens; models with an unknown price are dropped. */
  readonly maxOutputPrice?: number;
  /** Keep models that take this reasoning effort (their own value, or a thinking budget). */
  readonly effort?: Effort;
  /** Keep models that offer this service tier. */
  readonly serviceTier?: ServiceTier;
}

/**
 * The models that meet every criterion, in registry order.
 * @param models - The models to filter.
 * @param options - The criteria.
 * @returns The ids of the matching models.
 * @throws UnknownCapabilityError when `capabilities` names one that does not exist.
 */
export function filterModelList(
  models: readonly ModelInfo[],
  options: FilterModelsOptions,
): string[] {
  const { minContext, maxContext, minOutput, tiers, capabilities, maxInputPrice, maxOutputPrice } =
    options;
  const { effort, serviceTier } = options;
  for (const c of capabilities ?? []) if (!isCapability(c)) throw new UnknownCapabilityError(c);
  const providers = options.providers?.map(normalizeProvider);
  const excludeDeprecated = options.excludeDeprecated ?? true;
  const withinPrice = (price: number | undefined, max: number | undefined): boolean =>
    max === undefined || (price !== undefined && price <= max);
  return models
    .filter(
      (m) =>
        (minContext === undefined || m.contextWindow >= minContext) &&
        (maxContext === undefined || m.contextWindow <= maxContext) &&
        (minOutput === undefined || m.maxOutputTokens >= minOutput) &&
        (providers === undefined || providers.includes(m.provider)) &&
        (tiers === undefined || tiers.includes(m.tier)) &&
        (capabilities ?? []).every((c) => m.capabilities[c]) &&
        !(excludeDeprecated && m.status === 'deprecated') &&
        withinPrice(m.pricing.input, maxInputPrice) &&
        withinPrice(m.pricing.output, maxOutputPrice) &&
        (effort === undefined || modelEfforts(m).includes(effort)) &&
        (serviceTier === undefined || modelServiceTiers(m).includes(serviceTier)),
    )
    .map((m) => m.id);
}
