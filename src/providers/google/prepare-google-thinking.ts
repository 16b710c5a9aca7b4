import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

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

/** The result: a `thinkingConfig` for `generationConfig` (none to send), and what was changed. */
export interface GoogleThinking {
  thinkingConfig?: Record<string, unknown>;
  warnings: string[];
}

/**
 * What a model takes, from the registry (Google's thinking guide: Gemini 3 models take a
 * `thinkingLevel`, each its own set, Gemini 3 Pro no `minimal`; Gemini 2.5 models a `thinkingBudget`
 * in a range per model). For a model the registry does not know, the generation in its id decides.
 */
function capabilities(model: string, spec: ModelSpec | undefined) {
  const id = model.replace(/^.*models\//, '');
  const levels = spec ? (spec.reasoning?.efforts ?? []) : /^gemini-3/.test(id) ? LEVELS : [];
  return {
    levels: levels.filter((l) => LEVELS.includes(l)),
    min: spec?.reasoning?.budgetMin,
    max: spec?.reasoning?.budgetMax,
    thinks: spec ? spec.capabilities.thinking : true,
    // "You cannot turn thinking off when using Gemini 2.5 Pro" (Google's thinking guide, budgets).
    alwaysThinks: /^gemini-[\d.]+-pro/.test(id),
  };
}
type Capabilities = ReturnType<typeof capabilities>;

/**
 * The accepted level closest to the one asked: the next lower one, else the next higher one (the
 * rule of the Vercel AI SDK's provider abstraction, which errs on the cheaper side).
 */
function nearestLevel(level: string, accepted: readonly string[]): string {
  const rank = LEVELS.indexOf(level);
  const lower = accepted.filter((l) => LEVELS.indexOf(l) < rank);
  return lower.length ? lower[lower.length - 1]! : accepted.find((l) => LEVELS.indexOf(l) > rank)!;
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

function disabled(model: string, caps: Capabilities): GoogleThinking {
  if (!caps.thinks) return { warnings: [] };
  const lowest = caps.levels[0];
  if (lowest) {
    const level = lowest.toUpperCase();
    return {
      thinkingConfig: { thinkingLevel: level },
      warnings: [`${model} cannot turn thinking off; sent thinkingLevel ${level}, its lowest.`],
    };
  }
  if (!caps.alwaysThinks) return { thinkingConfig: { thinkingBudget: 0 }, warnings: [] };
  const min = caps.min ?? 128;
  return {
    thinkingConfig: { thinkingBudget: min },
    warnings: [`${model} cannot turn thinking off; sent its smallest thinking budget, ${min}.`],
  };
}

/** A budget inside the model's range (0 and -1 keep their meaning), with a warning when moved. */
function fitBudget(model: string, budget: number, caps: Capabilities, warnings: string[]) {
  if (budget === -1 || caps.levels.length) return budget;
  const { min = 0, max = Number.POSITIVE_INFINITY } = caps;
  const fitted = Math.min(Math.max(budget, min), max);
  if (fitted !== budget)
    warnings.push(`${model} takes a thinking budget of ${min} to ${max}; sent ${fitted}.`);
  return fitted;
}

function fromLevel(model: string, level: string, caps: Capabilities, warnings: string[]) {
  if (!caps.levels.length) {
    const budget = fitBudget(model, LEVEL_BUDGET[level as GoogleThinkingLevel], caps, []);
    warnings.push(
      `${model} takes a thinking budget, not a level: sent thinkingBudget ${budget} for level ${level}.`,
    );
    return { thinkingBudget: budget };
  }
  const sent = caps.levels.includes(level) ? level : nearestLevel(level, caps.levels);
  if (sent !== level) {
    warnings.push(
      `${model} has no thinking level ${level} (it takes ${caps.levels.join(', ')}); sent ${sent}.`,
    );
  }
  return { thinkingLevel: sent.toUpperCase() };
}

/**
 * Maps the portable `thinking` call option to Gemini's `thinkingConfig`, sending only what the model
 * takes (see the registry's `reasoning`):
 * `{ enabled: true, budgetTokens }` or `{ type: 'enabled', budgetTokens }` → `thinkingBudget`, moved
 * into the model's range; `{ level }` → `thinkingLevel` (Gemini 3; a level the model lacks becomes the
 * nearest one it has) or a comparable budget (Gemini 2.5), with a warning for every change;
 * `{ type: 'adaptive' }` → the model's dynamic thinking; `{ type: 'disabled' }` or `{ enabled: false }`
 * → no thinking, or the least the model allows. Thoughts are requested (`includeThoughts`) whenever
 * thinking is on, so `response.thinking` is filled.
 * @throws {@link InvalidRequestError} for a shape or value Gemini cannot take.
 */
export function prepareGoogleThinking(
  thinking: unknown,
  model: string,
  spec?: ModelSpec,
): GoogleThinking {
  if (typeof thinking !== 'object' || thinking === null || Array.isArray(thinking)) {
    throw new InvalidRequestError(
      'thinking must be an object such as { type: "enabled", budgetTokens: 2048 }, ' +
        '{ level: "high" }, { type: "adaptive" } or { type: "disabled" }.',
    );
  }
  const t = thinking as Record<string, unknown>;
  const caps = capabilities(model, spec);
  if (t.type === 'disabled' || t.enabled === false) return disabled(model, caps);
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
  const warnings: string[] = [];
  if (budget === 0) return disabled(model, caps);
  let config: Record<string, unknown>;
  if (budget !== undefined) config = { thinkingBudget: fitBudget(model, budget, caps, warnings) };
  else if (level !== undefined) config = fromLevel(model, level, caps, warnings);
  else if (t.type === 'adaptive' || t.type === 'enabled' || t.enabled === true) {
    // Gemini 3 thinks dynamically by default; older models need the dynamic budget -1.
    config = caps.levels.length ? {} : { thinkingBudget: -1 };
  } else {
    throw new InvalidRequestError(
      'thinking needs budgetTokens, level, or a type ("enabled", "adaptive", "disabled").',
    );
  }
  return { thinkingConfig: { includeThoughts: true, ...config }, warnings };
}
