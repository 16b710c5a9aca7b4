import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/** A Gemini `thinkingLevel`, in the portable lower-case spelling. */
export type GoogleThinkingLevel = 'minimal' | 'low' | 'medium' | 'high';

const LEVELS: readonly string[] = ['minimal', 'low', 'medium', 'high'];
// Budgets used when a level is asked of a model that only takes a budget (Gemini 2.x).
const LEVEL_BUDGET: Record<GoogleThinkingLevel, number> = {
  minimal: 128,
  low: 1024,
  medium: 8192,
  high: 24576,
};

// Which models take what: a small table until the model registry carries these capabilities.
// Gemini 3 models take a `thinkingLevel` (a budget is still accepted for compatibility); the Pro
// models know no MINIMAL level; Gemini 2.5 Pro cannot turn thinking off (a budget of 0 is a 400).
const bare = (model: string) => model.replace(/^.*models\//, '');
/** Tells whether a Gemini model takes a thinking level rather than only a budget. */
export const takesThinkingLevel = (model: string) => /^gemini-3/.test(bare(model));
const isPro = (model: string) => /^gemini-[\d.]+-pro/.test(bare(model));

/** The result: a `thinkingConfig` for `generationConfig`, and what could not be honoured. */
export interface GoogleThinking {
  thinkingConfig: Record<string, unknown>;
  warnings: string[];
}

function budgetOf(thinking: Record<string, unknown>): number | undefined {
  const budget = thinking.budgetTokens ?? thinking.budget_tokens;
  if (budget === undefined) return undefined;
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < -1) {
    throw new InvalidRequestError(
      `thinking.budgetTokens must be an integer of at least 0 (or -1 for a dynamic budget); got ${JSON.stringify(budget)}.`,
    );
  }
  return budget;
}

function disabled(model: string): GoogleThinking {
  if (takesThinkingLevel(model)) {
    const level = isPro(model) ? 'LOW' : 'MINIMAL';
    return {
      thinkingConfig: { thinkingLevel: level },
      warnings: [`${model} cannot turn thinking off; sent thinkingLevel ${level}, its lowest.`],
    };
  }
  if (isPro(model)) {
    return {
      thinkingConfig: { thinkingBudget: 128 },
      warnings: [`${model} cannot turn thinking off; sent its smallest thinking budget, 128.`],
    };
  }
  return { thinkingConfig: { thinkingBudget: 0 }, warnings: [] };
}

/**
 * Maps the portable `thinking` call option to Gemini's `thinkingConfig`:
 * `{ enabled: true, budgetTokens }` or `{ type: 'enabled', budgetTokens }` → `thinkingBudget`;
 * `{ level }` → `thinkingLevel` (Gemini 3) or a comparable budget (older models, with a warning);
 * `{ type: 'adaptive' }` → the model's dynamic thinking; `{ type: 'disabled' }` or
 * `{ enabled: false }` → no thinking where the model allows it. Thoughts are requested
 * (`includeThoughts`) whenever thinking is on, so `response.thinking` is filled.
 * @throws {@link InvalidRequestError} for a shape or value Gemini cannot take.
 */
export function prepareGoogleThinking(thinking: unknown, model: string): GoogleThinking {
  if (typeof thinking !== 'object' || thinking === null || Array.isArray(thinking)) {
    throw new InvalidRequestError(
      'thinking must be an object such as { type: "enabled", budgetTokens: 2048 }, ' +
        '{ level: "high" }, { type: "adaptive" } or { type: "disabled" }.',
    );
  }
  const t = thinking as Record<string, unknown>;
  if (t.type === 'disabled' || t.enabled === false) return disabled(model);
  const known = t.type === undefined || ['enabled', 'adaptive'].includes(t.type as string);
  if (!known) {
    throw new InvalidRequestError(
      `thinking.type must be "enabled", "adaptive" or "disabled"; got ${JSON.stringify(t.type)}.`,
    );
  }
  const budget = budgetOf(t);
  const level = t.level;
  if (level !== undefined && (typeof level !== 'string' || !LEVELS.includes(level))) {
    throw new InvalidRequestError(
      `thinking.level must be one of ${LEVELS.join(', ')}; got ${JSON.stringify(level)}.`,
    );
  }
  if (budget !== undefined && level !== undefined) {
    throw new InvalidRequestError('thinking takes budgetTokens or level, not both.');
  }
  const config: Record<string, unknown> = { includeThoughts: true };
  const warnings: string[] = [];
  if (budget !== undefined) config.thinkingBudget = budget;
  else if (level !== undefined) {
    if (takesThinkingLevel(model)) config.thinkingLevel = level.toUpperCase();
    else {
      config.thinkingBudget = LEVEL_BUDGET[level as GoogleThinkingLevel];
      warnings.push(
        `${model} takes a thinking budget, not a level: sent thinkingBudget ${config.thinkingBudget} for level ${level}.`,
      );
    }
  } else if (t.type === 'adaptive') {
    // Gemini 3 thinks dynamically by default; older models need the dynamic budget -1.
    if (!takesThinkingLevel(model)) config.thinkingBudget = -1;
  } else if (t.type === 'enabled' || t.enabled === true) {
    if (!takesThinkingLevel(model)) config.thinkingBudget = -1;
  } else {
    throw new InvalidRequestError(
      'thinking needs budgetTokens, level, or a type ("enabled", "adaptive", "disabled").',
    );
  }
  return { thinkingConfig: config, warnings };
}
