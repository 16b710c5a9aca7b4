import type { ModelCall } from '../../core/adapter.ts';
import { nearestEffort } from '../../core/nearest-effort.ts';

/** OpenAI's name of each universal tier (`service_tier`: `flex`, `default`, `priority`). */
const OPENAI_TIERS = { flex: 'flex', standard: 'default', priority: 'priority' } as const;

/** Which provider's rules apply to a model the registry does not know. */
export interface OpenAIEffortRules {
  provider: string;
  /** The id rule for reasoning models, where the provider has one (OpenAI). */
  isReasoningModel?: (model: string) => boolean;
}

/**
 * Maps the universal `effort` and `serviceTier` to an OpenAI-style body, in place: Chat Completions
 * `reasoning_effort` or Responses `reasoning.effort`, and `service_tier`. The registry decides what a
 * model takes (`reasoning.efforts`, `serviceTiers`); a value it lacks becomes the nearest one with a
 * warning, and a model without the knob gets nothing, with a warning, since OpenAI and xAI answer 400
 * ("Unsupported parameter: 'reasoning_effort' is not supported with this model", "Flex is not
 * available for this model"). Models the registry does not know: OpenAI by its id rule, vLLM and
 * compatible servers as asked (they take `reasoning_effort`), xAI not at all; tiers only on OpenAI.
 * A value the caller set natively (`reasoning_effort`, `reasoning.effort`, `service_tier`) wins.
 * @param call - The call.
 * @param body - The request body; changed in place.
 * @param api - The endpoint.
 * @param rules - The provider.
 * @returns Warnings.
 */
export function prepareOpenAIEffort(
  call: ModelCall,
  body: Record<string, unknown>,
  api: 'chat' | 'responses',
  rules: OpenAIEffortRules,
): string[] {
  const warnings: string[] = [];
  const { spec, model, effort, serviceTier } = call;
  const openai = rules.provider === 'openai';
  if (effort !== undefined) {
    const reasoning = (body.reasoning ?? {}) as Record<string, unknown>;
    const native = api === 'chat' ? body.reasoning_effort : reasoning.effort;
    let value: string | undefined;
    if (spec) {
      const accepted = spec.reasoning?.efforts ?? [];
      value = nearestEffort(effort, accepted);
      if (value === undefined) {
        warnings.push(
          `effort '${effort}' was not sent: ${model} takes no reasoning effort (model registry).`,
        );
      } else if (value !== effort) {
        warnings.push(
          `${model} has no effort '${effort}' (it takes ${accepted.join(', ')}); sent '${value}'.`,
        );
      }
    } else if (openai ? rules.isReasoningModel?.(model) : rules.provider !== 'xai') {
      value = effort;
    } else {
      warnings.push(
        `effort '${effort}' was not sent: ${model} is not in the model registry, and ` +
          `${rules.provider} refuses reasoning effort on models without it.`,
      );
    }
    if (native !== undefined) value = undefined;
    if (value !== undefined && api === 'chat') body.reasoning_effort = value;
    else if (value !== undefined) body.reasoning = { ...reasoning, effort: value };
  }
  // Leaving the tier out is standard processing everywhere but OpenAI, where a project may default
  // to another tier: only OpenAI is sent `default`.
  const silent = serviceTier === 'standard' && !openai;
  if (serviceTier !== undefined && body.service_tier === undefined && !silent) {
    const offered =
      serviceTier === 'standard' || (spec ? spec.serviceTiers?.includes(serviceTier) : openai);
    if (openai && offered) body.service_tier = OPENAI_TIERS[serviceTier];
    else {
      warnings.push(
        `serviceTier '${serviceTier}' was not sent: ` +
          (openai
            ? `${model} does not offer it (model registry).`
            : `${rules.provider} has no service tiers.`),
      );
    }
  }
  return warnings;
}
