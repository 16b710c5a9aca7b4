// OpenAI's (and xAI's, on the same routes) rules for reasoning effort, service tiers and custom
// grammar tools, shared by /v1/chat/completions and /v1/responses, from the registry data like the
// SDK: with the status and messages the API sends.
//   - `reasoning_effort` (chat) / `reasoning.effort` (Responses) on a model that does not reason:
//     400 "Unsupported parameter: 'reasoning.effort' is not supported with this model."
//   - a value the model lacks: 400 "Unsupported value: 'reasoning.effort' does not support 'minimal'
//     with this model. Supported values are: 'low', 'medium', and 'high'."
//   - `service_tier` outside the enum (openai-openapi.yaml ServiceTier); `flex` on a model without
//     Flex processing: 400 "Flex is not available for this model." (openai-python issue reports).
//   - custom tools: a grammar syntax other than lark or regex, an empty definition, a regex that
//     does not compile (the API compiles it: 400 naming the tool).
import { badRequest, isObject, isReasoningModel } from './openai-common.mjs';
import { openaiModel, xaiModel } from './registry-data.mjs';

const TIERS = ['auto', 'default', 'flex', 'scale', 'priority', 'fast'];

/**
 * What the registry says of a model served on these routes; the name rule for OpenAI-looking ids it
 * does not know; for any other id (a vLLM or local server's model) no rule, as those servers take
 * `reasoning_effort` and ignore tiers.
 */
function modelOf(id) {
  const known = openaiModel(id) ?? xaiModel(id);
  if (known) return known;
  const openaiLike = /^(gpt-|o\d|chatgpt-|grok-)/.test(id);
  const reasoning = openaiLike ? isReasoningModel(id) : true;
  return { reasoning, efforts: [], flexTier: true, unknown: true };
}

const list = (values) =>
  values.length > 1
    ? `${values
        .slice(0, -1)
        .map((v) => `'${v}'`)
        .join(', ')}, and '${values.at(-1)}'`
    : `'${values[0]}'`;

/** The effort rule: `param` names where the value is (`reasoning_effort` or `reasoning.effort`). */
export function effortError(model, effort, param) {
  if (effort === undefined || effort === null) return null;
  const m = modelOf(model);
  const efforts = m.efforts ?? [];
  // A model the registry lists with effort values, or an unknown reasoning model, takes the knob.
  const takes = m.unknown ? m.reasoning : efforts.length > 0;
  if (!takes) {
    return badRequest(
      `Unsupported parameter: '${param}' is not supported with this model.`,
      param,
      'unsupported_parameter',
    );
  }
  if (!m.unknown && !efforts.includes(effort)) {
    return badRequest(
      `Unsupported value: '${param}' does not support '${effort}' with this model. Supported values are: ${list(efforts)}.`,
      param,
      'unsupported_value',
    );
  }
  return null;
}

/** `reasoning` other than the effort (a summary) on a model that does not reason. */
export function reasoningError(model, reasoning) {
  if (!isObject(reasoning)) return null;
  if (reasoning.effort !== undefined)
    return effortError(model, reasoning.effort, 'reasoning.effort');
  const m = modelOf(model);
  if (m.reasoning || reasoning.summary === undefined || reasoning.summary === null) return null;
  return badRequest(
    "Unsupported parameter: 'reasoning.summary' is not supported with this model.",
    'reasoning.summary',
    'unsupported_parameter',
  );
}

/** The service tier rule. */
export function serviceTierError(model, tier) {
  if (tier === undefined || tier === null) return null;
  if (!TIERS.includes(tier)) {
    return badRequest(
      `Invalid value: '${tier}'. Supported values are: ${list(TIERS)}.`,
      'service_tier',
      'invalid_value',
    );
  }
  if (tier === 'flex' && !modelOf(model).flexTier)
    return badRequest('Flex is not available for this model.', 'service_tier');
  return null;
}

/** A custom tool's grammar (`format`), as either endpoint nests it. */
export function grammarError(format, param) {
  if (!isObject(format) || format.type !== 'grammar') return null;
  const grammar = isObject(format.grammar) ? format.grammar : format;
  const where = format === grammar ? param : `${param}.grammar`;
  if (!['lark', 'regex'].includes(grammar.syntax)) {
    return badRequest(
      `Invalid value: '${grammar.syntax}'. Supported values are: 'lark' and 'regex'.`,
      `${where}.syntax`,
      'invalid_value',
    );
  }
  if (typeof grammar.definition !== 'string' || grammar.definition === '')
    return badRequest(`Missing required parameter: '${where}.definition'.`, `${where}.definition`);
  if (grammar.syntax === 'regex') {
    try {
      RegExp(grammar.definition);
    } catch {
      return badRequest(`Invalid regex grammar: ${grammar.definition}`, `${where}.definition`);
    }
  }
  return null;
}
