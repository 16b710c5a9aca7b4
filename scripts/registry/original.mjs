// Reading the Python alea-llm-client 0.2.3 registries (original-models.json, issue 6): the fields
// models.dev lacks (tier) and the older model ids that models.dev no longer lists.

import { uniq } from './common.mjs';

const TIERS = new Set([
  'nano',
  'mini',
  'small',
  'medium',
  'standard',
  'large',
  'pro',
  'flash',
  'heavy',
]);

/** Merges the original's two registries (models.json and COMPLETE_MODEL_CAPABILITIES) per model id. */
export function loadOriginal(orig) {
  const byId = new Map();
  const get = (id) =>
    byId.get(id) ?? byId.set(id, { id, json: undefined, static: undefined }).get(id);
  for (const [provider, p] of Object.entries(orig.dynamic_registry_models_json.providers)) {
    for (const m of p.models) Object.assign(get(m.name), { provider, json: m });
  }
  for (const m of orig.static_registry_COMPLETE_MODEL_CAPABILITIES.models) {
    const e = get(m.model_name);
    e.provider ??= m.provider;
    e.static = m;
  }
  return byId;
}

/** The original's tier for an id, when it is a real ModelTier value. */
export function originalTier(o) {
  const t = o?.static?.tier ?? o?.json?.tier;
  return TIERS.has(t) ? t : undefined;
}

/** The original's release date of a model, with its one known typo fixed. */
export function originalReleaseDate(o) {
  const date = o.static?.release_date ?? o.json?.release_date ?? undefined;
  // The original writes grok-4-0709's release date as 2024-07-09; the model shipped on 2025-07-09.
  return o.id.startsWith('grok-4-0709') && date === '2024-07-09' ? '2025-07-09' : date;
}

/** Builds an entry from the original's data alone (a model models.dev no longer lists). */
export function fromOriginal(o) {
  const s = o.static ?? {};
  const j = o.json ?? {};
  const flag = (name) => s[`supports_${name}`] === true || j[`supports_${name}`] === true;
  const reasoning = flag('reasoning');
  const vision = flag('vision');
  // The two copies disagree on limits (issue 6, inventory §g.1); the smaller values are the known typos
  // (gpt-4.1 at 128K, o3 at 128K, grok-2-1212 at 32K), so take the larger claim.
  const contextWindow = Math.max(s.context_window ?? 0, j.context_window ?? 0) || 4096;
  const maxOutputTokens =
    Math.max(s.max_completion_tokens ?? s.max_output_tokens ?? 0, j.max_output_tokens ?? 0) || 4096;
  const input = uniq([...(s.input_modalities ?? []), ...(j.input_modalities ?? ['text'])]);
  if (vision && !input.includes('image')) input.push('image');
  const releaseDate = originalReleaseDate(o);
  return {
    id: o.id,
    provider: o.provider,
    name: o.id,
    family: s.family ?? j.family ?? o.id,
    contextWindow,
    maxOutputTokens,
    inputModalities: input,
    outputModalities: ['text'],
    tools: flag('tools'),
    vision,
    structuredOutput: flag('structured_output'),
    reasoning,
    // OpenAI's reasoning models (o-series) reject `temperature`; the original has no temperature flag,
    // and xAI's reasoning models accept it.
    temperature: !(reasoning && o.provider === 'openai'),
    // The original's reasoning models all take OpenAI's three effort levels.
    efforts: reasoning && flag('reasoning_effort') ? ['low', 'medium', 'high'] : undefined,
    budget: undefined,
    prices: undefined,
    // models.dev lists what providers serve today; an id only the 2025 original knows is retired or
    // about to be, so it is kept for lookups of old code but marked deprecated.
    status: 'deprecated',
    knowledgeCutoff: s.knowledge_cutoff ?? undefined,
    releaseDate,
    platforms: ['api'],
    source: 'original',
  };
}
