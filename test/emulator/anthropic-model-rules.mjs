// Per-model rules of POST /v1/messages, from the registry data (registry-data.mjs), with the real
// API's status and messages: `max_tokens` above the model's maximum, sampling settings a model refuses
// (none at all on the Claude Opus 4.7 generation; not `temperature` and `top_p` together since Claude
// Opus 4.1), budgeted thinking on models that only think adaptively, adaptive thinking on models
// without it (before Claude Opus 4.6), structured outputs (`output_config.format`, strict tools) on
// models without them (before Claude Sonnet 4.5), and, when the scenario sets `strictModels`, model
// ids the registry does not know (404, as the API answers). Unknown models are otherwise accepted with
// no model rules, so tests may use made-up ids.
import { anthropicError, invalidRequest } from './anthropic-common.mjs';
import { anthropicModel } from './registry-data.mjs';

// Defaults the API accepts even where a setting is "deprecated": only other values are refused.
const DEFAULTS = { temperature: 1, top_p: 1 };

/** The first per-model rule the request breaks, as an error Result, or null. */
export function checkModelRules(b, ctx) {
  const strict = ctx.scenario.strictModels === true;
  const m = anthropicModel(b.model, strict);
  if (!m) return strict ? anthropicError(404, 'not_found_error', `model: ${b.model}`, ctx) : null;
  if (b.max_tokens > m.maxOutputTokens)
    return invalidRequest(
      `max_tokens: ${b.max_tokens} > ${m.maxOutputTokens}, which is the maximum allowed number of output tokens for ${m.id}`,
      ctx,
    );
  if (!m.temperature) {
    for (const key of ['temperature', 'top_p', 'top_k']) {
      if (b[key] !== undefined && b[key] !== DEFAULTS[key])
        return invalidRequest(`\`${key}\` is deprecated for this model.`, ctx);
    }
  }
  if (m.exclusiveSampling && b.temperature !== undefined && b.top_p !== undefined)
    return invalidRequest(
      '`temperature` and `top_p` cannot both be specified for this model. Please use only one.',
      ctx,
    );
  if (b.thinking?.type === 'enabled' && m.thinking && !m.budget)
    return invalidRequest(
      '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
      ctx,
    );
  if (b.thinking?.type === 'adaptive' && !m.adaptiveThinking)
    return invalidRequest('adaptive thinking is not supported on this model', ctx);
  return checkStructuredOutputs(b, m, ctx);
}

// Anthropic documents which models have structured outputs but not the words of its refusal: the
// status and error type are the API's, the message is ours.
function checkStructuredOutputs(b, m, ctx) {
  if (m.nativeStructuredOutput) return null;
  if (b.output_config?.format !== undefined)
    return invalidRequest(
      `output_config.format: structured outputs are not supported on ${m.id}`,
      ctx,
    );
  const strict = (Array.isArray(b.tools) ? b.tools : []).findIndex((t) => t?.strict === true);
  if (strict >= 0)
    return invalidRequest(
      `tools.${strict}.custom.strict: strict tool use is not supported on ${m.id}`,
      ctx,
    );
  return null;
}

const EFFORT_LEVELS = new Set(['low', 'medium', 'high', 'xhigh', 'max']);

/**
 * `service_tier` (anthropic-openapi.json: 'auto' or 'standard_only') and `output_config.effort`
 * (EffortLevel), and the effort levels per model from the registry (platform.claude.com
 * build-with-claude/effort: Claude Opus 4.5 takes low to high, Opus 4.6 and Sonnet 4.6 add max, Opus
 * 4.7 xhigh; Sonnet 4.5 and older refuse the parameter). The status and error type are the API's,
 * the per-model messages ours.
 */
export function checkEffortAndTier(b, ctx) {
  if (b.service_tier !== undefined && !['auto', 'standard_only'].includes(b.service_tier))
    return invalidRequest("service_tier: Input should be 'auto' or 'standard_only'", ctx);
  const effort = b.output_config?.effort;
  if (effort === undefined || effort === null) return null;
  if (!EFFORT_LEVELS.has(effort))
    return invalidRequest(
      "output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'",
      ctx,
    );
  const m = anthropicModel(b.model);
  if (!m) return null;
  if (!m.efforts.length)
    return invalidRequest(`output_config.effort: effort is not supported on ${m.id}`, ctx);
  if (!m.efforts.includes(effort))
    return invalidRequest(
      `output_config.effort: '${effort}' is not supported on ${m.id} (it takes ${m.efforts.join(', ')})`,
      ctx,
    );
  return null;
}
