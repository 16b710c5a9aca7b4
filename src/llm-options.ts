import type { ModelCall } from './core/adapter.ts';
import { EFFORTS, SERVICE_TIERS, type Effort, type ServiceTier } from './core/effort.ts';
import { InvalidRequestError } from './core/errors/invalid-request-error.ts';
import { showValue } from './core/show-value.ts';
import { prepareAnthropicEffort } from './providers/anthropic/prepare-anthropic-effort.ts';
import { prepareGoogleEffort } from './providers/google/prepare-google-effort.ts';
import { prepareGoogleThinking } from './providers/google/prepare-google-thinking.ts';
import { prepareOpenAIEffort } from './providers/openai-compatible/prepare-openai-effort.ts';
import { getDefaultRegistry } from './registry/default-registry.ts';
import type { ModelSpec } from './core/model-spec.ts';

/** What {@link llmOptions} maps, and for which endpoint. */
export interface LLMOptionsInit {
  /** The universal reasoning effort. */
  effort?: Effort;
  /** The universal service tier. */
  tier?: ServiceTier;
  /** For OpenAI-style providers: Chat Completions (`reasoning_effort`) or Responses (`reasoning`). @default 'chat' */
  api?: 'chat' | 'responses';
  /** Receives what could not be mapped as asked (the same warnings a call gets). */
  onWarning?: (message: string) => void;
  /** A registry of your own (from `createRegistry`) to look the model up in. @default the built-in one */
  registry?: { getModelDetails(id: string): ModelSpec | undefined };
}

function check(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string))
    throw new InvalidRequestError(
      `llmOptions: ${name} must be one of ${allowed.join(', ')}; got ${showValue(value)}.`,
    );
}

/**
 * The provider-native request members for a universal effort and service tier (the Python original's
 * `get_llm_kwargs(llm, effort, tier)`), from the model registry: the same mapping the model classes
 * apply to the `effort` and `serviceTier` call options, for requests you build yourself. For example
 * `{ reasoning_effort: 'high', service_tier: 'flex' }` for `gpt-5`, `{ thinking: { type: 'adaptive' },
 * output_config: { effort: 'high' } }` for Claude Sonnet 4.6, `{ generationConfig: { thinkingConfig:
 * { includeThoughts: true, thinkingLevel: 'HIGH' } } }` for Gemini 3. Spread them into any call's
 * options: unknown members go into the body as they are. It lives in the core entry, not in
 * `alea-llm-client/registry`, because it uses every provider's mapping (the registry sits below the
 * providers); a bundle that does not call it carries none of that code.
 * @param model - A model id the registry knows.
 * @param init - The effort, tier, endpoint and warning receiver.
 * @returns The members; empty when the model has neither knob (a warning says so).
 * @throws {@link InvalidRequestError} for an unknown model or value.
 */
export function llmOptions(model: string, init: LLMOptionsInit = {}): Record<string, unknown> {
  const { effort, tier, api = 'chat' } = init;
  check('effort', effort, EFFORTS);
  check('tier', tier, SERVICE_TIERS);
  const spec = (init.registry ?? getDefaultRegistry()).getModelDetails(model);
  if (!spec) {
    throw new InvalidRequestError(
      `llmOptions: ${model} is not in the model registry; add it with createRegistry({ models }) and pass \`registry\`.`,
    );
  }
  const call: ModelCall = {
    method: 'chat',
    model,
    messages: [],
    output: { type: 'text' },
    extra: {},
    spec,
    effort,
    serviceTier: tier,
  };
  const warn = (warnings: string[]) => warnings.forEach((w) => init.onWarning?.(w));
  const out: Record<string, unknown> = {};
  if (spec.provider === 'anthropic') {
    const r = prepareAnthropicEffort(call, spec.maxOutputTokens, false);
    warn(r.warnings);
    if (r.thinking) {
      const { budgetTokens, ...rest } = r.thinking;
      out.thinking = budgetTokens === undefined ? rest : { ...rest, budget_tokens: budgetTokens };
    }
    if (r.effort) out.output_config = { effort: r.effort };
    if (r.serviceTier) out.service_tier = r.serviceTier;
  } else if (spec.provider === 'google') {
    const r = prepareGoogleEffort(call, false, false);
    const thinking = r.thinking ? prepareGoogleThinking(r.thinking, model, spec) : undefined;
    warn([...r.warnings, ...(thinking?.warnings ?? [])]);
    if (thinking?.thinkingConfig)
      out.generationConfig = { thinkingConfig: thinking.thinkingConfig };
    if (r.serviceTier) out.serviceTier = r.serviceTier;
  } else {
    warn(prepareOpenAIEffort(call, out, api, { provider: spec.provider }));
  }
  return out;
}
