import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/** The original library's budget for `thinking: true` and `{ enabled: true }` without a budget. */
export const DEFAULT_THINKING_BUDGET = 1600;
/** Anthropic's smallest thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

/**
 * The `thinking` call option. The wire shapes in camelCase, plus the original library's
 * `true` / `{ enabled, budgetTokens }` forms; `budget_tokens` is accepted as a spelling too.
 */
export type AnthropicThinking =
  | boolean
  | { type: 'enabled'; budgetTokens?: number; budget_tokens?: number; display?: string }
  | { type: 'adaptive'; display?: string }
  | { type: 'disabled' }
  | { enabled: boolean; budgetTokens?: number; budget_tokens?: number };

/** The thinking setting resolved for one request. */
export interface ResolvedThinking {
  /** The wire `thinking` member, or undefined to send none. */
  wire?: Record<string, unknown>;
  /** True when the model will think (enabled or adaptive). */
  on: boolean;
  /** `max_tokens` to send. */
  maxTokens: number;
}

function fail(detail: string): never {
  throw new InvalidRequestError(`thinking: ${detail}`);
}

function budgetOf(t: Record<string, unknown>): number {
  const value = t.budgetTokens ?? t.budget_tokens ?? DEFAULT_THINKING_BUDGET;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    fail(`budgetTokens must be an integer; got ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * Resolves `thinking` and `max_tokens` together, because Anthropic requires
 * `1024 <= budget_tokens < max_tokens`: a budget out of range is rejected here, before any request.
 * @param thinking - The `thinking` call option, as given.
 * @param maxTokens - The caller's `maxTokens`, if any.
 * @param modelMax - The model's maximum output, the default `max_tokens`.
 * @throws {@link InvalidRequestError} naming the valid range or the accepted shapes.
 */
export function prepareAnthropicThinking(
  thinking: unknown,
  maxTokens: number | undefined,
  modelMax: number,
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
  if (type === 'adaptive')
    return { wire: { type: 'adaptive', ...display }, on: true, maxTokens: max };
  if (type !== 'enabled') fail(shapes(thinking));
  const budget = budgetOf(t);
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

function shapes(got: unknown): string {
  return (
    "use { type: 'enabled', budgetTokens }, { type: 'adaptive' }, { type: 'disabled' }, " +
    `{ enabled: true, budgetTokens } or true; got ${JSON.stringify(got)}.`
  );
}
