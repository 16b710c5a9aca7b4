// The rules for the fields models.dev lacks (tier, status, thinking, grammar…), applied to every
// entry once all sources are merged. Each rule says why it holds.

import { originalTier } from './original.mjs';

/**
 * Tier (the original's ModelTier) for models the original does not rate, or rates with a value outside
 * the enum ('preview', 'fast'). Sizes come from the name, because providers encode them there.
 */
export function deriveTier(id) {
  if (/(^|-)nano(-|$)/.test(id)) return 'nano';
  if (/(^|-)mini(-|$)/.test(id)) return 'mini';
  if (/flash/.test(id)) return 'flash'; // includes flash-lite: Google's cheap, fast line
  if (/heavy|multi-agent/.test(id)) return 'heavy'; // several agents per call, like grok-4-heavy
  if (/(^|-)pro(-|$)/.test(id)) return 'pro';
  if (/haiku|^gemma/.test(id)) return 'small';
  if (/sonnet/.test(id)) return 'medium';
  if (/opus|fable/.test(id)) return 'large'; // claude-fable-5 is priced above Opus
  return 'standard';
}

/** Completes an entry with the fields models.dev lacks, each by a documented rule. */
export function finish(e, original) {
  const o = original.get(e.aliasOf ?? e.id) ?? original.get(e.id);
  e.tier = originalTier(original.get(e.id)) ?? originalTier(o) ?? deriveTier(e.id);
  // Preview and experimental ids are named so by every provider; deprecation comes from the data.
  e.status ??= /preview|-exp\b/.test(e.id) ? 'preview' : 'active';
  // Extended thinking (Anthropic) and thinkingConfig (Google) expose the reasoning as a controllable
  // mode; OpenAI and xAI reason internally without it (inventory §g.5: only Claude and Gemini think).
  e.thinking = e.reasoning && (e.provider === 'anthropic' || e.provider === 'google');
  // Anthropic gives a minimum only; budget_tokens must stay below max_tokens, which bounds it.
  if (e.thinking && e.budget && e.budget[1] === undefined)
    e.budget = [e.budget[0], e.maxOutputTokens - 1];
  // Claude Opus 4.1 (released 2025-08-05) and every Claude model since refuse a request that sets both
  // `temperature` and `top_p` (400 "`temperature` and `top_p` cannot both be specified for this
  // model"; Anthropic's migration guide for Claude 4.5 models). The release date marks the generation.
  e.exclusiveSampling = e.provider === 'anthropic' && (e.releaseDate ?? '') >= '2025-08-05';
  // Adaptive thinking (`thinking: { type: 'adaptive' }`) came with Claude Opus 4.6 (2026-02-05); Sonnet
  // 4.5, Opus 4.5 and older thinking models answer 400 "adaptive thinking is not supported on this
  // model" and need `{ type: 'enabled', budget_tokens }` (platform.claude.com build-with-claude/
  // adaptive-thinking, supported models).
  e.adaptiveThinking = e.provider === 'anthropic' && e.thinking && e.releaseDate >= '2026-02-05';
  // Native structured outputs (`output_config.format`, strict tools) are generally available for
  // Claude Sonnet 4.5 (2025-09-29) and every Claude model since (platform.claude.com build-with-claude/
  // structured-outputs); Opus 4.1 had them only in the retired beta, older models never.
  e.nativeStructuredOutput =
    e.provider === 'anthropic' && e.tools && (e.releaseDate ?? '') >= '2025-09-29';
  // Anthropic bills prompt-cache writes with the 1-hour lifetime at 2x the base input price (the
  // 5-minute writes, models.dev's cache_write, at 1.25x): docs.claude.com prompt-caching#pricing.
  if (e.provider === 'anthropic' && e.prices?.input !== undefined) {
    const long = e.prices.longContext;
    e.prices = {
      ...e.prices,
      cacheWrite1h: 2 * e.prices.input,
      longContext: long?.input === undefined ? long : { ...long, cacheWrite1h: 2 * long.input },
    };
  }
  // OpenAI's reasoning models reject `max_tokens` and need `max_completion_tokens` (o-series, GPT-5).
  e.requiresMaxCompletionTokens = e.provider === 'openai' && e.reasoning;
  // The legacy text-completion endpoint (/v1/completions) serves only OpenAI's instruct and base
  // models (gpt-3.5-turbo-instruct, davinci-002, babbage-002); they have no chat endpoint.
  e.completionsOnly = e.provider === 'openai' && /-instruct\b|^(davinci|babbage)-002/.test(e.id);
  // Lark/regex grammar custom tools: GPT-5 family and gpt-4.1 (the original's models.json); they are
  // tools, so only models that call tools take them.
  e.grammar = e.provider === 'openai' && /^gpt-(5|4\.1)/.test(e.id) && e.tools;
  // grok-3-mini takes reasoning_effort "low" or "high"; other Grok models before 4.3 refuse the
  // parameter (docs.x.ai, reasoning guide: "reasoning_effort ... only supported by grok-3-mini").
  if (e.provider === 'xai' && /^grok-3-mini/.test(e.id)) e.efforts ??= ['low', 'high'];
  serviceTiers(e);
  // models.dev leaves structured_output out for Anthropic. The SDK gives every Claude model that
  // calls tools schema-shaped output (natively where the API has it, else through a forced tool), so
  // for Anthropic tool support decides; elsewhere fall back to the original's flag.
  if (e.provider === 'anthropic') e.structuredOutput = e.tools;
  else if (e.structuredOutput === undefined) {
    e.structuredOutput =
      o?.static?.supports_structured_output ?? o?.json?.supports_structured_output ?? false;
  }
  return e;
}

const DATED = String.raw`(-\d{4}-\d{2}-\d{2})?$`;
// OpenAI's Flex processing: o3, o4-mini and the GPT-5 family's base, mini and nano models (the
// pricing page lists Flex prices for them; codex, pro and chat models answer 400 "Flex is not
// available for this model"): platform.openai.com/docs/guides/flex-processing.
const OPENAI_FLEX = new RegExp(`^(o3|o4-mini|gpt-5(\\.\\d+)?(-mini|-nano)?)${DATED}`);
// OpenAI's Priority processing: the Flex models, GPT-4.1 and GPT-4o (openai.com/api-priority-processing),
// and what models.dev lists with a priority ("fast") mode.
const OPENAI_PRIORITY = new RegExp(`^(gpt-4\\.1(-mini|-nano)?|gpt-4o(-mini)?)${DATED}`);

/**
 * The service tiers a model offers besides standard, as flags. Claude: every model may run on
 * Priority Tier capacity (`service_tier: "auto"`; docs.claude.com/en/api/service-tiers). Gemini API:
 * Flex and Priority inference for Gemini 3 and later (ai.google.dev/gemini-api/docs/flex-inference,
 * /priority-inference); older models are left without, so no request asks what they refuse.
 */
function serviceTiers(e) {
  const openaiFlex = e.provider === 'openai' && OPENAI_FLEX.test(e.id);
  const gemini3 = e.provider === 'google' && /^gemini-3/.test(e.id);
  e.flexTier = openaiFlex || gemini3;
  e.priorityTier =
    (e.provider === 'openai' && (openaiFlex || OPENAI_PRIORITY.test(e.id) || e.priorityMode)) ||
    e.provider === 'anthropic' ||
    gemini3;
}
