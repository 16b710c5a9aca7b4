import type { ModelCall } from '../../core/adapter.ts';
import { nearestEffort } from '../../core/nearest-effort.ts';

/**
 * Anthropic's smallest thinking budget, as prepare-anthropic-thinking's MIN_THINKING_BUDGET (a test
 * holds them equal): importing that one would make a page fetch the thinking step's chunk only
 * after this one arrived, one more round trip before an effort's request goes out.
 */
export const MIN_THINKING_BUDGET = 1024;

// Thinking budgets for the universal efforts on models that think on a budget (before Claude Opus
// 4.5): 1024 is Anthropic's minimum; each step roughly quadruples, as Gemini's levels do.
const BUDGETS: Record<string, number> = {
  minimal: MIN_THINKING_BUDGET,
  low: 2048,
  medium: 8192,
  high: 16_384,
  xhigh: 32_768,
};
// Claude's `output_config.effort` values (anthropic-openapi.json EffortLevel).
const CLAUDE_EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

/** The effort and tier of one call, as Messages API members. */
export interface AnthropicEffort {
  /** A `thinking` option to use when the call sets none. */
  thinking?: Record<string, unknown>;
  /** `output_config.effort`. */
  effort?: string;
  /** `service_tier`. */
  serviceTier?: string;
  warnings: string[];
}

/**
 * Maps the universal `effort` and `serviceTier` to Anthropic's members, from the registry. Models
 * with effort levels (Claude Opus 4.5, Sonnet 4.6 and later; the registry's `reasoning.efforts`) get
 * `output_config.effort` (platform.claude.com build-with-claude/effort) and, unless the call sets
 * `thinking` or forces a tool, thinking: adaptive where the model has it, else a budget. Models that
 * think on a budget only get `thinking: { type: 'enabled', budget_tokens }` (1024 to 32768 by level,
 * below `max_tokens`). `none` leaves thinking off (the lowest effort where the model has levels);
 * models that do not think get nothing, with a warning. Tiers: `standard` is `service_tier:
 * "standard_only"`, `priority` is `"auto"` (Priority Tier capacity when the organisation has it;
 * docs.claude.com/en/api/service-tiers); Anthropic has no flex tier.
 * @param call - The call (its spec, effort, tier, maxTokens and toolChoice).
 * @param modelMax - The `max_tokens` sent when the call sets none.
 * @param thinkingSet - Whether the call sets `thinking` itself (it then wins).
 */
export function prepareAnthropicEffort(
  call: ModelCall,
  modelMax: number,
  thinkingSet: boolean,
): AnthropicEffort {
  const out: AnthropicEffort = { warnings: [] };
  const { spec, model, effort, serviceTier } = call;
  if (serviceTier === 'flex')
    out.warnings.push(
      "serviceTier 'flex' was not sent: Anthropic has no flex tier (the Message Batches API is its discounted route).",
    );
  else if (serviceTier) out.serviceTier = serviceTier === 'standard' ? 'standard_only' : 'auto';
  if (effort === undefined) return out;
  const levels = spec ? (spec.reasoning?.efforts ?? []) : CLAUDE_EFFORTS;
  const budgeted = spec?.capabilities.thinking && spec.reasoning?.budgetMin !== undefined;
  if (!levels.length && !budgeted) {
    out.warnings.push(
      `effort '${effort}' was not sent: ${model} has neither effort levels nor thinking (model registry).`,
    );
    return out;
  }
  if (levels.length) {
    const value = nearestEffort(effort, levels);
    out.effort = value;
    if (value !== effort)
      out.warnings.push(
        `${model} has no effort '${effort}' (it takes ${levels.join(', ')}); sent '${value}'` +
          (effort === 'none' ? ' without thinking.' : '.'),
      );
  }
  if (effort === 'none' || thinkingSet || !spec?.capabilities.thinking) return out;
  const forced = typeof call.toolChoice === 'object' || call.toolChoice === 'required';
  if (forced) {
    out.warnings.push(
      `effort '${effort}' did not turn thinking on: Anthropic refuses thinking with a forced tool choice.`,
    );
    return out;
  }
  if (spec.adaptiveThinking) {
    out.thinking = { type: 'adaptive' };
    return out;
  }
  if (!budgeted) return out;
  const max = call.maxTokens ?? modelMax;
  const ceiling = Math.min(spec.reasoning?.budgetMax ?? max - 1, max - 1);
  if (ceiling < MIN_THINKING_BUDGET) {
    out.warnings.push(
      `effort '${effort}' did not turn thinking on: maxTokens ${max} leaves no room for the smallest thinking budget (${MIN_THINKING_BUDGET}).`,
    );
    return out;
  }
  const budget = Math.max(MIN_THINKING_BUDGET, Math.min(BUDGETS[effort] ?? ceiling, ceiling));
  out.thinking = { type: 'enabled', budgetTokens: budget };
  return out;
}
