import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** The original library's budget for `thinking: true` and `{ enabled: true }` without a budget. */
export const DEFAULT_THINKING_BUDGET = 1600;
/** Anthropic's smallest thinking budget. */
export const MIN_THINKING_BUDGET = 1024;
/**
 * The most a `{ type: 'adaptive' }` request is given as a budget on a model without adaptive thinking
 * (it gets half of `max_tokens`, up to this): room for real reasoning, as adaptive thinking at its
 * default effort would use, without spending most of a large `max_tokens` on it.
 */
export const ADAPTIVE_FALLBACK_BUDGET = 16_000;

/** What a budgeted `thinking` option may say besides the budget. */
interface BudgetOptions {
  budgetTokens?: number;
  budget_tokens?: number;
  /**
   * On a model that only thinks adaptively (the registry lists no budget range, e.g. Claude Opus
   * 4.7), throw `InvalidRequestError` instead of sending `{ type: 'adaptive' }` with a warning.
   * @default false
   */
  requireBudget?: boolean;
}

/**
 * The `thinking` call option. The wire shapes in camelCase, plus the original library's
 * `true` / `{ enabled, budgetTokens }` forms; `budget_tokens` is accepted as a spelling too.
 */
export type AnthropicThinking =
  | boolean
  | ({ type: 'enabled'; display?: string } & BudgetOptions)
  | { type: 'adaptive'; display?: string }
  | { type: 'disabled' }
  | ({ enabled: boolean } & BudgetOptions);

/** The thinking setting resolved for one request. */
export interface ResolvedThinking {
  /** The wire `thinking` member, or undefined to send none. */
  wire?: Record<string, unknown>;
  /** True when the model will think (enabled or adaptive). */
  on: boolean;
  /** `max_tokens` to send. */
  maxTokens: number;
  /** Set when the request differs from what was asked (a budget mapped to adaptive thinking). */
  warning?: string;
}

function fail(detail: string): never {
  throw new InvalidRequestError(`thinking: ${detail}`);
}

function budgetOf(t: Record<string, unknown>): number {
  const value = givenBudget(t) ?? DEFAULT_THINKING_BUDGET;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    fail(`budgetTokens must be an integer; got ${JSON.stringify(value)}.`);
  }
  return value;
}

const givenBudget = (t: Record<string, unknown>) => t.budgetTokens ?? t.budget_tokens;

/**
 * Resolves `thinking` and `max_tokens` together, because Anthropic requires
 * `1024 <= budget_tokens < max_tokens`: a budget out of range is rejected here, before any request.
 * Models the registry lists with thinking but no budget range only take adaptive thinking (Anthropic
 * answers 400 "thinking.type.enabled is not supported for this model"): a budgeted request becomes
 * `{ type: 'adaptive' }`, with a warning when the caller gave a budget, or an error under
 * `requireBudget`. The other way round, `{ type: 'adaptive' }` on a thinking model the registry lists
 * without adaptive thinking (Sonnet 4.5, Opus 4.5 and older) is sent as a budget, with a warning.
 * Models the registry does not know get the request as asked.
 * @param thinking - The `thinking` call option, as given.
 * @param maxTokens - The caller's `maxTokens`, if any.
 * @param modelMax - The model's maximum output, the default `max_tokens`.
 * @param spec - The registry's record of the model, if any.
 * @param model - The model id, for messages.
 * @throws {@link InvalidRequestError} naming the valid range or the accepted shapes.
 */
export function prepareAnthropicThinking(
  thinking: unknown,
  maxTokens: number | undefined,
  modelMax: number,
  spec?: ModelSpec,
  model = spec?.id ?? 'this model',
): ResolvedThinking {
  const max = maxTokens ?? modelMax;
  if (thinking === undefined || thinking === null) return { on: false, maxTokens: max };
  if (thinking === false) return { wire: { type: 'disabled' }, on: false, maxTokens: max };
  const t: Record<string, unknown> =
    thinking === true ? { type: 'enabled' } : (thinking as Record<string, unknown>);
  if (typeof t !== 'object' || Array.isArray(t)) fail(shapes(thinking));
  const display = typeof t.display === 'string' ? { display: t.display } : {};
  const type = t.type ?? (t.enabled === true ? 'enabled' : t.enabled === false ? 'disabled' : '');
  if (type === 'disabled') return { wire: { type: 'disabled' }, on: false, maxTokens: max };
  if (type === 'adaptive') {
    if (spec?.capabilities.thinking && !spec.adaptiveThinking)
      return adaptiveAsBudget(max, display, model, maxTokens === undefined);
    return { wire: { type: 'adaptive', ...display }, on: true, maxTokens: max };
  }
  if (type !== 'enabled') fail(shapes(thinking));
  const budget = budgetOf(t);
  if (spec?.capabilities.thinking && spec.reasoning?.budgetMin === undefined) {
    if (t.requireBudget === true) {
      fail(
        `${model} only thinks adaptively (the model registry lists no thinking budget for it), and ` +
          "requireBudget is set: use { type: 'adaptive' } (steer it with output_config: { effort }), " +
          'or a model that takes a budget.',
      );
    }
    return {
      wire: { type: 'adaptive', ...display },
      on: true,
      maxTokens: max,
      warning:
        givenBudget(t) === undefined
          ? undefined
          : `thinking budgetTokens (${budget}) was not sent: ${model} only thinks adaptively, so ` +
            "thinking: { type: 'adaptive' } was sent (set requireBudget: true to get an error instead).",
    };
  }
  if (budget < MIN_THINKING_BUDGET || budget >= max) {
    const source = maxTokens === undefined ? `this model's maximum output` : 'maxTokens';
    fail(
      `budgetTokens must be at least ${MIN_THINKING_BUDGET} and less than ${source} (${max}), ` +
        `so between ${MIN_THINKING_BUDGET} and ${max - 1}; got ${budget}.` +
        (maxTokens === undefined ? '' : ' Raise maxTokens or lower the budget.'),
    );
  }
  return { wire: { type: 'enabled', budget_tokens: budget, ...display }, on: true, maxTokens: max };
}

/**
 * Adaptive thinking on a model that only takes a budget (Anthropic answers 400 "adaptive thinking is
 * not supported on this model"): half of `max_tokens`, between 1024 and {@link ADAPTIVE_FALLBACK_BUDGET}.
 */
function adaptiveAsBudget(
  max: number,
  display: { display?: string },
  model: string,
  defaultMax: boolean,
): ResolvedThinking {
  const budget = Math.max(
    MIN_THINKING_BUDGET,
    Math.min(ADAPTIVE_FALLBACK_BUDGET, Math.floor(max / 2)),
  );
  if (budget >= max) {
    fail(
      `${model} has no adaptive thinking (model registry), so it gets a thinking budget, which must ` +
        `be at least ${MIN_THINKING_BUDGET} and below ${defaultMax ? "the model's maximum output" : 'maxTokens'} ` +
        `(${max}): raise maxTokens above ${MIN_THINKING_BUDGET}, or turn thinking off.`,
    );
  }
  return {
    wire: { type: 'enabled', budget_tokens: budget, ...display },
    on: true,
    maxTokens: max,
    warning:
      `thinking { type: 'adaptive' } was sent as { type: 'enabled', budget_tokens: ${budget} }: ` +
      `${model} has no adaptive thinking (model registry). Pass budgetTokens to choose the budget.`,
  };
}

function shapes(got: unknown): string {
  return (
    "use { type: 'enabled', budgetTokens }, { type: 'adaptive' }, { type: 'disabled' }, " +
    `{ enabled: true, budgetTokens } or true; got ${JSON.stringify(got)}.`
  );
}
